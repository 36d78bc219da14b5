// "Tin nhắc lịch học" in real Chromium against the real stack (the Zalo sandbox and the bot
// server as processes, with the planner and the outbox sender), on a clock standing just after
// 19:00 on Thứ Sáu 04/12/2026: the planner's run at start-up writes the evening-before
// reminders of Saturday's classes at once. A facilitator made staff with `pnpm staff` sees the
// OA group's reminder go out and the ordinary group's wait as "Cần chia sẻ thủ công"; they share
// it and say so. axe checks the page at normal and at the largest text on a 360 px phone.
import { openDatabase } from "@hocso/bot-server/db/database";
import { upsertResidentialGroups } from "@hocso/bot-server/db/residential-groups";
import { setUpDatabase } from "@hocso/bot-server/db/setup";
import { insertMissingWeeklyClasses } from "@hocso/bot-server/db/weekly-classes";
import { wardFile } from "@hocso/bot-server/lib/content";
import { StaffRemindersSchema, type StaffReminders } from "@hocso/shared/staff-reminders";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations, type AxeFinding } from "./axe.ts";
import { collectPageErrors, launchBrowser } from "./browser.ts";
import { firstTdp, sessionToken, visible } from "./flows.ts";
import { startStack, type Stack } from "./stack.ts";
import { escapeRegExp, facilitatorPhone, onboardAsFacilitator, waitForHeading } from "./staff.ts";

/** an ordinary Zalo group the OA cannot post in, with its own Saturday class */
const shareTdp = { id: "to-thu-nhom-thuong", name: "Tổ dân phố thử (nhóm thường)", adultPopulation: 100, channel: "share" as const };
const SHARE_CLASS = "to-thu-nhom-thuong-toi-thu-bay";
/** a few seconds after the evening-before reminders fall due (19:00 ward time) */
const CLOCK_START = "2026-12-04T19:00:20+07:00";

let stack: Stack;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];

function prepareDatabase(databasePath: string): void {
  const db = openDatabase(databasePath);
  try {
    const now = new Date(CLOCK_START);
    setUpDatabase(db, wardFile, now);
    upsertResidentialGroups(db, [shareTdp], now);
    insertMissingWeeklyClasses(
      db,
      [
        {
          id: SHARE_CLASS,
          tdpId: shareTdp.id,
          weekday: 6,
          startTime: "19:00",
          durationMinutes: 90,
          place: "Sân nhà ông Ba, tổ thử",
          topic: "Nhận biết cuộc gọi mạo danh",
          lessonIds: ["cuoc-goi-mao-danh"],
          bring: "Điện thoại đã sạc pin",
          firstDate: "2026-09-05",
          lastDate: null,
          cancelledDates: [],
        },
      ],
      now,
    );
  } finally {
    db.close();
  }
}

const app = () => `${stack.baseUrl}/zapps/hocso-local`;

const heading = (name: string | RegExp) => waitForHeading(page, name);

beforeAll(async () => {
  [stack, browser] = await Promise.all([
    startStack({ prepareDatabase, serverEnv: { CLOCK_START }, sandboxEnv: { CLOCK_START } }),
    launchBrowser(),
  ]);
  ({ context, page } = await facilitatorPhone(browser, stack));
  errors = collectPageErrors(page);
}, 180_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await stack?.stop();
});

let facilitator: Promise<void> | undefined;

/** Once per file: a phone onboards with the progress consent, then becomes the facilitator of two TDPs. */
function becomeFacilitator(): Promise<void> {
  facilitator ??= (async () => {
    await onboardAsFacilitator(page, stack, [firstTdp.id, shareTdp.id]);
  })();
  return facilitator;
}

/** Saturday's meeting of a TDP, as its card on the page: named by its date and time, then the TDP. */
function saturdayOf(tdpName: string): Locator {
  const name = new RegExp(`^Thứ Bảy, 05/12/2026, 19:00–20:30\\s*\\.\\s*${escapeRegExp(tdpName)}$`);
  return page.locator("section.meeting-card", { has: page.getByRole("heading", { name, level: 2 }) });
}

async function remindersOnServer(): Promise<StaffReminders> {
  const res = await fetch(`${stack.baseUrl}/api/v1/staff/reminders`, {
    headers: { Authorization: `Bearer ${await sessionToken(page)}` },
  });
  expect(res.status).toBe(200);
  return StaffRemindersSchema.parse(await res.json());
}

describe("a facilitator's class reminders in Chromium", () => {
  it("has no serious axe violation on Tin nhắc lịch học, at normal text and at the largest on a 360 px phone", async () => {
    const findings: AxeFinding[] = [];
    const overflow: string[] = [];
    await becomeFacilitator();
    for (const size of ["normal", "largest"] as const) {
      if (size === "largest") {
        await page.setViewportSize({ width: 360, height: 740 });
        await page.goto(`${app()}/co-chu-va-mau`);
        await page.getByRole("radio", { name: "Chữ rất lớn" }).check();
      }
      await page.goto(`${app()}/huong-dan/nhac-lich`);
      await heading("Tin nhắc lịch học");
      // the ordinary group's reminder waits with its two buttons
      await saturdayOf(shareTdp.name).getByRole("button", { name: "Chia sẻ vào nhóm" }).waitFor({ timeout: 15_000 });
      findings.push(...(await seriousViolations(page, `reminders (${size})`)));
      const width = page.viewportSize()!.width;
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      if (scrollWidth > width) overflow.push(`reminders (${size}): ${scrollWidth}px wide on a ${width}px screen`);
    }
    expect(findings).toEqual([]);
    expect(overflow).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.dataset.textSize)).toBe("xlarge");
    expect(errors).toEqual([]);
  });

  it("shows the OA group's reminder sent and the ordinary group's to share by hand; sharing it and saying so marks it sent", async () => {
    await becomeFacilitator();
    await page.goto(`${app()}/`);
    await page.getByRole("button", { name: "Dành cho người hướng dẫn" }).click();
    await heading("Việc của người hướng dẫn");
    await page.getByRole("button", { name: "Gửi thông báo" }).click();
    await heading("Gửi thông báo");
    await page.getByRole("button", { name: "Tin nhắc lịch học" }).click();
    await heading("Tin nhắc lịch học");
    expect(new URL(page.url()).pathname).toBe("/zapps/hocso-local/huong-dan/nhac-lich");

    // The OA posts into Giải Phóng's group itself: the page asks again until the sender has.
    const sent = saturdayOf(firstTdp.name);
    await sent.getByRole("heading", { name: "Tin nhắc tối hôm trước", level: 3 }).waitFor({ timeout: 15_000 });
    await expect
      .poll(() => sent.getByText(/Đã gửi lúc 19:0\d, Thứ Sáu, 04\/12\/2026/).isVisible(), { timeout: 30_000 })
      .toBe(true);

    const byHand = saturdayOf(shareTdp.name);
    await byHand.getByText("Cần chia sẻ thủ công", { exact: true }).waitFor();
    const [item] = (await remindersOnServer()).items.filter((i) => i.tdpId === shareTdp.id);
    expect(item).toMatchObject({ kind: "reminder", offset: "day-before", channel: "share", status: "share-by-hand" });
    expect(item!.messageText).toContain("📚 Nhắc lịch học kỹ năng số — Tổ dân phố thử (nhóm thường)\nTối mai, Thứ Bảy, 05/12/2026");

    await byHand.getByRole("button", { name: "Chia sẻ vào nhóm" }).click();
    await visible(page, "Đã chép nội dung tin.");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(item!.messageText);
    await byHand.getByRole("button", { name: "Tôi đã chia sẻ" }).click();
    await expect.poll(() => byHand.getByText(/Đã gửi lúc 19:\d\d, Thứ Sáu, 04\/12\/2026/).isVisible()).toBe(true);
    expect(await byHand.getByRole("button", { name: "Tôi đã chia sẻ" }).count()).toBe(0);

    const after = (await remindersOnServer()).items.find((i) => i.id === item!.id);
    expect(after).toMatchObject({ status: "sent", messageText: null });
    // Shown again from the server, it stays sent.
    await page.reload();
    await heading("Tin nhắc lịch học");
    await expect.poll(() => saturdayOf(shareTdp.name).getByText(/Đã gửi lúc/).isVisible(), { timeout: 10_000 }).toBe(true);
    expect(errors).toEqual([]);
  });
});

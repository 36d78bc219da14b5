// A facilitator's announcement in real Chromium against the real stack (the Zalo sandbox and the
// bot server as processes, with its outbox sender): made staff with `pnpm staff`, they compose,
// preview, send now to their TDP's group and to an ordinary group, and read the report until
// the sender has delivered; they share the ordinary group's message by hand; a scheduled one
// waits and is cancelled. axe checks the composer and the report at normal and largest text.
import { openDatabase } from "@hocso/bot-server/db/database";
import { setUpDatabase } from "@hocso/bot-server/db/setup";
import { wardFile } from "@hocso/bot-server/lib/content";
import { renderAnnouncement } from "@hocso/shared/announcements";
import { addDays, formatWardDate, wardDate } from "@hocso/shared/dates";
import { isQuiet } from "@hocso/shared/quiet-hours";
import type { Browser, BrowserContext, Page, Response } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations, type AxeFinding } from "./axe.ts";
import { collectPageErrors, launchBrowser } from "./browser.ts";
import { firstTdp, sessionToken, visible } from "./flows.ts";
import { startStack, type Stack } from "./stack.ts";
import { escapeRegExp, facilitatorPhone, onboardAsFacilitator, waitForHeading } from "./staff.ts";

/** an ordinary Zalo group the OA cannot post in: the facilitator shares into it by hand */
const shareTdp = { id: "to-thu-nhom-thuong", name: "Tổ dân phố thử (nhóm thường)" };
const TEXT = "Thứ Bảy này lớp học chuyển sang Nhà văn hóa khu phố.\nBác nhớ mang điện thoại đã sạc pin.";

let stack: Stack;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];

function addShareTdp(databasePath: string): void {
  const db = openDatabase(databasePath);
  try {
    setUpDatabase(db, wardFile, new Date());
    db.prepare(
      `INSERT INTO residential_groups (id, name, adult_population, channel, zalo_group_id, updated_at)
       VALUES (?, ?, 100, 'share', NULL, ?)`,
    ).run(shareTdp.id, shareTdp.name, new Date().toISOString());
  } finally {
    db.close();
  }
}

const app = () => `${stack.baseUrl}/zapps/hocso-local`;

const heading = (name: string | RegExp) => waitForHeading(page, name);

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack({ prepareDatabase: addShareTdp }), launchBrowser()]);
  ({ context, page } = await facilitatorPhone(browser, stack));
  errors = collectPageErrors(page);
}, 180_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await stack?.stop();
});

let facilitator: Promise<void> | undefined;

/**
 * Once per file: a resident's phone onboards with the progress consent (so it has an account),
 * then an operator makes that account the facilitator of the first TDP and the ordinary group.
 */
function becomeFacilitator(): Promise<void> {
  facilitator ??= (async () => {
    await onboardAsFacilitator(page, stack, [firstTdp.id, shareTdp.id]);
  })();
  return facilitator;
}

/** A group's checkbox, named by the TDP and how it is reached (two lines of its label). */
function groupBox(tdpName: string, how: string) {
  return page.getByRole("checkbox", { name: new RegExp(`^${escapeRegExp(tdpName)}\\s*\\.\\s*${escapeRegExp(how)}$`) });
}

async function groupConversation(groupId: string): Promise<Array<{ direction: string; text: string }>> {
  const res = await fetch(`${stack.sandboxUrl}/sandbox/oa/groups/${encodeURIComponent(groupId)}/conversation`);
  return (await res.json()) as Array<{ direction: string; text: string }>;
}

describe("a facilitator's announcement in Chromium", () => {
  it("is composed, previewed and sent now; the report shows the OA group sent and the ordinary group shared by hand", async () => {
    await becomeFacilitator();
    // The home screen offers the staff entry once the server says this account is staff.
    await page.reload();
    await page.getByRole("button", { name: "Dành cho người hướng dẫn" }).click();
    await heading("Việc của người hướng dẫn");
    await page.getByRole("button", { name: "Gửi thông báo" }).click();
    await heading("Gửi thông báo");
    await visible(page, "Bạn phụ trách 2 tổ dân phố.");
    await visible(page, "Bạn chưa gửi thông báo nào.");
    await page.getByRole("button", { name: "Viết thông báo mới" }).click();

    await heading("Viết nội dung thông báo");
    await page.getByLabel("Nội dung thông báo").fill(TEXT);
    await visible(page, `Còn ${String(1800 - [...TEXT].length).replace(/\B(?=(\d{3})+$)/, ".")} ký tự`);
    // In quiet hours the sender rightly holds a plain announcement until they end; an urgent
    // one goes at once, so the test means the same at any hour.
    const urgent = isQuiet(new Date(), wardFile.quietHours);
    if (urgent) await page.getByRole("checkbox", { name: "Khẩn: gửi cả trong giờ yên lặng" }).check();
    await page.getByRole("button", { name: "Xem trước" }).click();

    await heading("Xem trước");
    const expected = (groupName: string) => renderAnnouncement({ text: TEXT, groupName, urgent });
    expect(await page.locator(".zalo-bubble").textContent()).toBe(expected(firstTdp.name));
    await page.getByRole("button", { name: "Chọn nhóm nhận" }).click();

    await heading("Gửi đến nhóm nào?");
    await groupBox(firstTdp.name, "Học Số tự gửi vào nhóm").check();
    await groupBox(shareTdp.name, "Nhóm thường — bạn sẽ tự chia sẻ").check();
    await page.getByRole("button", { name: "Tiếp tục" }).click();

    await heading("Khi nào gửi?");
    expect(await page.getByRole("radio", { name: "Gửi ngay" }).isChecked()).toBe(true);
    await page.getByRole("button", { name: "Tiếp tục" }).click();

    await heading("Kiểm tra lại rồi gửi");
    await visible(page, `${shareTdp.name} (bạn tự chia sẻ)`);
    const created = page.waitForResponse(
      (r: Response) => r.url().endsWith("/api/v1/announcements") && r.request().method() === "POST",
    );
    await page.getByRole("button", { name: "Gửi thông báo" }).click();
    const answer = await created;
    expect(answer.status()).toBe(201);
    const body = (await answer.json()) as { id: number; deliveries: Array<{ tdpId: string; status: string }> };
    expect(body.deliveries.map((d) => [d.tdpId, d.status])).toEqual([
      [firstTdp.id, "waiting"],
      [shareTdp.id, "share-by-hand"],
    ]);

    // The report replaces the composer and asks again until the sender has delivered.
    await heading("Kết quả gửi thông báo");
    expect(new URL(page.url()).pathname).toBe(`/zapps/hocso-local/huong-dan/thong-bao/${body.id}`);
    const sentCard = page.locator("article", { has: page.getByRole("heading", { name: firstTdp.name, exact: true }) });
    await expect.poll(() => sentCard.getByText("Đã gửi", { exact: true }).isVisible(), { timeout: 30_000 }).toBe(true);
    await visible(page, "Đã gửi 1/2 nhóm · Cần chia sẻ thủ công 1");
    const inGroup = (await groupConversation(firstTdp.zaloGroupId!)).filter((m) => m.direction === "oa→group");
    expect(inGroup.map((m) => m.text)).toEqual([expected(firstTdp.name)]);

    // The ordinary group: its exact message goes to the clipboard, then "Tôi đã chia sẻ".
    const byHand = page.locator("article", { has: page.getByRole("heading", { name: shareTdp.name, exact: true }) });
    await byHand.getByText("Cần chia sẻ thủ công", { exact: true }).waitFor();
    await byHand.getByRole("button", { name: "Chia sẻ vào nhóm" }).click();
    await visible(page, "Đã chép nội dung thông báo.");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected(shareTdp.name));
    await byHand.getByRole("button", { name: "Tôi đã chia sẻ" }).click();
    await expect.poll(() => byHand.getByText("Đã gửi", { exact: true }).isVisible()).toBe(true);
    await visible(page, "Đã gửi 2/2 nhóm");

    await page.getByRole("button", { name: "Về danh sách thông báo" }).click();
    await heading("Gửi thông báo");
    await visible(page, "Đã gửi 2/2 nhóm");
    expect(errors).toEqual([]);
  });

  it("waits at the time set for a scheduled one, and cancels it", async () => {
    await becomeFacilitator();
    const tomorrow = addDays(wardDate(new Date()), 1);
    await page.goto(`${app()}/huong-dan/thong-bao/moi`);
    await heading("Viết nội dung thông báo");
    await page.getByLabel("Nội dung thông báo").fill("Sáng mai 10:00 họp tổ ở nhà văn hóa.");
    await page.getByRole("button", { name: "Xem trước" }).click();
    await page.getByRole("button", { name: "Chọn nhóm nhận" }).click();
    await groupBox(firstTdp.name, "Học Số tự gửi vào nhóm").check();
    await page.getByRole("button", { name: "Tiếp tục" }).click();
    await page.getByRole("radio", { name: "Hẹn giờ" }).check();
    await page.getByLabel("Ngày gửi").fill(tomorrow);
    await page.getByLabel("Giờ gửi (giờ Việt Nam)").fill("10:00");
    await page.getByRole("button", { name: "Tiếp tục" }).click();
    await heading("Kiểm tra lại rồi gửi");
    await visible(page, `Lúc 10:00, ${formatWardDate(tomorrow)}`);
    await page.getByRole("button", { name: "Gửi thông báo" }).click();

    await heading("Kết quả gửi thông báo");
    await visible(page, "Đang chờ gửi");
    await visible(page, `Hẹn gửi lúc 10:00, ${formatWardDate(tomorrow)}.`);
    await page.getByRole("button", { name: "Hủy thông báo", exact: true }).click();
    await page.getByRole("button", { name: "Hủy thông báo này" }).click();
    await visible(page, /Thông báo đã được hủy lúc/);
    await visible(page, "Lý do: Người hướng dẫn đã hủy thông báo này trước khi gửi.");
    expect(errors).toEqual([]);
  });

  it("has no serious axe violation on the composer and the report, at normal text and at the largest on a 360 px phone", async () => {
    const findings: AxeFinding[] = [];
    const overflow: string[] = [];
    async function audit(screen: string): Promise<void> {
      findings.push(...(await seriousViolations(page, screen)));
      const width = page.viewportSize()!.width;
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      if (scrollWidth > width) overflow.push(`${screen}: ${scrollWidth}px wide on a ${width}px screen`);
    }

    await becomeFacilitator();
    // a report with every kind of card: the OA group (waiting or sent) and one to share by hand
    const token = await sessionToken(page);
    const res = await fetch(`${stack.baseUrl}/api/v1/announcements`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify({ text: TEXT, tdpIds: [firstTdp.id, shareTdp.id], urgent: true }),
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: number };

    for (const size of ["normal", "largest"] as const) {
      if (size === "largest") {
        await page.setViewportSize({ width: 360, height: 740 });
        await page.goto(`${app()}/co-chu-va-mau`);
        await page.getByRole("radio", { name: "Chữ rất lớn" }).check();
      }
      await page.goto(`${app()}/huong-dan/thong-bao`);
      await expect.poll(() => page.locator(".announcement-tile").count(), { timeout: 10_000 }).toBeGreaterThan(0);
      await audit(`list (${size})`);
      await page.goto(`${app()}/huong-dan/thong-bao/${id}`);
      await heading("Kết quả gửi thông báo");
      await page.getByRole("button", { name: "Chia sẻ vào nhóm" }).waitFor();
      await audit(`report (${size})`);

      await page.goto(`${app()}/huong-dan/thong-bao/moi`);
      await heading("Viết nội dung thông báo");
      await page.getByLabel("Nội dung thông báo").fill(TEXT);
      await audit(`composer: write (${size})`);
      await page.getByRole("button", { name: "Xem trước" }).click();
      await heading("Xem trước");
      await audit(`composer: preview (${size})`);
      await page.getByRole("button", { name: "Chọn nhóm nhận" }).click();
      await heading("Gửi đến nhóm nào?");
      await page.getByRole("button", { name: "Tiếp tục" }).click();
      await visible(page, "Bạn chọn ít nhất một nhóm.");
      await audit(`composer: groups with a problem (${size})`);
      await groupBox(shareTdp.name, "Nhóm thường — bạn sẽ tự chia sẻ").check();
      await page.getByRole("button", { name: "Tiếp tục" }).click();
      await heading("Khi nào gửi?");
      await page.getByRole("radio", { name: "Hẹn giờ" }).check();
      await page.getByLabel("Ngày gửi").fill(addDays(wardDate(new Date()), 1));
      await page.getByLabel("Giờ gửi (giờ Việt Nam)").fill("22:30");
      await visible(page, /Lúc đó là giờ yên lặng/);
      await audit(`composer: when, in quiet hours (${size})`);
      await page.getByRole("button", { name: "Tiếp tục" }).click();
      await heading("Kiểm tra lại rồi gửi");
      await audit(`composer: check (${size})`);
      // the draft stays on the phone until sent: start the next round from an empty one
      await page.evaluate(() => localStorage.removeItem("hocso:announcement-draft"));
      await page.goto(`${app()}/`);
      await heading("Bài học");
    }
    expect(findings).toEqual([]);
    expect(overflow).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.dataset.textSize)).toBe("xlarge");
    expect(errors).toEqual([]);
  });
});

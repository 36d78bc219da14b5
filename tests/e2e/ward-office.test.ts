// Issue 7 end to end, in real Chromium against the real stack (the Zalo sandbox and the bot
// server as processes), with three phones: the ward officer, a new facilitator and a resident.
//   1. the officer, made the first admin with `pnpm staff`, invites a facilitator for Tổ dân
//      phố Giải Phóng in the app; the facilitator opens the invitation and accepts it;
//   2. the facilitator creates today's class, opens check-in and shows its code; the resident
//      checks in with it; the facilitator counts two guests and sees three present;
//   3. the resident, who shares their progress, has answered one lesson wrongly five times:
//      the facilitator's "Người cần hỗ trợ" lists them with that reason;
//   4. the officer opens the quarter's figures and downloads the CSV and the Excel file: every
//      row of both files equals the dashboard's, and the screen shows those same numbers.
import { readFileSync } from "node:fs";
import { lessons } from "@hocso/content/all-lessons";
import { readWorkbook, REPORT_SHEET } from "@hocso/bot-server/features/reports/report-xlsx";
import { formatWardDate, wardDate } from "@hocso/shared/dates";
import { ALL_GROUP_ID, type Report } from "@hocso/shared/reports";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations, type AxeFinding } from "./axe.ts";
import { collectPageErrors, launchBrowser } from "./browser.ts";
import { firstTdp, onboardWithConsent, sessionToken, visible } from "./flows.ts";
import { startStack, type Stack } from "./stack.ts";
import { escapeRegExp, facilitatorPhone, staffCommand, waitForHeading } from "./staff.ts";

let stack: Stack;
let browser: Browser;
const phones: BrowserContext[] = [];
let officer: Page;
let facilitator: Page;
let resident: Page;
const errors: string[][] = [];

const app = () => `${stack.baseUrl}/zapps/hocso-local`;
const ISO_WEEKDAY = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 } as const;

/** Today's ward date, weekday and a start time a few minutes ago (HH:MM, ward time). */
function classToday(): { date: string; weekday: number; startTime: string } {
  const now = new Date();
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: "Asia/Ho_Chi_Minh",
      weekday: "short",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  const minutes = Math.floor((Number(parts.hour) * 60 + Number(parts.minute)) / 5) * 5;
  const startTime = `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
  return { date: wardDate(now), weekday: ISO_WEEKDAY[parts.weekday as keyof typeof ISO_WEEKDAY], startTime };
}

async function phone(): Promise<Page> {
  const { context, page } = await facilitatorPhone(browser, stack);
  phones.push(context);
  errors.push(collectPageErrors(page));
  return page;
}

async function openStaffTile(page: Page, tile: string, heading: string | RegExp): Promise<void> {
  await page.goto(`${app()}/`);
  await page.getByRole("button", { name: "Dành cho người hướng dẫn" }).click();
  await waitForHeading(page, "Việc của người hướng dẫn");
  await page.getByRole("button", { name: tile }).click();
  await waitForHeading(page, heading);
}

async function api<T>(page: Page, path: string): Promise<T> {
  const res = await fetch(`${stack.baseUrl}/api/v1${path}`, {
    headers: { Authorization: `Bearer ${await sessionToken(page)}` },
  });
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
  [officer, facilitator, resident] = [await phone(), await phone(), await phone()];
}, 180_000);

afterAll(async () => {
  for (const context of phones) await context.close();
  await browser?.close();
  await stack?.stop();
});

describe("the ward office and a facilitator, from the invitation to the quarterly report", () => {
  const today = classToday();
  const topic = "Nhận biết cuộc gọi lừa đảo";
  const lesson = lessons[0]!;

  it("the officer invites a facilitator in the app, and the facilitator accepts it", async () => {
    // Everyone opens Học Số once with the progress consent, so each has an account; the
    // operator makes the officer the first admin on the command line.
    for (const page of [officer, facilitator, resident]) await onboardWithConsent(page, stack.baseUrl);
    const officerId = await officer.evaluate(() => localStorage.getItem("hocso:sandbox-user"));
    expect(staffCommand(stack, "grant", "admin", officerId!)).toContain("is now an admin");

    await openStaffTile(officer, "Phân quyền người hướng dẫn", "Phân quyền");
    await officer.getByRole("button", { name: "Mời người hướng dẫn" }).click();
    await officer.getByRole("radio", { name: "Người hướng dẫn", exact: true }).check();
    await officer.getByRole("checkbox", { name: firstTdp.name, exact: true }).check();
    await officer.getByRole("button", { name: "Tạo lời mời" }).click();
    await waitForHeading(officer, "Phân quyền");
    await visible(officer, "Lời mời đã sẵn sàng");
    const code = (await officer.locator(".invitation-code").innerText()).replace(/\s/g, "");
    expect(code).toMatch(/^[A-Z0-9]{10}$/);
    await expect.poll(() => officer.getByRole("img", { name: "Mã QR của lời mời" }).isVisible()).toBe(true);

    await facilitator.goto(`${app()}/nhan-vai-tro?ma=${code}`);
    await visible(facilitator, `Bạn được mời làm người hướng dẫn của ${firstTdp.name}.`);
    await facilitator.getByRole("button", { name: "Nhận vai trò" }).click();
    await visible(facilitator, /Xong\. Bạn đã là người hướng dẫn/);
    await facilitator.getByRole("button", { name: "Mở trang người hướng dẫn" }).click();
    await waitForHeading(facilitator, "Việc của người hướng dẫn");
    await visible(facilitator, `Bạn phụ trách ${firstTdp.name}.`);
    // a facilitator holds no role:grant and no audit:view
    expect(await facilitator.getByRole("button", { name: "Phân quyền người hướng dẫn" }).count()).toBe(0);
    expect(await facilitator.getByRole("button", { name: "Nhật ký thao tác" }).count()).toBe(0);

    // the invitation cannot be used twice
    await resident.goto(`${app()}/nhan-vai-tro?ma=${code}`);
    await visible(resident, "Lời mời này đã được dùng. Mỗi mã chỉ dùng được một lần.");
  });

  it("the facilitator creates today's class, opens check-in, and the resident checks in with the code", async () => {
    await openStaffTile(facilitator, "Lớp học của tổ", "Lớp học của tổ");
    await facilitator.getByRole("button", { name: "Tạo lớp học mới" }).click();
    await waitForHeading(facilitator, "Tạo lớp học mới");
    await facilitator.getByLabel("Thứ", { exact: true }).selectOption(String(today.weekday));
    await facilitator.getByLabel("Giờ bắt đầu").fill(today.startTime);
    await facilitator.getByLabel("Thời lượng (phút)").fill("90");
    await facilitator.getByLabel("Địa điểm").fill("Nhà văn hóa Tổ dân phố Giải Phóng");
    await facilitator.getByLabel("Chủ đề").fill(topic);
    await facilitator.getByRole("checkbox", { name: new RegExp(escapeRegExp(lesson.title)) }).check();
    await facilitator.getByLabel("Ngày bắt đầu").fill(today.date);
    await facilitator.getByRole("button", { name: "Tạo lớp học", exact: true }).click();
    await expect.poll(() => facilitator.getByText(topic).first().isVisible(), { timeout: 10_000 }).toBe(true);

    const classes = await api<{ items: Array<{ id: string; tdpId: string; topic: string }> }>(facilitator, "/staff/classes");
    const created = classes.items.find((c) => c.topic === topic)!;
    expect(created.tdpId).toBe(firstTdp.id);
    await facilitator.goto(`${app()}/huong-dan/lop-hoc/${created.id}/buoi/${today.date}`);
    await waitForHeading(facilitator, `Buổi học ${formatWardDate(today.date)}`);
    await facilitator.getByRole("button", { name: "Mở điểm danh bằng mã QR" }).click();
    await visible(facilitator, /Bác quét mã bằng Zalo, hoặc gõ mã \d{3} \d{3}/);
    const hint = await facilitator.getByText(/Bác quét mã bằng Zalo, hoặc gõ mã/).innerText();
    const checkinCode = hint.replace(/\D/g, "");
    expect(checkinCode).toHaveLength(6);
    await expect.poll(() => facilitator.getByRole("img", { name: /Mã QR điểm danh/ }).isVisible()).toBe(true);

    // The resident types the code on the check-in screen (outside Zalo there is no scanner).
    await resident.goto(`${app()}/diem-danh`);
    await waitForHeading(resident, "Điểm danh buổi học");
    await resident.getByLabel("Mã điểm danh (6 chữ số)").fill(checkinCode);
    await resident.getByRole("button", { name: "Điểm danh", exact: true }).click();
    await visible(resident, `Bác đã điểm danh buổi học ${formatWardDate(today.date)} — ${topic}`);

    // Two neighbours came without the app: the facilitator counts them, and sees three present.
    await facilitator.getByRole("spinbutton", { name: "Người không dùng ứng dụng" }).fill("2");
    await facilitator.getByRole("button", { name: "Lưu số người" }).click();
    await expect.poll(() => facilitator.getByText("Có mặt: 3 người").isVisible(), { timeout: 10_000 }).toBe(true);
  });

  it("the resident shares their progress; after five wrong answers on a lesson the facilitator sees them in Người cần hỗ trợ", async () => {
    await resident.goto(`${app()}/du-lieu-cua-toi`);
    await resident.getByLabel("Tên để người hướng dẫn nhận ra bác (không bắt buộc)").fill("Bà Tư");
    await resident.getByRole("button", { name: "Đồng ý cho người hướng dẫn xem" }).click();
    await visible(resident, "Người hướng dẫn thấy tên bác là: Bà Tư");

    // Five wrong answers reach the server as the phone syncs them (POST /api/v1/sync).
    const question = lesson.quiz[0]!;
    const wrong = (question.answer + 1) % question.options.length;
    const events = Array.from({ length: 5 }, (_, i) => ({
      id: crypto.randomUUID(),
      type: "answer",
      lessonId: lesson.id,
      questionId: question.id,
      choice: wrong,
      source: "quiz",
      at: new Date(Date.now() - (10 - i) * 60_000).toISOString(),
    }));
    const sync = await fetch(`${stack.baseUrl}/api/v1/sync`, {
      method: "POST",
      headers: { Authorization: `Bearer ${await sessionToken(resident)}`, "Content-Type": "application/json" },
      body: JSON.stringify({ events }),
    });
    expect(sync.status).toBe(200);

    await openStaffTile(facilitator, "Người cần hỗ trợ", "Người cần hỗ trợ");
    await visible(facilitator, "Bà Tư", 10_000);
    await visible(facilitator, `Trả lời sai 5 lần ở bài ${lesson.title}`);

    // The meeting's list now names her, ticked, since she shares her progress.
    const classes = await api<{ items: Array<{ id: string; topic: string }> }>(facilitator, "/staff/classes");
    const classId = classes.items.find((c) => c.topic === topic)!.id;
    await facilitator.goto(`${app()}/huong-dan/lop-hoc/${classId}/buoi/${today.date}`);
    await expect.poll(() => facilitator.getByRole("checkbox", { name: /Bà Tư/ }).isChecked(), { timeout: 10_000 }).toBe(true);
  });

  it("classroom mode shows the lesson one step at a time and records how many in the room answered right", async () => {
    await openStaffTile(facilitator, "Chế độ lớp học (trình chiếu)", "Chế độ lớp học");
    await facilitator.getByRole("button", { name: new RegExp(`${escapeRegExp(lesson.title)}$`) }).click();
    await visible(facilitator, `Bước 1/${lesson.steps.length}`, 10_000);
    await visible(facilitator, lesson.steps[0]!.title);
    await facilitator.keyboard.press("ArrowRight");
    await visible(facilitator, `Bước 2/${lesson.steps.length}`);
    const reveal = facilitator.getByRole("button", { name: "Hiện đáp án" });
    for (let i = 0; i < lesson.steps.length + 2 && !(await reveal.isVisible()); i++) {
      await facilitator.getByRole("button", { name: "Tiếp", exact: true }).click();
    }
    await visible(facilitator, lesson.quiz[0]!.prompt);
    await reveal.click();
    await visible(facilitator, "Đáp án đúng");
    await facilitator.getByRole("spinbutton", { name: "Số người có mặt" }).fill("12");
    await facilitator.getByRole("spinbutton", { name: "Số người trả lời đúng" }).fill("9");
    await facilitator.getByRole("button", { name: "Lưu kết quả" }).click();
    await visible(facilitator, "Đã lưu: 9/12 người trả lời đúng.");
    // no resident's name anywhere in this mode
    expect(await facilitator.getByText("Bà Tư").count()).toBe(0);
  });

  it("the officer's quarterly CSV and Excel file hold exactly the dashboard's numbers", async () => {
    await openStaffTile(officer, "Số liệu và báo cáo quý", "Số liệu phong trào");
    const report = await api<Report>(officer, "/reports/dashboard");
    const gp = report.rows.find((r) => r.tdpId === firstTdp.id && r.groupId === ALL_GROUP_ID)!;
    expect(gp).toMatchObject({ registeredLearners: 3, meetingsHeld: 1, attendance: 3, classroomQuestions: 1 });

    // The screen: Giải Phóng's card shows every key number as the dashboard's row has it.
    const card = officer.locator("section.report-card").filter({ has: officer.getByRole("heading", { name: firstTdp.name }) });
    await expect.poll(() => card.isVisible(), { timeout: 10_000 }).toBe(true);
    const shown = await card.locator(".report-numbers > div").evaluateAll((items) =>
      items.map((item) => [item.querySelector("dt")!.textContent, item.querySelector("dd")!.textContent]),
    );
    expect(shown.length).toBeGreaterThan(5);
    for (const [header, text] of shown) {
      const column = report.columns.find((c) => c.header === header)!;
      expect(text, header!).toBe(shownAs(gp[column.id] ?? null, column.kind));
    }

    const [csvDownload] = await Promise.all([
      officer.waitForEvent("download"),
      officer.getByRole("button", { name: "Tải báo cáo quý (CSV)" }).click(),
    ]);
    expect(csvDownload.suggestedFilename()).toMatch(new RegExp(`^bao-cao-quy-${report.quarter}-.+-\\d{8}-\\d{4}\\.csv$`));
    const csv = readFileSync((await csvDownload.path())!, "utf8").replace(/^\uFEFF/, "");
    const [header, ...lines] = csv.trim().split(/\r\n/).map(parseCsvLine);
    expect(header).toEqual(report.columns.map((c) => c.header));
    expect(lines).toHaveLength(report.rows.length);
    lines.forEach((line, i) => {
      const expected = report.columns.map((c) => report.rows[i]![c.id] ?? null);
      expect(line.map((cell, j) => (typeof expected[j] === "number" ? Number(cell) : cell === "" ? null : cell))).toEqual(
        expected,
      );
    });

    const [xlsxDownload] = await Promise.all([
      officer.waitForEvent("download"),
      officer.getByRole("button", { name: "Tải báo cáo quý (Excel)" }).click(),
    ]);
    expect(xlsxDownload.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = await readWorkbook(readFileSync((await xlsxDownload.path())!));
    const sheet = workbook.getWorksheet(REPORT_SHEET)!;
    report.rows.forEach((row, i) => {
      const cells = report.columns.map((_, j) => sheet.getRow(i + 2).getCell(j + 1).value ?? null);
      expect(cells).toEqual(report.columns.map((c) => row[c.id] ?? null));
    });

    for (const pageErrors of errors) expect(pageErrors).toEqual([]);
  });

  it("every new screen passes axe at normal and at the largest text, without scrolling sideways", async () => {
    const findings: AxeFinding[] = [];
    const overflow: string[] = [];
    async function audit(page: Page, screen: string): Promise<void> {
      findings.push(...(await seriousViolations(page, screen)));
      const width = page.viewportSize()!.width;
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      if (scrollWidth > width) overflow.push(`${screen}: ${scrollWidth}px wide on a ${width}px screen`);
    }
    const classes = await api<{ items: Array<{ id: string; topic: string }> }>(facilitator, "/staff/classes");
    const classId = classes.items.find((c) => c.topic === topic)!.id;

    for (const size of ["normal", "largest"] as const) {
      if (size === "largest") {
        for (const page of [officer, facilitator, resident]) {
          await page.setViewportSize({ width: 360, height: 740 });
          await page.goto(`${app()}/co-chu-va-mau`);
          await page.getByRole("radio", { name: "Chữ rất lớn" }).check();
        }
      }
      const screens: Array<[Page, string, string | RegExp, string?]> = [
        [facilitator, "/huong-dan", "Việc của người hướng dẫn"],
        [facilitator, "/huong-dan/lop-hoc", "Lớp học của tổ", topic],
        [facilitator, "/huong-dan/lop-hoc/moi", "Tạo lớp học mới"],
        [facilitator, `/huong-dan/lop-hoc/${classId}`, /.+/, topic],
        [facilitator, `/huong-dan/lop-hoc/${classId}/buoi/${today.date}`, `Buổi học ${formatWardDate(today.date)}`, "Bà Tư"],
        [facilitator, "/huong-dan/can-ho-tro", "Người cần hỗ trợ", "Bà Tư"],
        [facilitator, "/huong-dan/che-do-lop-hoc", "Chế độ lớp học"],
        [resident, "/diem-danh", "Điểm danh buổi học"],
        [resident, "/du-lieu-cua-toi", /Dữ liệu của tôi/, "Người hướng dẫn thấy tên bác là: Bà Tư"],
        [officer, "/huong-dan/so-lieu", "Số liệu phong trào", firstTdp.name],
        [officer, "/huong-dan/phan-quyen", "Phân quyền", "Người đang có quyền"],
        [officer, "/huong-dan/nhat-ky", "Nhật ký thao tác", "tải báo cáo quý"],
      ];
      for (const [page, path, heading, wait] of screens) {
        await page.goto(`${app()}${path}`);
        await waitForHeading(page, heading);
        if (wait) await visible(page, wait, 10_000);
        await audit(page, `${path} (${size})`);
      }
    }
    expect(findings).toEqual([]);
    expect(overflow).toEqual([]);
  });
});

/** How the dashboard writes a value (vi-VN): 3, 0,6%, 4,5; an empty cell reads "chưa có". */
function shownAs(value: string | number | null, kind: string): string {
  if (value === null) return "chưa có";
  if (typeof value === "string") return value;
  if (kind === "ratio") return new Intl.NumberFormat("vi-VN", { style: "percent", maximumFractionDigits: 1 }).format(value);
  return new Intl.NumberFormat("vi-VN", { maximumFractionDigits: kind === "mean" ? 2 : 0 }).format(value);
}

/** One CSV line (RFC 4180 quoting; the report's lines hold no line breaks). */
function parseCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      cells.push(cell);
      cell = "";
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

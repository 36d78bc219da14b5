// Every screen, checked by axe-core in Chromium at normal text on a 390 px phone and at the
// largest text on a 360 px phone: no serious or critical violation, and at the largest size
// nothing wider than the screen.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations, type AxeFinding } from "./axe.ts";
import { collectPageErrors, launchBrowser } from "./browser.ts";
import { firstLesson, onboardWithConsent, visible } from "./flows.ts";
import { startStack, type Stack } from "./stack.ts";

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

interface Screen {
  name: string;
  /** brings the page to the screen and waits for something only it shows */
  open(page: Page): Promise<void>;
}

const lesson = firstLesson();
const app = () => `${stack.baseUrl}/zapps/hocso-local`;

async function go(page: Page, path: string, marker: string | RegExp): Promise<void> {
  await page.goto(`${app()}${path}`);
  await visible(page, marker, 10_000);
}

const screens: Screen[] = [
  { name: "home", open: (p) => go(p, "/", "Bài học") },
  { name: "profile", open: (p) => go(p, "/thong-tin", "Bác ở tổ dân phố nào?") },
  { name: "display settings", open: (p) => go(p, "/co-chu-va-mau", "Chữ rất lớn") },
  { name: "lesson step", open: (p) => go(p, `/bai/${lesson.id}`, /Bước \d+\//) },
  {
    name: "remember box",
    async open(p) {
      await go(p, `/bai/${lesson.id}`, /Bước \d+\//);
      while (!(await p.getByRole("button", { name: "Làm câu hỏi" }).isVisible())) {
        await p.getByRole("button", { name: "Tiếp", exact: true }).click();
      }
      await visible(p, "Ghi nhớ");
    },
  },
  { name: "quiz question", open: (p) => go(p, `/bai/${lesson.id}/cau-hoi`, `Câu 1/${lesson.quiz.length}`) },
  {
    name: "quiz feedback",
    async open(p) {
      await go(p, `/bai/${lesson.id}/cau-hoi`, `Câu 1/${lesson.quiz.length}`);
      const q = lesson.quiz[0]!;
      await p.getByRole("button", { name: q.options[(q.answer + 1) % q.options.length], exact: true }).click();
      await visible(p, "Chưa đúng.");
    },
  },
  { name: "placement check", open: (p) => go(p, "/kiem-tra-nhanh", /Câu 1\/4/) },
  { name: "certification", open: (p) => go(p, "/thi-chung-nhan", "binhdanhocvuso.gov.vn") },
  { name: "classes", open: (p) => go(p, "/lop-hoc", "Lớp học của tổ") },
  { name: "reminders", open: (p) => go(p, "/lop-hoc/nhac-lich", "Cho phép nhận thông báo") },
  { name: "review", open: (p) => go(p, "/on-tap", "Ôn lại") },
  { name: "my data", open: (p) => go(p, "/du-lieu-cua-toi", "Xóa tài khoản và dữ liệu") },
];

async function auditEveryScreen(page: Page, size: string): Promise<{ findings: AxeFinding[]; overflow: string[] }> {
  const findings: AxeFinding[] = [];
  const overflow: string[] = [];
  const width = page.viewportSize()!.width;
  for (const screen of screens) {
    await screen.open(page);
    findings.push(...(await seriousViolations(page, `${screen.name} (${size})`)));
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    if (scrollWidth > width) overflow.push(`${screen.name}: ${scrollWidth}px wide on a ${width}px screen`);
  }
  return { findings, overflow };
}

describe("accessibility of every screen in Chromium", () => {
  it("would notice a serious violation: a button without a name", async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.setContent('<html lang="vi"><body><main><h1>Thử</h1><button></button></main></body></html>');
    const findings = await seriousViolations(page, "broken on purpose");
    expect(findings.map((f) => f.rule)).toContain("button-name");
    await context.close();
  });

  it("has no serious or critical axe violation at normal text on a 390 px phone", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, bypassCSP: true });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${stack.baseUrl}/`);
    await visible(page, "Chào bác đến với Học Số");
    const onboarding = await seriousViolations(page, "onboarding (normal)");
    await onboardWithConsent(page, stack.baseUrl);

    const { findings } = await auditEveryScreen(page, "normal");
    expect([...onboarding, ...findings]).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.dataset.textSize)).toBe("normal");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("keeps every screen within a 360 px phone at the largest text, with no serious axe violation", async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, bypassCSP: true });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await onboardWithConsent(page, stack.baseUrl);

    await go(page, "/co-chu-va-mau", "Chữ rất lớn");
    await page.getByRole("radio", { name: "Chữ rất lớn" }).check();
    await page.reload();
    await visible(page, "Chữ rất lớn");
    // The choice is remembered on the phone and applied to the whole page.
    expect(await page.evaluate(() => document.documentElement.dataset.textSize)).toBe("xlarge");
    const bodyPx = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    expect(bodyPx).toBeGreaterThanOrEqual(24);

    const { findings, overflow } = await auditEveryScreen(page, "largest");
    expect(findings).toEqual([]);
    expect(overflow).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

// The learner experience on a cheap phone with a weak connection: resume after a reload,
// answers made offline synced exactly once, and deleting everything about me.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectPageErrors, launchBrowser, phoneContext } from "./browser.ts";
import { answerQuiz, firstLesson, onboardWithConsent, openLesson, readLesson, sessionToken, visible } from "./flows.ts";
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

async function exportOf(token: string): Promise<{ learningEvents: Array<{ type: string; lessonId: string }> }> {
  const res = await fetch(`${stack.baseUrl}/api/v1/me/export`, { headers: { Authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as { learningEvents: Array<{ type: string; lessonId: string }> };
}

describe("the learner experience in Chromium", () => {
  it("reopens the lesson at the step where the learner left after a reload", async () => {
    const lesson = firstLesson();
    const page = await (await phoneContext(browser)).newPage();
    const errors = collectPageErrors(page);
    await onboardWithConsent(page, stack.baseUrl);
    await openLesson(page, lesson);
    await page.getByRole("button", { name: "Tiếp", exact: true }).click();
    await page.getByRole("button", { name: "Tiếp", exact: true }).click();
    await visible(page, `Bước 3/${lesson.steps.length}`);

    await page.reload();
    await visible(page, `Bước 3/${lesson.steps.length}`);
    await visible(page, lesson.steps[2]!.title);

    // The server knows the resume point too, for another phone with the same account.
    const token = await sessionToken(page);
    await expect
      .poll(async () => {
        const res = await fetch(`${stack.baseUrl}/api/v1/progress`, { headers: { Authorization: `Bearer ${token}` } });
        const body = (await res.json()) as { items: Array<{ lessonId: string; stepIndex: number }> };
        return body.items.find((p) => p.lessonId === lesson.id)?.stepIndex;
      })
      .toBe(2);
    expect(errors).toEqual([]);
  });

  it("keeps answers made offline and syncs them exactly once when the connection returns", async () => {
    const lesson = firstLesson();
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await onboardWithConsent(page, stack.baseUrl);
    const token = await sessionToken(page);
    await openLesson(page, lesson);

    await context.setOffline(true);
    await readLesson(page, lesson);
    const correct = await answerQuiz(page, lesson);
    await visible(page, `Bác trả lời đúng ${correct}/${lesson.quiz.length} câu`);
    await visible(page, "Đang chờ mạng để lưu lên máy chủ");

    await context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event("online")));
    await visible(page, "Đã lưu kết quả", 15_000);

    const data = await exportOf(token);
    const answers = data.learningEvents.filter((e) => e.type === "answer" && e.lessonId === lesson.id);
    const finished = data.learningEvents.filter((e) => e.type === "quiz-finished" && e.lessonId === lesson.id);
    expect(answers).toHaveLength(lesson.quiz.length);
    expect(finished).toHaveLength(1);

    // Going offline and online again resends nothing new and counts nothing twice.
    await context.setOffline(true);
    await context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event("online")));
    await page.waitForTimeout(1500);
    const again = await exportOf(token);
    expect(again.learningEvents.filter((e) => e.type === "answer" && e.lessonId === lesson.id)).toHaveLength(
      lesson.quiz.length,
    );
    expect(errors).toEqual([]);
  });

  it("deletes the account and everything about it from the server and the phone", async () => {
    const page = await (await phoneContext(browser)).newPage();
    const errors = collectPageErrors(page);
    await onboardWithConsent(page, stack.baseUrl);
    const token = await sessionToken(page);
    const auth = { Authorization: `Bearer ${token}` };
    expect((await fetch(`${stack.baseUrl}/api/v1/me`, { headers: auth })).status).toBe(200);

    await page.getByRole("button", { name: "Dữ liệu của tôi" }).first().click();
    await visible(page, "Xóa tài khoản và dữ liệu");
    await page.getByRole("button", { name: "Xóa tài khoản và dữ liệu" }).click();
    await page.getByRole("button", { name: "Xóa hết" }).click();

    await expect.poll(() => page.getByRole("heading", { name: "Chào bác đến với Học Số" }).isVisible(), {
      timeout: 10_000,
    }).toBe(true);
    expect((await fetch(`${stack.baseUrl}/api/v1/me`, { headers: auth })).status).toBe(401);
    const left = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("hocso:")));
    expect(left.filter((k) => k !== "hocso:sandbox-user" && k !== "hocso:display")).toEqual([]);
    expect(errors).toEqual([]);
  });
});

// The walking skeleton as a resident lives it: open the mini app, agree to the notice,
// pick a TDP, read a lesson step by step, answer its quiz, and find the result saved.
import Database from "better-sqlite3";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectPageErrors, launchBrowser, phoneContext } from "./browser.ts";
import { answerQuiz, firstLesson, firstTdp, readLesson, sessionToken, visible } from "./flows.ts";
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

describe("a resident's first lesson in Chromium", () => {
  it("saves the quiz result on the server after the resident consents and picks a TDP", async () => {
    const lesson = firstLesson();
    const tdp = firstTdp;
    const page = await (await phoneContext(browser)).newPage();
    const errors = collectPageErrors(page);

    await page.goto(`${stack.baseUrl}/`);
    await expect.poll(() => page.getByRole("heading", { name: "Chào bác đến với Học Số" }).isVisible()).toBe(true);
    const progressConsent = page.getByRole("checkbox", { name: "Tôi đồng ý cho lưu tiến độ học" });
    const reminderConsent = page.getByRole("checkbox", { name: /Tôi muốn nhận nhắc lịch lớp học qua Zalo/ });
    expect(await progressConsent.isChecked()).toBe(false);
    expect(await reminderConsent.isChecked()).toBe(false);
    await progressConsent.check();
    await page.getByRole("button", { name: "Tiếp tục" }).click();

    await visible(page, "Bác ở tổ dân phố nào?");
    await page.getByRole("radio", { name: tdp.name, exact: true }).check();
    await page.getByRole("radio", { name: "Người dân", exact: true }).check();
    await page.getByRole("radio", { name: "Từ 60 tuổi trở lên" }).check();
    await page.getByRole("button", { name: "Lưu và bắt đầu học" }).click();

    await expect.poll(() => page.getByText("Sandbox", { exact: true }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole("heading", { name: "Bài học" }).isVisible()).toBe(true);
    await page.getByRole("button", { name: new RegExp(lesson.title) }).first().click();

    await readLesson(page, lesson);
    const correct = await answerQuiz(page, lesson);
    const total = lesson.quiz.length;
    await expect.poll(() => page.getByText(`Bác trả lời đúng ${correct}/${total} câu`).isVisible()).toBe(true);
    await expect.poll(() => page.getByText("Đã lưu kết quả").isVisible(), { timeout: 10_000 }).toBe(true);

    const token = await sessionToken(page);
    const auth = { Authorization: `Bearer ${token}` };
    const progress = (await (await fetch(`${stack.baseUrl}/api/v1/progress`, { headers: auth })).json()) as {
      items: Array<{ lessonId: string; completedAt: string | null; bestCorrect: number; total: number }>;
    };
    const row = progress.items.find((p) => p.lessonId === lesson.id);
    expect(row).toMatchObject({ bestCorrect: correct, total });
    expect(row?.completedAt).toBeTruthy();

    const me = (await (await fetch(`${stack.baseUrl}/api/v1/me`, { headers: auth })).json()) as Record<string, unknown>;
    expect(me).toMatchObject({ tdpId: tdp.id, audience: "nguoi-dan", ageBand: "60-tro-len" });
    expect(me.consents).toMatchObject({ progress: { granted: true } });
    expect(errors).toEqual([]);
  });

  it("lets a resident learn without consent and stores nothing about them on the server", async () => {
    const lesson = firstLesson();
    const page = await (await phoneContext(browser)).newPage();
    const errors = collectPageErrors(page);
    const db = new Database(stack.databasePath, { readonly: true });
    const usersBefore = (db.prepare("SELECT count(*) AS n FROM users").get() as { n: number }).n;

    await page.goto(`${stack.baseUrl}/`);
    await page.getByRole("button", { name: "Để sau — vẫn học được" }).click();
    await expect.poll(() => page.getByRole("heading", { name: "Bài học" }).isVisible()).toBe(true);
    await page.getByRole("button", { name: new RegExp(lesson.title) }).first().click();
    await readLesson(page, lesson);
    await answerQuiz(page, lesson);
    await expect.poll(() => page.getByText("Kết quả được lưu trên điện thoại này").isVisible()).toBe(true);

    expect(await page.evaluate(() => localStorage.getItem("hocso:session"))).toBeNull();
    const usersAfter = (db.prepare("SELECT count(*) AS n FROM users").get() as { n: number }).n;
    db.close();
    expect(usersAfter).toBe(usersBefore);
    expect(errors).toEqual([]);
  });
});

// What a resident does in the mini app, step by step, written once for every browser test.
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { lessons } from "@hocso/content/all-lessons";
import { catalog } from "@hocso/content/catalog";
import { ward } from "@hocso/content/ward";
import type { Lesson } from "@hocso/shared/content";

export function firstLesson(): Lesson {
  const id = catalog.modules.flatMap((m) => m.lessons)[0]?.id;
  const lesson = lessons.find((l) => l.id === id);
  if (!lesson) throw new Error("the catalog has no lesson");
  return lesson;
}

export const firstTdp = ward.residentialGroups[0]!;

export async function visible(page: Page, text: string | RegExp, timeout = 5_000): Promise<void> {
  await expect.poll(() => page.getByText(text).first().isVisible(), { timeout }).toBe(true);
}

/** Onboarding with the progress consent, then the TDP screen; ends on the home screen. */
export async function onboardWithConsent(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await expect.poll(() => page.getByRole("heading", { name: "Chào bác đến với Học Số" }).isVisible()).toBe(true);
  await page.getByRole("checkbox", { name: "Tôi đồng ý cho lưu tiến độ học" }).check();
  await page.getByRole("button", { name: "Tiếp tục" }).click();
  await visible(page, "Bác ở tổ dân phố nào?");
  await page.getByRole("radio", { name: firstTdp.name, exact: true }).check();
  await page.getByRole("radio", { name: "Người dân", exact: true }).check();
  await page.getByRole("radio", { name: "Từ 60 tuổi trở lên" }).check();
  await page.getByRole("button", { name: "Lưu và bắt đầu học" }).click();
  await expect.poll(() => page.getByRole("heading", { name: "Bài học" }).isVisible()).toBe(true);
}

export async function openLesson(page: Page, lesson: Lesson): Promise<void> {
  await page.getByRole("button", { name: new RegExp(lesson.title) }).first().click();
  await visible(page, `Bước 1/${lesson.steps.length}`);
}

/** From step 1 through the Ghi nhớ screen into the quiz. */
export async function readLesson(page: Page, lesson: Lesson): Promise<void> {
  for (let i = 0; i < lesson.steps.length; i++) {
    await visible(page, `Bước ${i + 1}/${lesson.steps.length}`);
    await expect.poll(() => page.getByText(lesson.steps[i]!.title, { exact: true }).first().isVisible()).toBe(true);
    await page.getByRole("button", { name: "Tiếp", exact: true }).click();
  }
  await visible(page, "Ghi nhớ");
  await page.getByRole("button", { name: "Làm câu hỏi" }).click();
}

/** Answers every question, the first one wrongly; returns how many were right. */
export async function answerQuiz(page: Page, lesson: Lesson): Promise<number> {
  let correct = 0;
  for (const [i, q] of lesson.quiz.entries()) {
    await visible(page, `Câu ${i + 1}/${lesson.quiz.length}`);
    const choice = i === 0 ? (q.answer + 1) % q.options.length : q.answer;
    await page.getByRole("button", { name: q.options[choice], exact: true }).click();
    if (choice === q.answer) {
      correct++;
      await visible(page, "Đúng rồi!");
    } else {
      await visible(page, "Chưa đúng.");
    }
    await visible(page, q.explanation);
    const last = i === lesson.quiz.length - 1;
    await page.getByRole("button", { name: last ? "Xem kết quả" : "Câu tiếp theo" }).click();
  }
  return correct;
}

export async function sessionToken(page: Page): Promise<string> {
  const session = await page.evaluate(() => localStorage.getItem("hocso:session"));
  const { token } = JSON.parse(session ?? "{}") as { token?: string };
  if (!token) throw new Error("no session stored on the device");
  return token;
}

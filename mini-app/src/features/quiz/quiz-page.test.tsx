import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { PROGRESS_KEY } from "../../app/progress-store.ts";
import { lesson } from "../../test/course-fixture.ts";
import { freshDevice, stored } from "../../test/device.ts";
import { cleanup, click, getButton, headings, queryButton, renderAt, textOf, waitFor } from "../../test/render.tsx";
import { QuizPage } from "./quiz-page.tsx";

vi.mock("zmp-sdk/apis", () => import("../../test/zmp-sdk-stub.ts"));

async function open() {
  const root = await renderAt(`/bai/${lesson.id}/cau-hoi`, [
    { path: "/bai/:lessonId/cau-hoi", element: <QuizPage /> },
    { path: "/bai/:lessonId", element: <h1>Bài học lại</h1> },
  ]);
  await waitFor(() => expect(textOf(root)).toContain("Câu 1/2"));
  return root;
}

beforeEach(freshDevice);
afterEach(cleanup);

describe("the quiz", () => {
  it("shows one question with its answers as big buttons and no way on before answering", async () => {
    const root = await open();
    expect(headings(root)).toContain("Cán bộ thuế có thể xin mã OTP của bác.");
    expect(getButton(root, "Đúng").disabled).toBe(false);
    expect(getButton(root, "Sai").disabled).toBe(false);
    expect(queryButton(root, "Câu tiếp theo")).toBeNull();
  });

  it("locks a wrong answer and shows the right one with the reason at once", async () => {
    const root = await open();
    await click(getButton(root, "Đúng"));
    const text = textOf(root);
    expect(text).toContain("Chưa đúng.");
    expect(text).toContain("Đáp án đúng: Sai");
    expect(text).toContain("Cơ quan thuế không bao giờ xin OTP.");
    expect(getButton(root, "Đúng").disabled).toBe(true);
    expect(getButton(root, "Sai").disabled).toBe(true);
    expect(getButton(root, "Đúng").className).toContain("is-wrong");
    expect(getButton(root, "Sai").className).toContain("is-right");
  });

  it("praises a right answer, then scores the quiz and keeps the result on the phone without consent", async () => {
    const root = await open();
    await click(getButton(root, "Đúng")); // wrong
    await click(getButton(root, "Câu tiếp theo"));
    expect(textOf(root)).toContain("Câu 2/2");

    await click(getButton(root, "Cúp máy, gọi lại số chính thức"));
    expect(textOf(root)).toContain("Đúng rồi!");
    expect(textOf(root)).not.toContain("Đáp án đúng");
    expect(queryButton(root, "Câu tiếp theo")).toBeNull();
    await click(getButton(root, "Xem kết quả"));

    expect(headings(root)).toContain("Bác trả lời đúng 1/2 câu");
    await waitFor(() => expect(textOf(root)).toContain("Kết quả được lưu trên điện thoại này"));
    expect(textOf(root)).toContain("binhdanhocvuso.gov.vn");
    expect(textOf(root).toLowerCase()).not.toContain("chứng nhận");
    expect(stored(PROGRESS_KEY)).toMatchObject({
      [lesson.id]: { completed: true, bestCorrect: 1, lastCorrect: 1, total: 2, stepIndex: lesson.steps.length },
    });
    getButton(root, "Học lại");
    getButton(root, "Về trang chủ");
  });

  it("cheers a pass at two thirds and sends the learner back to the lesson with Học lại", async () => {
    const root = await open();
    await click(getButton(root, "Sai"));
    await click(getButton(root, "Câu tiếp theo"));
    await click(getButton(root, "Cúp máy, gọi lại số chính thức"));
    await click(getButton(root, "Xem kết quả"));
    expect(headings(root)).toContain("Bác trả lời đúng 2/2 câu");
    expect(textOf(root)).toContain("Giỏi lắm!");
    await click(getButton(root, "Học lại"));
    await waitFor(() => expect(headings(root)).toEqual(["Bài học lại"]));
  });
});

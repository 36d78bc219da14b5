import { act } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { displayStore } from "../../app/display-store.ts";
import { lesson } from "../../test/course-fixture.ts";
import { freshDevice } from "../../test/device.ts";
import { installFakeSpeech, removeFakeSpeech, voice, type FakeSpeech } from "../../test/fake-speech.ts";
import { cleanup, click, getButton, headings, renderAt, textOf, waitFor } from "../../test/render.tsx";
import { LessonPlayerPage } from "../../features/lessons/lesson-player-page.tsx";
import { QuizPage } from "../../features/quiz/quiz-page.tsx";

vi.mock("zmp-sdk/apis", () => import("../../test/zmp-sdk-stub.ts"));

let speech: FakeSpeech;

async function openLesson() {
  const root = await renderAt(`/bai/${lesson.id}`, [{ path: "/bai/:lessonId", element: <LessonPlayerPage /> }]);
  await waitFor(() => expect(headings(root)).toContain("Dấu hiệu"));
  await waitFor(() => getButton(root, "Nghe")); // it loads beside the lesson
  return root;
}

const texts = () => speech.spoken.map((u) => u.text);

beforeEach(() => {
  freshDevice();
  displayStore.reload();
  speech = installFakeSpeech([voice("en-US"), voice("vi-VN", "Linh")]);
});
afterEach(() => {
  cleanup();
  removeFakeSpeech();
});

describe("the Nghe button", () => {
  it("reads a lesson step's title and text in the Vietnamese voice, slowly by default, and stops on a second press", async () => {
    const root = await openLesson();
    const nghe = getButton(root, "Nghe");
    expect(nghe.getAttribute("aria-pressed")).toBe("false");

    await click(nghe);
    expect(texts()).toEqual(["Dấu hiệu", "Số lạ tự xưng cán bộ."]);
    expect(speech.spoken.every((u) => u.voice?.name === "Linh" && u.lang === "vi-VN" && u.rate === 0.8)).toBe(true);
    expect(getButton(root, "Nghe").getAttribute("aria-pressed")).toBe("true");
    expect(textOf(root)).toContain("Đang đọc. Bấm Nghe lần nữa để dừng.");

    await click(getButton(root, "Nghe"));
    expect(speech.cancels).toBeGreaterThan(0);
    expect(getButton(root, "Nghe").getAttribute("aria-pressed")).toBe("false");
    expect(textOf(root)).not.toContain("Đang đọc");
  });

  it("goes back to Nghe by itself when the reading ends", async () => {
    const root = await openLesson();
    await click(getButton(root, "Nghe"));
    await waitFor(() => expect(getButton(root, "Nghe").getAttribute("aria-pressed")).toBe("true"));
    act(() => speech.finishAll());
    await waitFor(() => expect(getButton(root, "Nghe").getAttribute("aria-pressed")).toBe("false"));
  });

  it("reads each list item of a step, stops when the learner moves on, and reads the Ghi nhớ box", async () => {
    const root = await openLesson();
    await click(getButton(root, "Tiếp"));
    await click(getButton(root, "Nghe"));
    expect(texts()).toEqual(["Cúp máy", "Không cãi.", "Không làm theo."]);

    await click(getButton(root, "Tiếp"));
    expect(speech.cancels).toBeGreaterThan(0);
    expect(getButton(root, "Nghe").getAttribute("aria-pressed")).toBe("false");

    await click(getButton(root, "Tiếp"));
    expect(headings(root)).toContain("Ghi nhớ");
    speech.spoken = [];
    await waitFor(() => getButton(root, "Nghe"));
    await click(getButton(root, "Nghe"));
    expect(texts()).toEqual(["Ghi nhớ", "Cơ quan nhà nước không làm việc qua điện thoại."]);
  });

  it("reads a quiz question, then each answer as Lựa chọn 1, 2…, at the normal speed when chosen", async () => {
    displayStore.set((d) => ({ ...d, speechRate: "normal" }));
    const root = await renderAt(`/bai/${lesson.id}/cau-hoi`, [{ path: "/bai/:lessonId/cau-hoi", element: <QuizPage /> }]);
    await waitFor(() => expect(textOf(root)).toContain("Câu 1/2"));
    await waitFor(() => getButton(root, "Nghe"));
    await click(getButton(root, "Nghe"));
    expect(texts()).toEqual(["Cán bộ thuế có thể xin mã OTP của bác.", "Lựa chọn 1: Đúng", "Lựa chọn 2: Sai"]);
    expect(speech.spoken.every((u) => u.rate === 1)).toBe(true);
  });

  it("waits for voices that the phone loads a moment later", async () => {
    speech = installFakeSpeech([]);
    const root = await openLesson();
    await click(getButton(root, "Nghe"));
    expect(texts()).toEqual([]);
    act(() => speech.setVoices([voice("vi_VN", "Giọng Việt")]));
    await waitFor(() => expect(texts()).toEqual(["Dấu hiệu", "Số lạ tự xưng cán bộ."]));
    expect(speech.spoken[0]?.voice?.name).toBe("Giọng Việt");
  });

  it("says plainly that the phone has no Vietnamese voice, and what to do, instead of reading in another language", async () => {
    speech = installFakeSpeech([voice("en-US"), voice("fr-FR")]);
    const root = await openLesson();
    await click(getButton(root, "Nghe"));
    await waitFor(() => expect(textOf(root)).toContain("Điện thoại của bác chưa có giọng đọc tiếng Việt"));
    expect(textOf(root)).toContain("cài giọng đọc tiếng Việt trong Cài đặt của điện thoại");
    expect(texts()).toEqual([]);
    expect(getButton(root, "Nghe").getAttribute("aria-pressed")).toBe("false");
  });

  it("says so as well when the phone's browser cannot speak at all", async () => {
    removeFakeSpeech();
    const root = await openLesson();
    await click(getButton(root, "Nghe"));
    await waitFor(() => expect(textOf(root)).toContain("Điện thoại của bác chưa có giọng đọc tiếng Việt dùng được trong Zalo"));
    expect(textOf(root)).toContain("Bác bấm nút Aa ở trên cùng để chữ to hơn");
  });

  it("tells the learner to try again when the voice fails part-way", async () => {
    const root = await openLesson();
    await click(getButton(root, "Nghe"));
    act(() => speech.fail("synthesis-failed"));
    await waitFor(() => expect(textOf(root)).toContain("Chưa đọc được. Bác bấm Nghe để thử lại."));
  });
});

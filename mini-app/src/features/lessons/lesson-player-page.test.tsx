import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { OUTBOX_KEY } from "../../app/outbox.ts";
import { PROGRESS_KEY, progressStore, recordQuiz } from "../../app/progress-store.ts";
import { lesson } from "../../test/course-fixture.ts";
import { freshDevice, stored } from "../../test/device.ts";
import { cleanup, click, getButton, headings, renderAt, textOf, waitFor } from "../../test/render.tsx";
import { LessonPlayerPage } from "./lesson-player-page.tsx";

vi.mock("zmp-sdk/apis", () => import("../../test/zmp-sdk-stub.ts"));

async function open() {
  const root = await renderAt(`/bai/${lesson.id}`, [
    { path: "/bai/:lessonId", element: <LessonPlayerPage /> },
    { path: "/bai/:lessonId/cau-hoi", element: <h1>Câu hỏi</h1> },
  ]);
  await waitFor(() => expect(textOf(root)).toContain("Bước"));
  return root;
}

beforeEach(freshDevice);
afterEach(cleanup);

describe("the lesson player", () => {
  it("shows one step per screen with its counter, title and body", async () => {
    const root = await open();
    expect(textOf(root)).toContain("Bước 1/3");
    expect(headings(root)).toContain("Dấu hiệu");
    expect(textOf(root)).toContain("Số lạ tự xưng cán bộ.");
    expect(textOf(root)).toContain("Mục tiêu: Bác nhận ra cuộc gọi giả.");

    await click(getButton(root, "Tiếp"));
    expect(textOf(root)).toContain("Bước 2/3");
    expect(headings(root)).toContain("Cúp máy");
    expect(textOf(root)).not.toContain("Số lạ tự xưng cán bộ.");

    await click(getButton(root, "Quay lại"));
    expect(textOf(root)).toContain("Bước 1/3");
  });

  it("ends with the Ghi nhớ box and the way to the questions", async () => {
    const root = await open();
    for (let i = 0; i < lesson.steps.length; i++) await click(getButton(root, "Tiếp"));
    expect(headings(root)).toContain("Ghi nhớ");
    expect(textOf(root)).toContain("Cơ quan nhà nước không làm việc qua điện thoại.");
    await click(getButton(root, "Làm câu hỏi"));
    await waitFor(() => expect(headings(root)).toEqual(["Câu hỏi"]));
  });

  it("saves the step on the phone as the learner moves, with a step event for the server", async () => {
    const root = await open();
    await click(getButton(root, "Tiếp"));
    await click(getButton(root, "Tiếp"));
    expect(stored(PROGRESS_KEY)).toMatchObject({ [lesson.id]: { stepIndex: 2, completed: false } });
    const steps = (stored(OUTBOX_KEY) as Array<{ type: string; stepIndex: number }>).map((e) => [e.type, e.stepIndex]);
    expect(steps).toEqual([
      ["step", 0],
      ["step", 1],
      ["step", 2],
    ]);
  });

  it("returns to the same step after the page is reloaded in the middle of the lesson", async () => {
    const root = await open();
    await click(getButton(root, "Tiếp"));
    await click(getButton(root, "Tiếp"));

    // a reload: the page is gone and everything in memory is read again from storage
    cleanup();
    progressStore.reload();
    const again = await open();
    expect(textOf(again)).toContain("Bước 3/3");
    expect(headings(again)).toContain("Báo 156");
  });

  it("shows Đã thuộc bài on a lesson whose best attempt reached 80%", async () => {
    recordQuiz(lesson.id, 3, 2, 2);
    const root = await open();
    expect(textOf(root)).toContain("Đã thuộc bài");
  });
});

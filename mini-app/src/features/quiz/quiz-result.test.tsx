// What the result screen says about saving, with the server a real HTTP server
// (test/api-server.ts): saved once the server acknowledged the finished quiz, waiting while
// offline, and on the phone only without consent.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { SyncEvent } from "@hocso/shared/api";
import { OUTBOX_KEY } from "../../app/outbox.ts";
import { REVIEW_KEY } from "../../app/review-store.ts";
import { recordConsents, requestSync } from "../../app/sync.ts";
import { startFakeApi, type FakeApi } from "../../test/api-server.ts";
import { lesson } from "../../test/course-fixture.ts";
import { freshDevice, stored } from "../../test/device.ts";
import { cleanup, click, getButton, renderAt, textOf, waitFor } from "../../test/render.tsx";
import { QuizPage } from "./quiz-page.tsx";

vi.mock("zmp-sdk/apis", () => import("../../test/zmp-sdk-stub.ts"));

let api: FakeApi;
beforeAll(async () => {
  api = await startFakeApi();
});
afterAll(() => api.close());
beforeEach(() => {
  freshDevice();
  api.reset();
});
afterEach(cleanup);

/** Answers the first question wrongly and the second rightly, then opens the result. */
async function takeQuiz(): Promise<HTMLElement> {
  const root = await renderAt(`/bai/${lesson.id}/cau-hoi`, [{ path: "/bai/:lessonId/cau-hoi", element: <QuizPage /> }]);
  await waitFor(() => expect(textOf(root)).toContain("Câu 1/2"));
  await click(getButton(root, "Đúng"));
  await click(getButton(root, "Câu tiếp theo"));
  await click(getButton(root, "Cúp máy, gọi lại số chính thức"));
  await click(getButton(root, "Xem kết quả"));
  return root;
}

describe("the quiz result's saving line", () => {
  it("says Đã lưu kết quả once the server acknowledged the finished quiz", async () => {
    await recordConsents({ progress: true, reminders: false });
    const root = await takeQuiz();
    await waitFor(() => expect(textOf(root)).toContain("Đã lưu kết quả"));
    const types = [...api.events.values()].map((e) => [e.type, e.type === "answer" ? e.source : null]);
    expect(types).toEqual([
      ["answer", "quiz"],
      ["answer", "quiz"],
      ["quiz-finished", null],
    ]);
    expect(stored(OUTBOX_KEY)).toEqual([]);
  });

  it("waits for the network while offline, then says it is saved once back online", async () => {
    await recordConsents({ progress: true, reminders: false });
    api.offline = true;
    const root = await takeQuiz();
    await waitFor(() => expect(textOf(root)).toContain("Đang chờ mạng để lưu lên máy chủ"));
    expect(textOf(root)).toContain("Bác trả lời đúng 1/2 câu");

    api.offline = false;
    await requestSync(); // what the `online` event or the 30 s retry starts
    await waitFor(() => expect(textOf(root)).toContain("Đã lưu kết quả"));
  });

  it("keeps the result on the phone without consent, with the answers queued and the missed question due for review", async () => {
    const root = await takeQuiz();
    expect(textOf(root)).toContain("Kết quả được lưu trên điện thoại này");
    expect(api.calls).toEqual([]);
    const queued = stored(OUTBOX_KEY) as SyncEvent[];
    expect(queued.map((e) => e.type)).toEqual(["answer", "answer", "quiz-finished"]);
    expect(stored(REVIEW_KEY)).toMatchObject([{ lessonId: lesson.id, questionId: "q1", box: 0 }]);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { SyncEvent } from "@hocso/shared/api";
import { OUTBOX_KEY } from "../../app/outbox.ts";
import { reviewStore } from "../../app/review-store.ts";
import { lesson } from "../../test/course-fixture.ts";
import { freshDevice, stored } from "../../test/device.ts";
import { cleanup, click, getButton, headings, queryButton, renderAt, textOf, waitFor } from "../../test/render.tsx";
import { ReviewPage } from "./review-page.tsx";

vi.mock("zmp-sdk/apis", () => import("../../test/zmp-sdk-stub.ts"));

const DAY = 86_400_000;

async function open() {
  const root = await renderAt("/on-tap", [
    { path: "/on-tap", element: <ReviewPage /> },
    { path: "/", element: <h1>Bài học</h1> },
  ]);
  await waitFor(() => expect(textOf(root)).not.toContain("Đang tải"));
  return root;
}

beforeEach(freshDevice);
afterEach(cleanup);

describe("Ôn lại", () => {
  it("asks each due question on its own screen with immediate feedback, and reschedules it", async () => {
    const now = Date.now();
    reviewStore.set([
      { lessonId: lesson.id, questionId: "q1", box: 0, dueAt: now - 2 * DAY },
      { lessonId: lesson.id, questionId: "q2", box: 1, dueAt: now - DAY },
      { lessonId: lesson.id, questionId: "khong-con", box: 0, dueAt: now - DAY },
      { lessonId: lesson.id, questionId: "q9", box: 0, dueAt: now + DAY },
    ]);
    const root = await open();
    expect(textOf(root)).toContain("Câu 1/2");
    expect(textOf(root)).toContain("Từ bài: Nhận ra cuộc gọi lạ");
    expect(headings(root)).toEqual(["Cán bộ thuế có thể xin mã OTP của bác."]);
    expect(queryButton(root, "Câu tiếp theo")).toBeNull();

    await click(getButton(root, "Đúng"));
    expect(textOf(root)).toContain("Chưa đúng.");
    expect(textOf(root)).toContain("Đáp án đúng: Sai");
    expect(textOf(root)).toContain("Cơ quan thuế không bao giờ xin OTP.");
    await click(getButton(root, "Câu tiếp theo"));

    expect(textOf(root)).toContain("Câu 2/2");
    await click(getButton(root, "Cúp máy, gọi lại số chính thức"));
    expect(textOf(root)).toContain("Đúng rồi!");
    await click(getButton(root, "Xong"));

    expect(headings(root)).toEqual(["Bác đã ôn xong 2 câu"]);
    expect(textOf(root)).toContain("Lần này bác trả lời đúng 1/2 câu.");

    const answers = (stored(OUTBOX_KEY) as SyncEvent[]).map((e) => (e.type === "answer" ? [e.questionId, e.choice, e.source] : null));
    expect(answers).toEqual([
      ["q1", 0, "review"],
      ["q2", 1, "review"],
    ]);
    const byQuestion = new Map(reviewStore.get().map((i) => [i.questionId, i]));
    expect(byQuestion.get("q1")).toMatchObject({ box: 0 });
    expect(byQuestion.get("q1")!.dueAt).toBeGreaterThan(now + DAY - 5000); // again tomorrow
    expect(byQuestion.get("q2")).toMatchObject({ box: 2 });
    expect(byQuestion.get("q2")!.dueAt).toBeGreaterThan(now + 6 * DAY); // in a week
    expect(byQuestion.has("khong-con")).toBe(false); // no longer in the course
    expect(byQuestion.has("q9")).toBe(true); // not due yet, untouched
  });

  it("says there is nothing to review when nothing is due", async () => {
    reviewStore.set([{ lessonId: lesson.id, questionId: "q1", box: 0, dueAt: Date.now() + DAY }]);
    const root = await open();
    expect(headings(root)).toEqual(["Chưa có câu nào cần ôn lại. Bác quay lại sau nhé."]);
    await click(getButton(root, "Về trang chủ"));
    await waitFor(() => expect(headings(root)).toEqual(["Bài học"]));
  });
});

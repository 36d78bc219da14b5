import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { LessonsHome } from "../features/lessons/lessons-home.tsx";
import { ContinueCard } from "../features/progress/continue-card.tsx";
import { ReviewCard } from "../features/review/review-card.tsx";
import { lesson } from "../test/course-fixture.ts";
import { freshDevice } from "../test/device.ts";
import { cleanup, click, getButton, nameOf, queryButton, renderAt, textOf, waitFor } from "../test/render.tsx";
import { recordQuiz, recordStep } from "./progress-store.ts";
import { reviewStore } from "./review-store.ts";

vi.mock("zmp-sdk/apis", () => import("../test/zmp-sdk-stub.ts"));

// The home screen as app.tsx composes it: the lessons list with the progress and review cards on top.
function showHome() {
  return renderAt("/", [
    {
      path: "/",
      element: (
        <LessonsHome
          continueCard={
            <>
              <ContinueCard />
              <ReviewCard />
            </>
          }
        />
      ),
    },
    { path: "/bai/:lessonId", element: <h1>Trình phát bài học</h1> },
    { path: "/on-tap", element: <h1>Ôn lại</h1> },
    { path: "/lop-hoc", element: <h1>Lớp học của tổ</h1> },
  ]);
}

beforeEach(freshDevice);
afterEach(cleanup);

describe("the home screen", () => {
  it("lists each lesson as a button named by its title and minutes, with no Học tiếp card before any lesson", async () => {
    const root = await showHome();
    expect(textOf(root)).toContain("Bài học");
    expect(nameOf(getButton(root, "Nhận ra cuộc gọi lạ. 3 phút"))).toContain(lesson.title);
    expect(queryButton(root, "Học tiếp")).toBeNull();
  });

  it("offers Học tiếp for the lesson in progress, saying where the learner stopped", async () => {
    recordStep(lesson.id, 1);
    const root = await showHome();
    const card = getButton(root, "Học tiếp");
    const description = root.querySelector(`#${CSS.escape(card.getAttribute("aria-describedby") ?? "")}`);
    expect(description?.textContent).toContain(lesson.title);
    expect(description?.textContent).toContain("Đang học đến bước 2 trong 3 bước");
    expect(nameOf(getButton(root, "Nhận ra cuộc gọi lạ. 3 phút · Đang học"))).toContain(lesson.title);
    await click(card);
    await waitFor(() => expect(textOf(root)).toBe("Trình phát bài học"));
  });

  it("marks a finished lesson as done with its best score and stops offering it to continue", async () => {
    recordStep(lesson.id, 2);
    recordQuiz(lesson.id, 3, 1, 2);
    const root = await showHome();
    expect(queryButton(root, "Học tiếp")).toBeNull();
    getButton(root, "Nhận ra cuộc gọi lạ. 3 phút · Đã học, đúng 1/2 câu");
  });

  it("marks a lesson as Đã thuộc bài once its best attempt reaches 80%", async () => {
    recordQuiz(lesson.id, 3, 1, 2);
    recordQuiz(lesson.id, 3, 2, 2);
    recordQuiz(lesson.id, 3, 0, 2); // a worse attempt later does not take it away
    const root = await showHome();
    getButton(root, "Nhận ra cuộc gọi lạ. 3 phút · Đã thuộc bài, đúng 2/2 câu");
  });

  it("offers Ôn lại with the number of questions due, and nothing while none are due", async () => {
    const now = Date.now();
    reviewStore.set([
      { lessonId: lesson.id, questionId: "q1", box: 0, dueAt: now - 1000 },
      { lessonId: lesson.id, questionId: "q2", box: 1, dueAt: now - 1 },
      { lessonId: lesson.id, questionId: "q3", box: 0, dueAt: now + 86_400_000 },
    ]);
    const root = await showHome();
    await click(getButton(root, "Ôn lại (2 câu)"));
    await waitFor(() => expect(textOf(root)).toBe("Ôn lại"));

    cleanup();
    reviewStore.set([{ lessonId: lesson.id, questionId: "q3", box: 0, dueAt: now + 86_400_000 }]);
    const later = await showHome();
    expect(textOf(later)).not.toContain("Ôn lại");
  });

  it("leads to the TDP's classes", async () => {
    const root = await showHome();
    await click(getButton(root, "Lớp học của tổ"));
    await waitFor(() => expect(textOf(root)).toBe("Lớp học của tổ"));
  });
});

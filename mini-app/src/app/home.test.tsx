import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { LessonsHome } from "../features/lessons/lessons-home.tsx";
import { ContinueCard } from "../features/progress/continue-card.tsx";
import { lesson } from "../test/course-fixture.ts";
import { freshDevice } from "../test/device.ts";
import { cleanup, click, getButton, nameOf, queryButton, renderAt, textOf, waitFor } from "../test/render.tsx";
import { recordQuiz, recordStep } from "./progress-store.ts";

vi.mock("zmp-sdk/apis", () => import("../test/zmp-sdk-stub.ts"));

// The home screen as app.tsx composes it: the lessons list with the progress card on top.
function showHome() {
  return renderAt("/", [
    { path: "/", element: <LessonsHome continueCard={<ContinueCard />} /> },
    { path: "/bai/:lessonId", element: <h1>Trình phát bài học</h1> },
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
    recordQuiz(lesson.id, 3, 2, 2);
    const root = await showHome();
    expect(queryButton(root, "Học tiếp")).toBeNull();
    getButton(root, "Nhận ra cuộc gọi lạ. 3 phút · Đã học, đúng 2/2 câu");
  });
});

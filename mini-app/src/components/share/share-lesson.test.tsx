// Sharing a lesson outside Zalo (a browser, the end-to-end test): zmp-sdk's share sheet is not
// there, so the browser's own share sheet or the clipboard takes over.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { lesson } from "../../test/course-fixture.ts";
import { freshDevice } from "../../test/device.ts";
import { cleanup, click, getButton, headings, queryButton, renderAt, textOf, waitFor } from "../../test/render.tsx";
import { LessonPlayerPage } from "../../features/lessons/lesson-player-page.tsx";
import { QuizPage } from "../../features/quiz/quiz-page.tsx";
import { lessonLink } from "./share-lesson.ts";

vi.mock("zmp-sdk/apis", () => import("../../test/zmp-sdk-stub.ts"));

const link = () => `${window.location.origin}/bai/${lesson.id}`;

function setNavigator(name: "share" | "clipboard", value: unknown): void {
  Object.defineProperty(window.navigator, name, { value, configurable: true, writable: true });
}

async function openLesson() {
  const root = await renderAt(`/bai/${lesson.id}`, [{ path: "/bai/:lessonId", element: <LessonPlayerPage /> }]);
  await waitFor(() => expect(headings(root)).toContain("Dấu hiệu"));
  await waitFor(() => getButton(root, "Chia sẻ bài học")); // it loads beside the lesson
  return root;
}

let writeText: ReturnType<typeof vi.fn>;

beforeEach(() => {
  freshDevice();
  writeText = vi.fn(() => Promise.resolve());
  setNavigator("share", undefined);
  setNavigator("clipboard", { writeText });
});
afterEach(cleanup);

describe("Chia sẻ bài học outside Zalo", () => {
  it("is on the lesson's first screen only", async () => {
    const root = await openLesson();
    getButton(root, "Chia sẻ bài học");
    await click(getButton(root, "Tiếp"));
    expect(queryButton(root, "Chia sẻ bài học")).toBeNull();
  });

  it("opens the phone's own share sheet with the lesson's title and link when the browser has one", async () => {
    const share = vi.fn(() => Promise.resolve());
    setNavigator("share", share);
    const root = await openLesson();
    await click(getButton(root, "Chia sẻ bài học"));
    await waitFor(() => expect(share).toHaveBeenCalledTimes(1));
    expect(share).toHaveBeenCalledWith({
      title: lesson.title,
      text: `Bài học \u201c${lesson.title}\u201d trên Học Số`,
      url: link(),
    });
    expect(writeText).not.toHaveBeenCalled();
    expect(textOf(root)).not.toContain("Đã chép");
  });

  it("does nothing more when the learner closes that sheet", async () => {
    setNavigator("share", () => Promise.reject(new DOMException("closed", "AbortError")));
    const root = await openLesson();
    await click(getButton(root, "Chia sẻ bài học"));
    await waitFor(() => expect(getButton(root, "Chia sẻ bài học")).toBeDefined());
    expect(writeText).not.toHaveBeenCalled();
    expect(textOf(root)).not.toContain("Đã chép");
  });

  it("copies the lesson's link and says so when there is no share sheet", async () => {
    const root = await openLesson();
    await click(getButton(root, "Chia sẻ bài học"));
    await waitFor(() => expect(textOf(root)).toContain("Đã chép đường dẫn bài học"));
    expect(writeText).toHaveBeenCalledWith(link());
    expect(textOf(root)).toContain("Bác dán vào tin nhắn Zalo");
  });

  it("shows the link to copy by hand when even the clipboard refuses", async () => {
    setNavigator("clipboard", { writeText: () => Promise.reject(new Error("denied")) });
    const root = await openLesson();
    await click(getButton(root, "Chia sẻ bài học"));
    await waitFor(() => expect(textOf(root)).toContain(`Chưa chép được. Đường dẫn bài học: ${link()}`));
  });

  it("is on the quiz result as well", async () => {
    const root = await renderAt(`/bai/${lesson.id}/cau-hoi`, [{ path: "/bai/:lessonId/cau-hoi", element: <QuizPage /> }]);
    await waitFor(() => expect(textOf(root)).toContain("Câu 1/2"));
    await click(getButton(root, "Sai"));
    await click(getButton(root, "Câu tiếp theo"));
    await click(getButton(root, "Cúp máy, gọi lại số chính thức"));
    await click(getButton(root, "Xem kết quả"));
    await waitFor(() => getButton(root, "Chia sẻ bài học"));
    await click(getButton(root, "Chia sẻ bài học"));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(link()));
    // the lesson is in module m4: the certification guide is offered after m5 only
    expect(queryButton(root, "Thi chứng nhận")).toBeNull();
  });

  it("links to the lesson under /zapps/<id>/ when the app is served there", () => {
    const at = (pathname: string) => ({ origin: "https://hocso.example", pathname }) as Location;
    expect(lessonLink("quet-vietqr", at("/zapps/4242/"))).toBe("https://hocso.example/zapps/4242/bai/quet-vietqr");
    expect(lessonLink("quet-vietqr", at("/bai/khac"))).toBe("https://hocso.example/bai/quet-vietqr");
  });
});

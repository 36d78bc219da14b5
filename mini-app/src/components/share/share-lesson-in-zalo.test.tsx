// @vitest-environment-options {"url": "https://h5.zdn.vn/zapps/4242/"}
// Sharing a lesson inside Zalo (the page is on h5.zdn.vn, so app/zalo.ts knows it is in Zalo):
// zmp-sdk's share sheet with a deep link to the lesson.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { lesson } from "../../test/course-fixture.ts";
import { freshDevice } from "../../test/device.ts";
import { cleanup, click, getButton, headings, renderAt, textOf, waitFor } from "../../test/render.tsx";
import { LessonPlayerPage } from "../../features/lessons/lesson-player-page.tsx";

const sdk = vi.hoisted(() => ({ openShareSheet: vi.fn() }));

vi.mock("zmp-sdk/apis", async () => ({ ...(await import("../../test/zmp-sdk-stub.ts")), ...sdk }));

async function openLesson() {
  const root = await renderAt(`/bai/${lesson.id}`, [{ path: "/bai/:lessonId", element: <LessonPlayerPage /> }]);
  await waitFor(() => expect(headings(root)).toContain("Dấu hiệu"));
  await waitFor(() => getButton(root, "Chia sẻ bài học")); // it loads beside the lesson
  return root;
}

beforeEach(() => {
  // nativeStorage is the stub's, failing as outside Zalo: the app falls back to localStorage
  vi.spyOn(console, "warn").mockImplementation(() => undefined);
  freshDevice();
  sdk.openShareSheet.mockReset();
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe("Chia sẻ bài học inside Zalo", () => {
  it("opens Zalo's share sheet with a deep link to the lesson, its title and its goal", async () => {
    expect(window.location.hostname).toBe("h5.zdn.vn");
    sdk.openShareSheet.mockResolvedValue({ status: 2, shareType: 0, numberOfUser: 1 });
    const share = vi.fn();
    Object.defineProperty(window.navigator, "share", { value: share, configurable: true });

    const root = await openLesson();
    await click(getButton(root, "Chia sẻ bài học"));
    await waitFor(() => expect(sdk.openShareSheet).toHaveBeenCalledTimes(1));
    const [args] = sdk.openShareSheet.mock.calls[0] as [{ type: string; data: Record<string, string> }];
    expect(args.type).toBe("zmp_deep_link");
    expect(args.data).toMatchObject({ title: lesson.title, description: lesson.goal, path: `/bai/${lesson.id}` });
    expect(args.data.thumbnail).toMatch(/^https:\/\/h5\.zdn\.vn\/.+\.png$/);
    expect(share).not.toHaveBeenCalled();
    expect(textOf(root)).not.toContain("Đã chép");
  });

  it("falls back to copying the link when Zalo's sheet fails", async () => {
    sdk.openShareSheet.mockRejectedValue({ code: -1404, message: "client too old" });
    Object.defineProperty(window.navigator, "share", { value: undefined, configurable: true });
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(window.navigator, "clipboard", { value: { writeText }, configurable: true });
    const root = await openLesson();
    await click(getButton(root, "Chia sẻ bài học"));
    await waitFor(() => expect(textOf(root)).toContain("Đã chép đường dẫn bài học"));
    expect(writeText).toHaveBeenCalledWith(`https://h5.zdn.vn/bai/${lesson.id}`);
  });
});

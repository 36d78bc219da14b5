import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DISPLAY_KEY, displayStore, followDisplaySettings } from "../../app/display-store.ts";
import { learnerStore } from "../../app/learner-store.ts";
import { lesson } from "../../test/course-fixture.ts";
import { freshDevice, stored } from "../../test/device.ts";
import { cleanup, click, getButton, getInput, headings, queryButton, renderAt, textOf, waitFor } from "../../test/render.tsx";
import { LessonPlayerPage } from "../lessons/lesson-player-page.tsx";
import { DisplaySettingsPage } from "./display-settings-page.tsx";

vi.mock("zmp-sdk/apis", () => import("../../test/zmp-sdk-stub.ts"));

const html = document.documentElement;
let unfollow: () => void = () => undefined;

function openSettings() {
  return renderAt("/co-chu-va-mau", [
    { path: "/co-chu-va-mau", element: <DisplaySettingsPage /> },
    { path: "/", element: <h1>Trang chủ</h1> },
  ]);
}

beforeEach(() => {
  freshDevice();
  displayStore.reload();
  unfollow = followDisplaySettings();
});
afterEach(() => {
  cleanup();
  unfollow();
});

describe("Cỡ chữ và màu", () => {
  it("offers three text sizes, high contrast and two reading speeds, starting from normal text and slow reading", async () => {
    const root = await openSettings();
    expect(headings(root)).toEqual(["Cỡ chữ và màu", "Cỡ chữ", "Màu", "Tốc độ đọc khi bấm Nghe"]);
    expect(getInput(root, "Chữ thường").checked).toBe(true);
    expect(getInput(root, "Chữ lớn").checked).toBe(false);
    expect(getInput(root, "Chữ rất lớn").checked).toBe(false);
    expect(getInput(root, "Tương phản cao").checked).toBe(false);
    expect(getInput(root, "Tương phản cao").getAttribute("role")).toBe("switch");
    expect(getInput(root, "Đọc chậm").checked).toBe(true);
    expect(getInput(root, "Bình thường").checked).toBe(false);
    expect(html.dataset.textSize).toBe("normal");
    expect(html.dataset.contrast).toBeUndefined();
    // the screen is where the header's Aa leads, so it does not offer it again
    expect(queryButton(root, "Đổi cỡ chữ và màu")).toBeNull();
  });

  it("applies each choice at once on <html> and remembers it on the phone", async () => {
    const root = await openSettings();
    await click(getInput(root, "Chữ rất lớn"));
    expect(html.dataset.textSize).toBe("xlarge");
    expect(getInput(root, "Chữ rất lớn").checked).toBe(true);

    await click(getInput(root, "Tương phản cao"));
    expect(html.dataset.contrast).toBe("high");

    await click(getInput(root, "Bình thường"));
    expect(stored(DISPLAY_KEY)).toEqual({ textSize: "xlarge", highContrast: true, speechRate: "normal" });

    await click(getInput(root, "Tương phản cao"));
    expect(html.dataset.contrast).toBeUndefined();
    await click(getInput(root, "Chữ lớn"));
    expect(html.dataset.textSize).toBe("large");

    await click(getButton(root, "Xong"));
    await waitFor(() => expect(headings(root)).toEqual(["Trang chủ"]));
  });

  it("starts the app with the size and contrast remembered from last time", () => {
    unfollow();
    window.localStorage.setItem(DISPLAY_KEY, JSON.stringify({ textSize: "xlarge", highContrast: true, speechRate: "slow" }));
    displayStore.reload();
    unfollow = followDisplaySettings();
    expect(html.dataset.textSize).toBe("xlarge");
    expect(html.dataset.contrast).toBe("high");
  });

  it("opens over any screen from the header's Aa button, keeps that screen, and closes with Xong", async () => {
    const root = await renderAt(`/bai/${lesson.id}`, [{ path: "/bai/:lessonId", element: <LessonPlayerPage /> }]);
    await waitFor(() => expect(headings(root)).toContain("Dấu hiệu"));
    const aa = getButton(root, "Đổi cỡ chữ và màu");
    expect(aa.textContent).toBe("Aa");

    await click(aa);
    const dialog = root.querySelector("dialog");
    expect(dialog?.getAttribute("aria-labelledby")).toBe("settings-sheet-title");
    expect(dialog?.querySelector("h2")?.textContent).toBe("Cỡ chữ và màu");
    await waitFor(() => expect(getInput(root, "Chữ lớn")).toBeDefined());
    await click(getInput(root, "Chữ lớn"));
    expect(html.dataset.textSize).toBe("large");
    expect(headings(root)).toContain("Dấu hiệu"); // the lesson step is still there underneath

    await click(getButton(root, "Xong"));
    await waitFor(() => expect(root.querySelector("dialog")).toBeNull());
    expect(document.activeElement).toBe(getButton(root, "Đổi cỡ chữ và màu"));
    expect(textOf(root)).toContain("Số lạ tự xưng cán bộ.");
  });

  it("never talks to the server, even for a learner who agreed to it", async () => {
    learnerStore.set((l) => ({
      ...l,
      onboarded: true,
      consents: { progress: true, reminders: false, version: "v", decidedAt: "2026-11-01T00:00:00Z", synced: true },
    }));
    const fetch = vi.spyOn(globalThis, "fetch");
    try {
      const root = await openSettings();
      await click(getInput(root, "Chữ rất lớn"));
      await click(getInput(root, "Tương phản cao"));
      await click(getInput(root, "Bình thường"));
      expect(fetch).not.toHaveBeenCalled();
    } finally {
      fetch.mockRestore();
    }
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { LEARNER_KEY } from "../../app/learner-store.ts";
import { freshDevice, stored } from "../../test/device.ts";
import { cleanup, click, getButton, getInput, headings, renderAt, textOf, waitFor } from "../../test/render.tsx";
import { WelcomePage } from "./welcome-page.tsx";

vi.mock("zmp-sdk/apis", () => import("../../test/zmp-sdk-stub.ts"));

const PROGRESS = "Tôi đồng ý cho lưu tiến độ học";
const REMINDERS = "Tôi muốn nhận nhắc lịch lớp học qua Zalo (không bắt buộc)";

function show() {
  return renderAt("/", [
    { path: "/", element: <WelcomePage /> },
    { path: "/thong-tin", element: <h1>Bác ở tổ dân phố nào?</h1> },
  ]);
}

let fetchSpy: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  freshDevice();
  fetchSpy = vi.spyOn(globalThis, "fetch");
});
afterEach(() => {
  cleanup();
  fetchSpy.mockRestore();
});

describe("the welcome screen", () => {
  it("greets the learner and explains who manages the data and what is never asked", async () => {
    const root = await show();
    expect(headings(root)[0]).toBe("Chào bác đến với Học Số");
    const text = textOf(root);
    expect(text).toContain("Học Số do UBND phường Ba Ngòi quản lý.");
    expect(text).toContain("không bao giờ hỏi số căn cước, ảnh giấy tờ hay tài khoản ngân hàng");
    expect(text).toContain("Dữ liệu của tôi");
  });

  it("offers the two consents as separate boxes that start unticked", async () => {
    const root = await show();
    const progress = getInput(root, PROGRESS);
    const reminders = getInput(root, REMINDERS);
    expect(progress.type).toBe("checkbox");
    expect(reminders.type).toBe("checkbox");
    expect(progress.checked).toBe(false);
    expect(reminders.checked).toBe(false);

    await click(progress);
    expect(getInput(root, PROGRESS).checked).toBe(true);
    expect(getInput(root, REMINDERS).checked).toBe(false);
  });

  it("lets the learner go on without deciding, recording no consent and calling no server", async () => {
    const root = await show();
    await click(getButton(root, "Để sau — vẫn học được"));
    expect(stored(LEARNER_KEY)).toMatchObject({ onboarded: true, consents: null });
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it("keeps a reminders-only choice on the phone, explains why, and goes on to the learner's details", async () => {
    const root = await show();
    await click(getInput(root, REMINDERS));
    expect(textOf(root)).toContain("cần thêm ô đồng ý lưu tiến độ");
    await click(getButton(root, "Tiếp tục"));
    await waitFor(() => expect(headings(root)).toContain("Bác ở tổ dân phố nào?"));
    expect(stored(LEARNER_KEY)).toMatchObject({
      onboarded: true,
      consents: { progress: false, reminders: true, version: "2026-12-v3", synced: false },
    });
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});

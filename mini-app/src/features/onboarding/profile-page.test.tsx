import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { LEARNER_KEY } from "../../app/learner-store.ts";
import { freshDevice, stored } from "../../test/device.ts";
import { cleanup, click, getButton, getInput, headings, renderAt, textOf, waitFor } from "../../test/render.tsx";
import { ProfilePage } from "./profile-page.tsx";

vi.mock("zmp-sdk/apis", () => import("../../test/zmp-sdk-stub.ts"));

function show() {
  return renderAt("/thong-tin", [
    { path: "/thong-tin", element: <ProfilePage /> },
    { path: "/", element: <h1>Bài học</h1> },
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

describe("the learner's details", () => {
  it("asks for the tổ dân phố, the group and the age band, listing the ward's TDPs", async () => {
    const root = await show();
    expect(headings(root)).toEqual(["Bác ở tổ dân phố nào?", "Bác thuộc nhóm nào?", "Bác bao nhiêu tuổi?"]);
    expect(getInput(root, "Tổ dân phố 2").type).toBe("radio");
    for (const label of ["Người dân", "Cán bộ, công chức, viên chức", "Học sinh, sinh viên", "Người lao động doanh nghiệp"]) {
      expect(getInput(root, label).checked).toBe(false);
    }
    for (const label of ["Dưới 16 tuổi", "Từ 16 đến 59 tuổi", "Từ 60 tuổi trở lên"]) getInput(root, label);
  });

  it("says what is missing instead of saving half the answers", async () => {
    const root = await show();
    await click(getInput(root, "Tổ dân phố 1"));
    await click(getButton(root, "Lưu và bắt đầu học"));
    expect(textOf(root)).toContain("Bác chọn nhóm giúp nhé.");
    expect(textOf(root)).toContain("Bác chọn độ tuổi giúp nhé.");
    expect(textOf(root)).not.toContain("Bác chọn tổ dân phố giúp nhé.");
    expect(stored(LEARNER_KEY)).toBeNull();
  });

  it("keeps an under-16's details on the phone only and says so", async () => {
    const root = await show();
    await click(getInput(root, "Tổ dân phố 2"));
    await click(getInput(root, "Học sinh, sinh viên"));
    await click(getInput(root, "Dưới 16 tuổi"));
    expect(textOf(root)).toContain("tiến độ chỉ lưu trên điện thoại này, cho đến khi cha mẹ hoặc người giám hộ xác nhận");
    await click(getButton(root, "Lưu và bắt đầu học"));
    await waitFor(() => expect(headings(root)).toEqual(["Bài học"]));
    expect(stored(LEARNER_KEY)).toMatchObject({
      profile: { tdpId: "to-2", audience: "hoc-sinh", ageBand: "duoi-16", synced: false },
    });
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});

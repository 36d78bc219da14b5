// Phân quyền against a real HTTP server answering as /api/v1/staff and /api/v1/staff/invitations
// do (testing/fake-staff-admin-api.ts): the ward office invites someone and gets a QR code and a
// code to read out, changes a facilitator's TDPs, removes a role after confirming.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { freshDevice } from "../../test/device.ts";
import { cleanup, click, getButton, getInput, headings, queryButton, renderAt, textOf, waitFor } from "../../test/render.tsx";
import { signedInWithConsent } from "../facilitator/testing/fake-staff-api.ts";
import { StaffAdminPage } from "./staff-admin-page.tsx";
import { facilitatorProfile, routeOf, startFakeStaffAdminApi, type FakeStaffAdminApi } from "./testing/fake-staff-admin-api.ts";

vi.mock("zmp-sdk/apis", () => import("../../test/zmp-sdk-stub.ts"));

let api: FakeStaffAdminApi;
let writeText: ReturnType<typeof vi.fn>;
beforeAll(async () => {
  api = await startFakeStaffAdminApi();
});
afterAll(() => api.close());
beforeEach(() => {
  freshDevice();
  api.reset();
  signedInWithConsent();
  writeText = vi.fn(() => Promise.resolve());
  Object.defineProperty(window.navigator, "share", { value: undefined, configurable: true, writable: true });
  Object.defineProperty(window.navigator, "clipboard", { value: { writeText }, configurable: true, writable: true });
  api.members = [
    { userId: 1, role: "admin", tdpIds: [], displayName: "Trần Thị Bình", grantedAt: "2026-11-01T01:00:00.000Z" },
    { userId: 7, role: "facilitator", tdpIds: ["giai-phong", "mau-1"], displayName: null, grantedAt: "2026-11-02T01:00:00.000Z" },
  ];
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

async function openPage() {
  const root = await renderAt("/huong-dan/phan-quyen", [{ path: "/huong-dan/phan-quyen", element: <StaffAdminPage /> }]);
  await waitFor(() => expect(textOf(root)).toContain("Người đang có quyền"));
  return root;
}

function card(root: HTMLElement, heading: string): HTMLElement {
  const found = [...root.querySelectorAll<HTMLElement>("section.staff-card")].find((s) => s.querySelector("h3")?.textContent === heading);
  if (!found) throw new Error(`no card "${heading}"`);
  return found;
}

const lines = (el: Element) => [...el.querySelectorAll("h3, p")].map((p) => p.textContent?.replace(/\s+/g, " ").trim());

describe("Phân quyền", () => {
  it("lists each staff member by name or account number, with their role and TDPs in words", async () => {
    const root = await openPage();
    expect(headings(root)).toEqual(["Phân quyền", "Người đang có quyền", "Trần Thị Bình", "Tài khoản số 7", "Lời mời chưa được nhận"]);
    expect(lines(card(root, "Trần Thị Bình"))).toEqual(["Trần Thị Bình", "Cán bộ phường", "Cả phường"]);
    expect(lines(card(root, "Tài khoản số 7"))).toEqual([
      "Tài khoản số 7",
      "Người hướng dẫn",
      "Tổ dân phố Giải Phóng, Tổ dân phố mẫu 1",
    ]);
    expect(queryButton(card(root, "Trần Thị Bình"), "Đổi tổ dân phố")).toBeNull();
    expect(textOf(root)).toContain("Không có lời mời nào đang chờ.");
  });

  it("creates an invitation and shows its QR code, the code in large letters and how to share it", async () => {
    const root = await openPage();
    await click(getButton(root, "Mời người hướng dẫn"));
    expect(headings(root)).toContain("Mời làm gì?");
    await click(getButton(root, "Tạo lời mời"));
    expect(textOf(root)).toContain("Bạn chọn ít nhất một tổ dân phố.");
    expect(api.calls.filter((c) => routeOf(c) === "POST /api/v1/staff/invitations")).toEqual([]);

    await click(getInput(root, "Tổ dân phố mẫu 2"));
    await click(getButton(root, "Tạo lời mời"));
    await waitFor(() => expect(root.querySelector('[role="img"][aria-label="Mã QR của lời mời"] svg')).not.toBeNull());
    expect(api.calls.find((c) => routeOf(c) === "POST /api/v1/staff/invitations")?.body).toEqual({
      role: "facilitator",
      tdpIds: ["mau-2"],
    });
    expect(headings(root)).toContain("Lời mời đã sẵn sàng");
    expect(root.querySelector(".invitation-code")?.textContent).toBe("K7QM 4XPA 2D");
    expect(textOf(root)).toContain("Mời làm người hướng dẫn của Tổ dân phố mẫu 2.");
    expect(textOf(root)).toContain("Mã dùng được một lần, đến 08:00, Thứ Bảy, 05/12/2026.");

    await click(getButton(root, "Sao chép liên kết"));
    await waitFor(() => expect(textOf(root)).toContain("Đã chép liên kết."));
    expect(writeText).toHaveBeenLastCalledWith("https://zalo.me/s/hocso-test/nhan-vai-tro?ma=K7QM4XPA2D");

    // outside Zalo the share sheet is not there: the invitation's text goes to the clipboard
    await click(getButton(root, "Chia sẻ qua Zalo"));
    await waitFor(() => expect(textOf(root)).toContain("Đã chép lời mời."));
    expect(writeText).toHaveBeenLastCalledWith(
      "Mời bạn làm người hướng dẫn của Tổ dân phố mẫu 2 trên Học Số. Bạn mở liên kết này trong Zalo để nhận vai trò: " +
        "https://zalo.me/s/hocso-test/nhan-vai-tro?ma=K7QM4XPA2D (mã mời: K7QM 4XPA 2D)",
    );

    await click(getButton(root, "Xong, về danh sách"));
    await waitFor(() => expect(textOf(root)).toContain("Mời làm người hướng dẫn của Tổ dân phố mẫu 2"));
    expect(textOf(root)).toContain("Hết hạn lúc 08:00, Thứ Bảy, 05/12/2026");
  });

  it("invites a ward officer without asking for TDPs", async () => {
    const root = await openPage();
    await click(getButton(root, "Mời người hướng dẫn"));
    await click(getInput(root, "Cán bộ phường"));
    expect(textOf(root)).not.toContain("Phụ trách tổ dân phố nào?");
    await click(getButton(root, "Tạo lời mời"));
    await waitFor(() => expect(root.querySelector(".invitation-code")).not.toBeNull());
    expect(api.calls.find((c) => routeOf(c) === "POST /api/v1/staff/invitations")?.body).toEqual({ role: "admin", tdpIds: [] });
    expect(textOf(root)).toContain("Mời làm cán bộ phường.");
  });

  it("cancels an open invitation", async () => {
    api.invitations.push({
      id: 4,
      role: "facilitator",
      tdpIds: ["giai-phong"],
      createdAt: "2026-11-28T01:00:00.000Z",
      expiresAt: "2026-12-05T01:00:00.000Z",
      code: "ABCDEFGHJK",
      state: "open",
    });
    const root = await openPage();
    const invitation = card(root, "Mời làm người hướng dẫn của Tổ dân phố Giải Phóng");
    await click(getButton(invitation, "Hủy lời mời"));
    await waitFor(() => expect(textOf(root)).toContain("Không có lời mời nào đang chờ."));
    expect(textOf(root)).toContain("Đã hủy lời mời.");
    expect(api.calls.map(routeOf)).toContain("DELETE /api/v1/staff/invitations/4");
  });

  it("changes a facilitator's TDPs", async () => {
    const root = await openPage();
    await click(getButton(card(root, "Tài khoản số 7"), "Đổi tổ dân phố"));
    const editing = card(root, "Tài khoản số 7");
    await click(getInput(editing, "Tổ dân phố Giải Phóng"));
    await click(getInput(editing, "Tổ dân phố mẫu 1"));
    await click(getButton(editing, "Lưu"));
    expect(textOf(editing)).toContain("Bạn chọn ít nhất một tổ dân phố.");
    await click(getInput(editing, "Tổ dân phố mẫu 2"));
    await click(getButton(editing, "Lưu"));
    await waitFor(() => expect(textOf(root)).toContain("Đã lưu tổ dân phố của Tài khoản số 7."));
    expect(api.calls.find((c) => routeOf(c) === "PUT /api/v1/staff/7")?.body).toEqual({ role: "facilitator", tdpIds: ["mau-2"] });
    await waitFor(() => expect(lines(card(root, "Tài khoản số 7"))).toContain("Tổ dân phố mẫu 2"));
  });

  it("removes a role only after the confirm step, and says why the only ward officer stays", async () => {
    const root = await openPage();
    await click(getButton(card(root, "Tài khoản số 7"), "Bỏ quyền"));
    expect(textOf(card(root, "Tài khoản số 7"))).toContain("Bỏ quyền của Tài khoản số 7?");
    await click(getButton(card(root, "Tài khoản số 7"), "Không bỏ"));
    expect(api.calls.map(routeOf)).not.toContain("DELETE /api/v1/staff/7");

    await click(getButton(card(root, "Tài khoản số 7"), "Bỏ quyền"));
    await click(getButton(card(root, "Tài khoản số 7"), "Đồng ý bỏ quyền"));
    await waitFor(() => expect(headings(root)).not.toContain("Tài khoản số 7"));
    expect(textOf(root)).toContain("Đã bỏ quyền của Tài khoản số 7.");

    await click(getButton(card(root, "Trần Thị Bình"), "Bỏ quyền"));
    await click(getButton(card(root, "Trần Thị Bình"), "Đồng ý bỏ quyền"));
    await waitFor(() => expect(textOf(card(root, "Trần Thị Bình"))).toContain("Đây là cán bộ phường duy nhất."));
  });

  it("tells a facilitator that only the ward office grants roles, without asking the server", async () => {
    api.me = facilitatorProfile();
    const root = await renderAt("/huong-dan/phan-quyen", [{ path: "/huong-dan/phan-quyen", element: <StaffAdminPage /> }]);
    await waitFor(() => expect(textOf(root)).toContain("Chỉ cán bộ phường mới phân quyền được."));
    expect(api.calls.map(routeOf)).toEqual(["GET /api/v1/staff/me"]);
  });
});

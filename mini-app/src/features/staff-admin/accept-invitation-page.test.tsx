// Nhận vai trò against a real HTTP server answering as /api/v1/staff/invitations/preview and
// /accept do (testing/fake-staff-admin-api.ts): the invited person opens the link, reads what
// they are invited to be, accepts, and the home screen's "Dành cho người hướng dẫn" appears.
import { act } from "react";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { learnerStore } from "../../app/learner-store.ts";
import { freshDevice } from "../../test/device.ts";
import { cleanup, click, getButton, headings, queryButton, renderAt, textOf, waitFor } from "../../test/render.tsx";
import { FacilitatorEntry, staffCheck } from "../facilitator/facilitator-entry.tsx";
import { staffStore } from "../facilitator/staff-store.ts";
import { signedInWithConsent } from "../facilitator/testing/fake-staff-api.ts";
import { AcceptInvitationPage } from "./accept-invitation-page.tsx";
import { routeOf, startFakeStaffAdminApi, type FakeStaffAdminApi } from "./testing/fake-staff-admin-api.ts";

vi.mock("zmp-sdk/apis", () => import("../../test/zmp-sdk-stub.ts"));

let api: FakeStaffAdminApi;
beforeAll(async () => {
  api = await startFakeStaffAdminApi();
});
afterAll(() => api.close());
beforeEach(() => {
  freshDevice();
  api.reset();
  signedInWithConsent();
  staffCheck.done = true;
  api.me = null; // a learner until they accept
  api.invitations.push({
    id: 3,
    role: "facilitator",
    tdpIds: ["giai-phong"],
    createdAt: "2026-11-28T01:00:00.000Z",
    expiresAt: "2026-12-05T01:00:00.000Z",
    code: "K7QM4XPA2D",
    state: "open",
  });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function open(path: string) {
  return renderAt(path, [
    { path: "/nhan-vai-tro", element: <AcceptInvitationPage /> },
    { path: "/", element: <FacilitatorEntry /> },
    { path: "/huong-dan", element: <h1>Việc của người hướng dẫn</h1> },
    { path: "/du-lieu-cua-toi", element: <h1>Dữ liệu của tôi</h1> },
  ]);
}

describe("Nhận vai trò", () => {
  it("shows what the link offers, takes the role, and the home screen's staff button appears", async () => {
    const root = await open("/nhan-vai-tro?ma=K7QM4XPA2D");
    await waitFor(() => expect(textOf(root)).toContain("Bạn được mời làm người hướng dẫn của Tổ dân phố Giải Phóng."));
    expect(headings(root)).toEqual(["Nhận vai trò"]);
    expect(textOf(root)).toContain("Lời mời dùng được đến 08:00, Thứ Bảy, 05/12/2026.");
    expect(staffStore.get()).toBeNull();

    await click(getButton(root, "Nhận vai trò"));
    await waitFor(() => expect(textOf(root)).toContain("Xong. Bạn đã là người hướng dẫn của Tổ dân phố Giải Phóng."));
    expect(root.querySelector('[role="status"]')?.textContent).toContain("Bạn đã là người hướng dẫn");
    expect(api.calls.find((c) => routeOf(c) === "POST /api/v1/staff/invitations/accept")?.body).toEqual({ code: "K7QM4XPA2D" });
    expect(staffStore.get()?.role).toBe("facilitator");

    await click(getButton(root, "Trở về trang trước"));
    await waitFor(() => getButton(root, "Dành cho người hướng dẫn"));
  });

  it("opens the staff hub after accepting", async () => {
    const root = await open("/nhan-vai-tro?ma=k7qm-4xpa-2d");
    await waitFor(() => getButton(root, "Nhận vai trò"));
    await click(getButton(root, "Nhận vai trò"));
    await waitFor(() => getButton(root, "Mở trang người hướng dẫn"));
    await click(getButton(root, "Mở trang người hướng dẫn"));
    await waitFor(() => expect(headings(root)).toEqual(["Việc của người hướng dẫn"]));
  });

  it("without a code in the link, asks for it in a labelled field and checks its shape first", async () => {
    const root = await open("/nhan-vai-tro");
    const field = root.querySelector<HTMLInputElement>("#invitation-code")!;
    expect(root.querySelector('label[for="invitation-code"]')?.textContent).toBe("Mã mời");
    await type(field, "K7QM");
    await click(getButton(root, "Xem lời mời"));
    expect(textOf(root)).toContain("Mã mời gồm 10 chữ cái và chữ số.");
    expect(field.getAttribute("aria-invalid")).toBe("true");
    expect(api.calls.map(routeOf)).not.toContain("GET /api/v1/staff/invitations/preview");

    await type(root.querySelector<HTMLInputElement>("#invitation-code")!, "k7qm 4xpa 2d");
    await click(getButton(root, "Xem lời mời"));
    await waitFor(() => expect(textOf(root)).toContain("Bạn được mời làm người hướng dẫn của Tổ dân phố Giải Phóng."));
    expect(api.calls.find((c) => routeOf(c) === "GET /api/v1/staff/invitations/preview")?.path).toBe(
      "/api/v1/staff/invitations/preview?code=K7QM4XPA2D",
    );
  });

  it("says plainly when a code was used already, and lets the person type another", async () => {
    api.invitations[0]!.state = "used";
    const root = await open("/nhan-vai-tro?ma=K7QM4XPA2D");
    await waitFor(() => expect(textOf(root)).toContain("Lời mời này đã được dùng. Mỗi mã chỉ dùng được một lần."));
    expect(queryButton(root, "Nhận vai trò")).toBeNull();
    await click(getButton(root, "Gõ mã khác"));
    expect(root.querySelector("#invitation-code")).not.toBeNull();
  });

  it("says an expired invitation needs a new one", async () => {
    api.invitations[0]!.state = "expired";
    const root = await open("/nhan-vai-tro?ma=K7QM4XPA2D");
    await waitFor(() => expect(textOf(root)).toContain("Lời mời này đã hết hạn. Bạn xin cán bộ phường một lời mời mới."));
  });

  it("without the progress consent, explains that a server account is needed and asks nothing of the server", async () => {
    learnerStore.set((learner) => ({ ...learner, consents: { ...learner.consents!, progress: false } }));
    const root = await open("/nhan-vai-tro?ma=K7QM4XPA2D");
    expect(textOf(root)).toContain("cần đồng ý lưu tiến độ học");
    await click(getButton(root, "Mở Dữ liệu của tôi"));
    await waitFor(() => expect(headings(root)).toEqual(["Dữ liệu của tôi"]));
    expect(api.calls).toEqual([]);
  });
});

/** Types into a controlled field as a person would: React hears an input event. */
async function type(field: HTMLInputElement, value: string): Promise<void> {
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set;
  await act(async () => {
    setValue?.call(field, value);
    field.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

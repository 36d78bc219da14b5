// Báo cáo gửi, the list of announcements and the home entry, against a real HTTP server
// answering as /api/v1/announcements and /api/v1/staff/me do (testing/fake-staff-api.ts).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Announcement } from "@hocso/shared/announcements";
import { freshDevice } from "../../test/device.ts";
import { cleanup, click, getButton, headings, queryButton, renderAt, textOf, waitFor } from "../../test/render.tsx";
import { AnnouncementsPage } from "./announcements-page.tsx";
import { FacilitatorEntry, staffCheck } from "./facilitator-entry.tsx";
import { ReportPage } from "./report-page.tsx";
import { staffStore } from "./staff-store.ts";
import {
  giaiPhong,
  nhomThuong,
  routeOf,
  signedInWithConsent,
  startFakeStaffApi,
  type FakeStaffApi,
} from "./testing/fake-staff-api.ts";

vi.mock("zmp-sdk/apis", () => import("../../test/zmp-sdk-stub.ts"));

let api: FakeStaffApi;
beforeAll(async () => {
  api = await startFakeStaffApi();
});
afterAll(() => api.close());
beforeEach(() => {
  freshDevice();
  api.reset();
  signedInWithConsent();
  staffCheck.done = false;
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** An announcement as the server stores it: one OA group waiting, one ordinary group. */
async function announce(fields: Partial<Announcement> = {}): Promise<Announcement> {
  const res = await fetch(`${api.origin}/api/v1/announcements`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ text: "Họp tổ tối thứ Bảy, 19:00.", tdpIds: [giaiPhong.id, nhomThuong.id] }),
  });
  const a = (await res.json()) as Announcement;
  Object.assign(api.announcements.get(a.id)!, fields);
  api.calls = [];
  return api.announcements.get(a.id)!;
}

function deliver(a: Announcement, tdpId: string, change: Partial<Announcement["deliveries"][number]>): void {
  Object.assign(a.deliveries.find((d) => d.tdpId === tdpId)!, change);
}

async function openReport(id: number, refreshMs = 5_000) {
  const root = await renderAt(`/huong-dan/thong-bao/${id}`, [
    { path: "/huong-dan/thong-bao/:id", element: <ReportPage refreshMs={refreshMs} /> },
    { path: "/huong-dan/thong-bao", element: <h1>Danh sách thông báo</h1> },
  ]);
  await waitFor(() => expect(textOf(root)).not.toContain("Đang tải"));
  return root;
}

const reads = () => api.calls.filter((c) => routeOf(c).startsWith("GET /api/v1/announcements/")).length;

describe("Báo cáo gửi", () => {
  it("shows each group's status in words: sent with its time, failed with the reason", async () => {
    const a = await announce();
    deliver(a, giaiPhong.id, { status: "failed", reason: "Zalo OA không còn trong nhóm này." });
    deliver(a, nhomThuong.id, { status: "sent", sentAt: "2026-11-28T12:02:00.000Z", messageText: null });
    const root = await openReport(a.id);
    expect(headings(root)).toEqual(["Kết quả gửi thông báo", "Nội dung", giaiPhong.name, nhomThuong.name]);
    const text = textOf(root);
    expect(text).toContain("Đã gửi 1/2 nhóm · Không gửi được 1");
    const card = (name: string) => [...root.querySelectorAll("article")].find((a) => a.textContent?.startsWith(name));
    expect([...card(giaiPhong.name)!.querySelectorAll("p")].map((p) => p.textContent?.trim())).toEqual([
      "Không gửi được",
      "Lý do: Zalo OA không còn trong nhóm này.",
    ]);
    expect([...card(nhomThuong.name)!.querySelectorAll("p")].map((p) => p.textContent?.trim())).toEqual([
      "Đã gửi",
      "Lúc 19:02, Thứ Bảy, 28/11/2026",
    ]);
    expect(text).not.toContain("tự cập nhật");
    expect(queryButton(root, "Hủy thông báo")).toBeNull(); // nothing left to cancel
  });

  it("asks again every few seconds while a group is waiting, and stops once none is", async () => {
    const a = await announce();
    deliver(a, nhomThuong.id, { status: "sent", sentAt: new Date().toISOString(), messageText: null });
    api.onRead = (x, n) => {
      if (n >= 3) deliver(x, giaiPhong.id, { status: "sent", sentAt: new Date().toISOString() });
    };
    const root = await openReport(a.id, 40);
    expect(textOf(root)).toContain("Đang chờ gửi");
    expect(textOf(root)).toContain("Trang này tự cập nhật vài giây một lần");
    await waitFor(() => expect(textOf(root)).toContain("Đã gửi 2/2 nhóm"));
    const settled = reads();
    expect(settled).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(reads()).toBe(settled);
    expect(textOf(root)).not.toContain("tự cập nhật");
  });

  it("shares an ordinary group's message by copying it outside Zalo, then records Tôi đã chia sẻ", async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(window.navigator, "share", { value: undefined, configurable: true });
    Object.defineProperty(window.navigator, "clipboard", { value: { writeText }, configurable: true });
    const a = await announce();
    const root = await openReport(a.id);
    expect(textOf(root)).toContain("Cần chia sẻ thủ công");
    const share = getButton(root, "Chia sẻ vào nhóm");
    expect(share.getAttribute("aria-describedby")).toBeTruthy(); // which group: its heading
    await click(share);
    await waitFor(() => expect(textOf(root)).toContain("Đã chép nội dung thông báo."));
    expect(writeText).toHaveBeenCalledWith(a.deliveries[1]!.messageText);
    expect(a.deliveries[1]!.messageText).toContain("📢 Thông báo — Tổ dân phố Nhóm Thường");

    await click(getButton(root, "Tôi đã chia sẻ"));
    await waitFor(() => expect(queryButton(root, "Tôi đã chia sẻ")).toBeNull());
    expect(api.calls.map(routeOf)).toContain(`POST /api/v1/announcements/${a.id}/deliveries/${nhomThuong.id}/shared`);
    expect(textOf(root)).toContain("Đã gửi 1/2 nhóm");
  });

  it("shows the text to copy by hand when even the clipboard refuses", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    Object.defineProperty(window.navigator, "share", { value: undefined, configurable: true });
    Object.defineProperty(window.navigator, "clipboard", {
      value: { writeText: () => Promise.reject(new Error("denied")) },
      configurable: true,
    });
    const a = await announce();
    const root = await openReport(a.id);
    await click(getButton(root, "Chia sẻ vào nhóm"));
    await waitFor(() => expect(textOf(root)).toContain("Chưa chép được."));
    expect(root.querySelector<HTMLTextAreaElement>("textarea[readonly]")?.value).toBe(a.deliveries[1]!.messageText);
  });

  it("cancels what has not gone after one confirmation", async () => {
    const a = await announce();
    const root = await openReport(a.id);
    await click(getButton(root, "Hủy thông báo"));
    expect(textOf(root)).toContain("Hủy thông báo này? Những nhóm chưa nhận sẽ không nhận nữa.");
    await click(getButton(root, "Hủy thông báo này"));
    await waitFor(() => expect(textOf(root)).toContain("Thông báo đã được hủy lúc"));
    expect(textOf(root)).toContain("Đã hủy 2");
    expect(textOf(root)).toContain("Lý do: Người hướng dẫn đã hủy thông báo này trước khi gửi.");
    expect(queryButton(root, "Hủy thông báo")).toBeNull();
  });

  it("says plainly when the report cannot load, and tries again on request", async () => {
    const root = await openReport(99);
    expect(textOf(root)).toContain("Không tải được. Không tìm thấy thông tin cần dùng.");
    const a = await announce();
    expect(a.id).toBe(1);
    cleanup();
    const again = await openReport(1);
    expect(textOf(again)).toContain("Đang chờ gửi");
  });
});

describe("Gửi thông báo (the list)", () => {
  it("lists announcements newest first with their summary, and opens a report", async () => {
    await announce();
    const second = await announce({ urgent: true, text: "Bão vào, nghỉ học tối nay." });
    deliver(second, giaiPhong.id, { status: "sent", sentAt: new Date().toISOString() });
    const root = await renderAt("/huong-dan/thong-bao", [
      { path: "/huong-dan/thong-bao", element: <AnnouncementsPage /> },
      { path: "/huong-dan/thong-bao/:id", element: <h1>Báo cáo</h1> },
      { path: "/huong-dan/thong-bao/moi", element: <h1>Soạn</h1> },
    ]);
    await waitFor(() => expect(textOf(root)).toContain("Bão vào"));
    expect(textOf(root)).toContain("Bạn phụ trách 2 tổ dân phố.");
    const tiles = [...root.querySelectorAll(".announcement-tile")].map((t) => t.textContent ?? "");
    expect(tiles).toHaveLength(2);
    expect(tiles[0]).toMatch(/^Bão vào, nghỉ học tối nay\.\. Khẩn Gửi lúc .+\. Đã gửi 1\/2 nhóm · Cần chia sẻ thủ công 1›$/);
    expect(tiles[1]).toContain("Đang chờ 1");
    await click(root.querySelector<HTMLButtonElement>(".announcement-tile")!);
    await waitFor(() => expect(window.location.pathname).toBe(`/huong-dan/thong-bao/${second.id}`));

    cleanup();
    const list = await renderAt("/huong-dan/thong-bao", [
      { path: "/huong-dan/thong-bao", element: <AnnouncementsPage /> },
      { path: "/huong-dan/thong-bao/moi", element: <h1>Soạn</h1> },
    ]);
    await waitFor(() => getButton(list, "Viết thông báo mới"));
    await click(getButton(list, "Viết thông báo mới"));
    await waitFor(() => expect(headings(list)).toEqual(["Soạn"]));
  });
});

describe("Dành cho người hướng dẫn on the home screen", () => {
  async function home() {
    return renderAt("/", [
      { path: "/", element: <FacilitatorEntry /> },
      { path: "/huong-dan", element: <h1>Việc của người hướng dẫn</h1> },
    ]);
  }

  it("appears once the server says the account is staff, and leads to the staff home", async () => {
    const root = await home();
    await waitFor(() => getButton(root, "Dành cho người hướng dẫn"));
    expect(staffStore.get()?.role).toBe("facilitator");
    await click(getButton(root, "Dành cho người hướng dẫn"));
    await waitFor(() => expect(headings(root)).toEqual(["Việc của người hướng dẫn"]));
  });

  it("stays hidden for a learner, and asks the server once per opening of the app", async () => {
    api.staff = null;
    const root = await home();
    await waitFor(() => expect(staffStore.get()?.role).toBeNull());
    expect(queryButton(root, "Dành cho người hướng dẫn")).toBeNull();
    cleanup();
    await home();
    expect(api.calls.filter((c) => routeOf(c) === "GET /api/v1/staff/me")).toHaveLength(1);
  });

  it("shows at once from what the phone remembers", async () => {
    staffStore.set({ role: "admin", checkedAt: new Date().toISOString() });
    staffCheck.done = true;
    const root = await home();
    getButton(root, "Dành cho người hướng dẫn");
    expect(api.calls).toEqual([]);
  });
});

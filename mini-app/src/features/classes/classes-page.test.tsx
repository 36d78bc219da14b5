// Lớp học của tổ against a real HTTP server answering as GET /api/v1/classes and the RSVP
// route do (test/api-server.ts).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { ClassOccurrenceView } from "@hocso/shared/api";
import { learnerStore } from "../../app/learner-store.ts";
import { recordConsents } from "../../app/sync.ts";
import { route, startFakeApi, type FakeApi } from "../../test/api-server.ts";
import { freshDevice } from "../../test/device.ts";
import { cleanup, click, getButton, headings, nameOf, queryButton, renderAt, textOf, waitFor } from "../../test/render.tsx";
import { ClassesPage } from "./classes-page.tsx";
import { RemindersPage } from "./reminders-page.tsx";

vi.mock("zmp-sdk/apis", () => import("../../test/zmp-sdk-stub.ts"));

let api: FakeApi;
beforeAll(async () => {
  api = await startFakeApi();
});
afterAll(() => api.close());
beforeEach(() => {
  freshDevice();
  api.reset();
});
afterEach(cleanup);

const saturday: ClassOccurrenceView = {
  classId: "lop-to-1",
  tdpId: "to-1",
  date: "2026-11-28",
  startsAt: "2026-11-28T12:00:00.000Z",
  endsAt: "2026-11-28T13:30:00.000Z",
  place: "Nhà văn hóa Tổ dân phố 1",
  topic: "Nhận ra cuộc gọi lừa đảo",
  bring: "điện thoại đã sạc pin",
  lessonIds: ["cuoc-goi-la"],
  going: null,
};

function liveInTdp1(): void {
  learnerStore.set((l) => ({
    ...l,
    onboarded: true,
    profile: { tdpId: "to-1", audience: "nguoi-dan", ageBand: "60-tro-len", synced: false },
  }));
}

async function open() {
  const root = await renderAt("/lop-hoc", [
    { path: "/lop-hoc", element: <ClassesPage /> },
    { path: "/lop-hoc/nhac-lich", element: <RemindersPage /> },
    { path: "/thong-tin", element: <h1>Thông tin của bác</h1> },
    { path: "/bai/:lessonId", element: <h1>Trình phát bài học</h1> },
  ]);
  await waitFor(() => expect(textOf(root)).not.toContain("Đang tải"));
  return root;
}

describe("Lớp học của tổ", () => {
  it("asks to choose a TDP first", async () => {
    const root = await open();
    expect(textOf(root)).toContain("Bác chưa chọn tổ dân phố");
    await click(getButton(root, "Chọn tổ dân phố"));
    await waitFor(() => expect(headings(root)).toEqual(["Thông tin của bác"]));
  });

  it("lists the TDP's next meetings in the ward's words, without signing in", async () => {
    liveInTdp1();
    api.classes = [saturday];
    const root = await open();
    expect(headings(root)).toEqual(["Lớp học của tổ", "Thứ Bảy, 28/11/2026", "Nhận nhắc lịch qua Zalo"]);
    const text = textOf(root);
    expect(text).toContain("Các buổi học sắp tới của Tổ dân phố 1.");
    expect(text).toContain("19:00–20:30");
    expect(text).toContain("Địa điểm: Nhà văn hóa Tổ dân phố 1");
    expect(text).toContain("Chủ đề: Nhận ra cuộc gọi lừa đảo");
    expect(text).toContain("Mang theo: điện thoại đã sạc pin");
    expect(api.calls.map((c) => [c.path, c.auth])).toEqual([["/api/v1/classes?tdpId=to-1&days=28", undefined]]);

    await click(getButton(root, "Bài học: Nhận ra cuộc gọi lạ"));
    await waitFor(() => expect(headings(root)).toEqual(["Trình phát bài học"]));
  });

  it("explains the consent before Tôi sẽ tham gia, then records the answer and lets it be taken back", async () => {
    liveInTdp1();
    api.classes = [saturday];
    const root = await open();
    const going = getButton(root, "Tôi sẽ tham gia");
    expect(going.getAttribute("aria-describedby")).toBeTruthy(); // which meeting: its date
    await click(going);
    expect(textOf(root)).toContain("Để báo tham gia, Học Số cần lưu mã tài khoản Zalo");
    expect(api.calls.map(route)).not.toContain("PUT /api/v1/classes/lop-to-1/occurrences/2026-11-28/rsvp");

    await click(getButton(root, "Đồng ý và báo tham gia"));
    await waitFor(() => expect(textOf(root)).toContain("Bác đã báo sẽ tham gia"));
    expect(api.rsvps.get("lop-to-1/2026-11-28")).toBe(true);
    expect(learnerStore.get().consents).toMatchObject({ progress: true, synced: true });

    await click(getButton(root, "Không đi được nữa"));
    await waitFor(() => expect(queryButton(root, "Tôi sẽ tham gia")).not.toBeNull());
    expect(api.rsvps.get("lop-to-1/2026-11-28")).toBe(false);
    expect(textOf(root)).not.toContain("Bác đã báo sẽ tham gia");
  });

  it("shows the answer the learner gave earlier when signed in", async () => {
    liveInTdp1();
    await recordConsents({ progress: true, reminders: false });
    api.classes = [{ ...saturday, going: true }];
    api.calls = [];
    const root = await open();
    expect(textOf(root)).toContain("Bác đã báo sẽ tham gia");
    expect(api.calls.find((c) => c.path.startsWith("/api/v1/classes"))?.auth).toMatch(/^Bearer /);
  });

  it("shows the last list fetched, with a note, when the phone is offline", async () => {
    liveInTdp1();
    api.classes = [saturday];
    await open();
    cleanup();
    api.offline = true;
    const root = await open();
    expect(textOf(root)).toMatch(/Bác đang không có mạng\. Đây là lịch đã tải lúc \d\d:\d\d, .+, có thể đã thay đổi\./);
    expect(textOf(root)).toContain("Thứ Bảy, 28/11/2026");
  });

  it("says so plainly when offline with no list fetched before", async () => {
    liveInTdp1();
    api.offline = true;
    const root = await open();
    expect(textOf(root)).toContain("Không tải được lịch học. Bác kiểm tra Wi-Fi hoặc 4G rồi thử lại.");
    getButton(root, "Thử lại");
  });
});

describe("Nhận nhắc lịch qua Zalo", () => {
  it("says what, how often and how to stop before offering Zalo's permission, which needs the Zalo app", async () => {
    liveInTdp1();
    const root = await open();
    await click(getButton(root, "Xem cách nhận nhắc lịch"));
    await waitFor(() => expect(headings(root)[0]).toBe("Nhận nhắc lịch qua Zalo"));
    expect(headings(root)).toEqual([
      "Nhận nhắc lịch qua Zalo",
      "Bác sẽ nhận tin gì?",
      "Bao lâu một lần?",
      "Muốn dừng thì làm sao?",
      "Bác muốn nhận nhắc lịch?",
    ]);
    // no OA id configured in tests: no follow button
    expect(queryButton(root, "Quan tâm Zalo OA của phường")).toBeNull();
    const allow = getButton(root, "Cho phép nhận thông báo");
    expect(nameOf(allow)).toBe("Cho phép nhận thông báo");
    await click(allow);
    await waitFor(() => expect(textOf(root)).toContain("Chỉ dùng được trong ứng dụng Zalo"));
  });
});

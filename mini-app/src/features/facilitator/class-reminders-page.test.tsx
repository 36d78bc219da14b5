// Tin nhắc lịch học against a real HTTP server answering as /api/v1/staff/reminders and
// /api/v1/staff/reminders/:id/shared do (testing/fake-staff-api.ts).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { emptyCounts } from "@hocso/shared/delivery-status";
import type { StaffMeeting, StaffReminder } from "@hocso/shared/staff-reminders";
import { freshDevice } from "../../test/device.ts";
import { cleanup, click, getButton, headings, queryButton, renderAt, textOf, waitFor } from "../../test/render.tsx";
import { AnnouncementsPage } from "./announcements-page.tsx";
import { ClassRemindersPage } from "./class-reminders-page.tsx";
import { giaiPhong, nhomThuong, routeOf, signedInWithConsent, startFakeStaffApi, type FakeStaffApi } from "./testing/fake-staff-api.ts";

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
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const SHARE_TEXT = "📚 Nhắc lịch học kỹ năng số — Tổ dân phố Nhóm Thường\nTối mai, Thứ Bảy, 05/12/2026\n🕖 19:00–20:30";

function meeting(tdp: { id: string; name: string }, date: string, fields: Partial<StaffMeeting> = {}): StaffMeeting {
  return {
    classId: `${tdp.id}-toi-thu-bay`,
    tdpId: tdp.id,
    tdpName: tdp.name,
    date,
    startTime: "19:00",
    endTime: "20:30",
    place: "Nhà văn hóa",
    topic: "An toàn khi thanh toán bằng mã QR",
    state: "meets",
    nextReminderAt: null,
    personal: emptyCounts(),
    ...fields,
  };
}

let nextId = 1;
function reminder(m: StaffMeeting, fields: Partial<StaffReminder>): StaffReminder {
  return {
    id: nextId++,
    tdpId: m.tdpId,
    tdpName: m.tdpName,
    classId: m.classId,
    date: m.date,
    kind: "reminder",
    offset: "day-before",
    channel: m.tdpId === nhomThuong.id ? "share" : "sandbox",
    status: "waiting",
    reason: null,
    dueAt: "2026-12-04T12:00:00.000Z",
    nextAttemptAt: null,
    sentAt: null,
    messageText: null,
    ...fields,
  };
}

/** Saturday's two meetings (one group the OA posts in, one shared by hand) and next week's. */
function week(): { gp: StaffMeeting; nt: StaffMeeting; later: StaffMeeting } {
  const later = meeting(giaiPhong, "2026-12-12", { nextReminderAt: "2026-12-11T12:00:00.000Z" });
  const gp = meeting(giaiPhong, "2026-12-05", { personal: { ...emptyCounts(), sent: 2, waiting: 1 } });
  const nt = meeting(nhomThuong, "2026-12-05");
  api.reminders = {
    from: "2026-12-04",
    to: "2026-12-18",
    meetings: [later, gp, nt],
    items: [
      reminder(gp, { status: "sent", sentAt: "2026-12-04T12:00:04.000Z" }),
      reminder(gp, { offset: "same-day", status: "waiting", dueAt: "2026-12-05T10:00:00.000Z", nextAttemptAt: "2026-12-05T10:00:00.000Z" }),
      reminder(nt, { status: "share-by-hand", messageText: SHARE_TEXT }),
    ],
  };
  return { gp, nt, later };
}

async function openPage(refreshMs = 5_000) {
  const root = await renderAt("/huong-dan/nhac-lich", [
    { path: "/huong-dan/nhac-lich", element: <ClassRemindersPage refreshMs={refreshMs} /> },
    { path: "/huong-dan/thong-bao", element: <h1>Gửi thông báo</h1> },
  ]);
  await waitFor(() => expect(textOf(root)).not.toContain("Đang tải"));
  return root;
}

/** The lines of a meeting's card, by the start of its heading. */
function card(root: HTMLElement, heading: string): HTMLElement {
  const found = [...root.querySelectorAll<HTMLElement>("section.meeting-card")].find((s) =>
    s.querySelector("h2")?.textContent?.startsWith(heading),
  );
  if (!found) throw new Error(`no meeting card "${heading}"`);
  return found;
}

const lines = (el: Element) => [...el.querySelectorAll("h3, p")].map((p) => p.textContent?.replace(/\s+/g, " ").trim());
const reads = () => api.calls.filter((c) => routeOf(c) === "GET /api/v1/staff/reminders").length;

describe("Tin nhắc lịch học", () => {
  it("shows each meeting with its date, time and TDP, newest first, and each reminder's status in words", async () => {
    week();
    const root = await openPage();
    expect(headings(root)).toEqual([
      "Tin nhắc lịch học",
      "Thứ Bảy, 12/12/2026, 19:00–20:30. Tổ dân phố Giải Phóng",
      "Thứ Bảy, 05/12/2026, 19:00–20:30. Tổ dân phố Giải Phóng",
      "Tin nhắc tối hôm trước",
      "Tin nhắc trong ngày",
      "Thứ Bảy, 05/12/2026, 19:00–20:30. Tổ dân phố Nhóm Thường",
      "Tin nhắc tối hôm trước",
    ]);
    expect(lines(card(root, "Thứ Bảy, 12/12"))).toEqual([
      "Chưa tới giờ nhắc. Tin nhắc vào nhóm sẽ được gửi lúc 19:00, Thứ Sáu, 11/12/2026.",
    ]);
    expect(lines(card(root, "Thứ Bảy, 05/12/2026, 19:00–20:30. Tổ dân phố Giải Phóng"))).toEqual([
      "Tin nhắc tối hôm trước",
      "Đã gửi lúc 19:00, Thứ Sáu, 04/12/2026",
      "Tin nhắc trong ngày",
      "Đang chờ gửi (dự kiến 17:00, Thứ Bảy, 05/12/2026)",
      "Tin nhắc riêng tới người dân đã đăng ký: đã gửi 2, đang chờ 1.",
    ]);
    const byHand = card(root, "Thứ Bảy, 05/12/2026, 19:00–20:30. Tổ dân phố Nhóm Thường");
    expect(lines(byHand).slice(0, 2)).toEqual(["Tin nhắc tối hôm trước", "Cần chia sẻ thủ công"]);
    expect(textOf(root)).toContain("Có 1 tin cần bạn chia sẻ thủ công vào nhóm Zalo của tổ (ở dưới).");
    expect(textOf(root)).toContain("Trang này tự cập nhật vài giây một lần");
  });

  it("says why a message did not go, and that a meeting is off", async () => {
    const off = meeting(giaiPhong, "2026-12-05", { state: "cancelled" });
    api.reminders.meetings = [off];
    api.reminders.items = [
      reminder(off, { status: "failed", reason: "Zalo OA không còn trong nhóm này (-403)." }),
      reminder(off, { offset: "same-day", status: "cancelled", reason: "Buổi học này được nghỉ" }),
      reminder(off, { kind: "cancellation", offset: null, status: "expired", reason: "Đã quá giờ học: tin nhắc không còn kịp gửi." }),
    ];
    const root = await openPage();
    expect(lines(card(root, "Thứ Bảy, 05/12"))).toEqual([
      "Buổi học này được nghỉ.",
      "Tin nhắc tối hôm trước",
      "Không gửi được — Lý do: Zalo OA không còn trong nhóm này (-403).",
      "Tin nhắc trong ngày",
      "Đã hủy — Lý do: Buổi học này được nghỉ",
      "Thông báo nghỉ học",
      "Đã hết hạn — Đã quá giờ học: tin nhắc không còn kịp gửi.",
    ]);
    expect(textOf(root)).not.toContain("tự cập nhật");
  });

  it("shares a reminder by copying it outside Zalo, then records Tôi đã chia sẻ", async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(window.navigator, "share", { value: undefined, configurable: true });
    Object.defineProperty(window.navigator, "clipboard", { value: { writeText }, configurable: true });
    const { nt } = week();
    const id = api.reminders.items.find((i) => i.tdpId === nt.tdpId)!.id;
    const root = await openPage();
    const share = getButton(root, "Chia sẻ vào nhóm");
    // which reminder: the meeting's heading and the reminder's
    expect(share.getAttribute("aria-describedby")?.split(" ")).toHaveLength(2);
    await click(share);
    await waitFor(() => expect(textOf(root)).toContain("Đã chép nội dung tin."));
    expect(writeText).toHaveBeenCalledWith(SHARE_TEXT);

    await click(getButton(root, "Tôi đã chia sẻ"));
    await waitFor(() => expect(queryButton(root, "Tôi đã chia sẻ")).toBeNull());
    expect(api.calls.map(routeOf)).toContain(`POST /api/v1/staff/reminders/${id}/shared`);
    expect(lines(card(root, "Thứ Bảy, 05/12/2026, 19:00–20:30. Tổ dân phố Nhóm Thường"))[1]).toMatch(/^Đã gửi lúc \d\d:\d\d, /);
  });

  it("shows the text to copy by hand when even the clipboard refuses, and a refusal of Tôi đã chia sẻ", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    Object.defineProperty(window.navigator, "share", { value: undefined, configurable: true });
    Object.defineProperty(window.navigator, "clipboard", {
      value: { writeText: () => Promise.reject(new Error("denied")) },
      configurable: true,
    });
    const { nt } = week();
    const id = api.reminders.items.find((i) => i.tdpId === nt.tdpId)!.id;
    const root = await openPage();
    await click(getButton(root, "Chia sẻ vào nhóm"));
    await waitFor(() => expect(textOf(root)).toContain("Chưa chép được."));
    expect(root.querySelector<HTMLTextAreaElement>("textarea[readonly]")?.value).toBe(SHARE_TEXT);

    api.answerOnce.set(`POST /api/v1/staff/reminders/${id}/shared`, {
      status: 409,
      body: { error: { code: "conflict", message: "expired" } },
    });
    await click(getButton(root, "Tôi đã chia sẻ"));
    await waitFor(() => expect(root.querySelector(".form-error[role=alert]")).not.toBeNull());
    getButton(root, "Tôi đã chia sẻ"); // still there to try again
  });

  it("asks again every few seconds while a reminder is waiting, and stops once none is", async () => {
    week();
    api.onRemindersRead = (r, n) => {
      if (n >= 3) Object.assign(r.items[1]!, { status: "sent", sentAt: "2026-12-05T10:00:02.000Z", nextAttemptAt: null });
    };
    const root = await openPage(40);
    expect(textOf(root)).toContain("Đang chờ gửi");
    await waitFor(() => expect(textOf(root)).toContain("Đã gửi lúc 17:00, Thứ Bảy, 05/12/2026"));
    const settled = reads();
    expect(settled).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(reads()).toBe(settled);
    expect(textOf(root)).not.toContain("tự cập nhật");
  });

  it("says so when there is no meeting, and when the list cannot load, with Thử lại", async () => {
    api.answerOnce.set("GET /api/v1/staff/reminders", { status: 503, body: { error: { code: "unavailable", message: "x" } } });
    const root = await openPage();
    expect(textOf(root)).toContain("Không tải được.");
    await click(getButton(root, "Thử lại"));
    await waitFor(() => expect(textOf(root)).toContain("Không có buổi học nào trong 14 ngày tới."));
  });
});

describe("the way in, from Gửi thông báo", () => {
  it("offers Tin nhắc lịch học beside Viết thông báo mới and opens it", async () => {
    const root = await renderAt("/huong-dan/thong-bao", [
      { path: "/huong-dan/thong-bao", element: <AnnouncementsPage /> },
      { path: "/huong-dan/nhac-lich", element: <h1>Tin nhắc</h1> },
    ]);
    await waitFor(() => getButton(root, "Tin nhắc lịch học"));
    getButton(root, "Viết thông báo mới");
    await click(getButton(root, "Tin nhắc lịch học"));
    await waitFor(() => expect(headings(root)).toEqual(["Tin nhắc"]));
  });
});

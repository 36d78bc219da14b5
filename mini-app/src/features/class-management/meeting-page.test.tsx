// Điểm danh (one meeting) against a real HTTP server answering as the attendance routes do
// (testing/fake-class-api.ts): opening check-in shows the QR and its code, residents checking
// in show up in "Có mặt", names are ticked and unticked, people without the app are counted.
import QRCode from "qrcode";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { WeeklyClass } from "@hocso/shared/classes";
import { addDays, isoWeekday, wardDate } from "@hocso/shared/dates";
import { freshDevice } from "../../test/device.ts";
import { cleanup, click, getButton, getInput, headings, queryButton, renderAt, textOf, waitFor } from "../../test/render.tsx";
import { signedInWithConsent } from "../facilitator/testing/fake-staff-api.ts";
import { QR_OPTIONS } from "./checkin-panel.tsx";
import { MeetingScreen } from "./meeting-page.tsx";
import { emptyMeeting, routeOf, startFakeClassApi, type FakeClassApi } from "./testing/fake-class-api.ts";

vi.mock("zmp-sdk/apis", () => import("../../test/zmp-sdk-stub.ts"));

let api: FakeClassApi;
beforeAll(async () => {
  api = await startFakeClassApi();
});
afterAll(() => api.close());
beforeEach(() => {
  freshDevice();
  api.reset();
  signedInWithConsent();
});
afterEach(() => cleanup());

const today = wardDate(new Date());

function classOn(date: string): WeeklyClass {
  return {
    id: "giai-phong-lop-thu",
    tdpId: "giai-phong",
    weekday: isoWeekday(date),
    startTime: "19:00",
    durationMinutes: 90,
    place: "Nhà văn hóa",
    topic: "An toàn khi thanh toán bằng mã QR",
    lessonIds: [],
    bring: "",
    firstDate: "2026-01-01",
    lastDate: null,
    cancelledDates: [],
  };
}

/** a meeting on `date` whose TDP has two learners sharing their progress */
function meetingOn(date: string) {
  const cls = classOn(date);
  api.classes.set(cls.id, cls);
  api.meetings.set(`${cls.id}|${date}`, {
    ...emptyMeeting(cls, date),
    roster: [
      { userId: 12, displayName: "Bà Lan", present: false },
      { userId: 31, displayName: null, present: false },
    ],
  });
  return cls;
}

async function openMeeting(classId: string, date: string, refreshMs = 40) {
  const root = await renderAt(`/huong-dan/lop-hoc/${classId}/buoi/${date}`, [
    { path: "/huong-dan/lop-hoc/:classId/buoi/:date", element: <MeetingScreen refreshMs={refreshMs} /> },
  ]);
  await waitFor(() => expect(textOf(root)).not.toContain("Đang tải"));
  return root;
}

const status = (root: HTMLElement) => root.querySelector(".present-total[role=status]")?.textContent;

describe("Điểm danh", () => {
  it("opens check-in: a large QR of the Zalo link and the six digits, and counts residents as they check in", async () => {
    const cls = meetingOn(today);
    const root = await openMeeting(cls.id, today);
    expect(headings(root)[0]).toMatch(/^Buổi học (Thứ|Chủ Nhật)/);
    expect(status(root)).toBe("Có mặt: 0 người");

    await click(getButton(root, "Mở điểm danh bằng mã QR"));
    await waitFor(() => expect(root.querySelector(".checkin-qr svg")).not.toBeNull());
    expect(api.calls.map(routeOf)).toContain(`POST /api/v1/classes/${cls.id}/meetings/${today}/checkin`);
    expect(root.querySelector(".checkin-qr")?.getAttribute("aria-label")).toBe("Mã QR điểm danh, mã số 482 913");
    // the QR carries the link that opens the check-in page in Zalo
    const link = api.meetings.get(`${cls.id}|${today}`)!.checkin!.zaloLink;
    expect(link).toBe("https://zalo.me/s/hocso-test/diem-danh?ma=482913");
    const expected = new DOMParser().parseFromString(await QRCode.toString(link, QR_OPTIONS), "image/svg+xml");
    const modules = (svg: ParentNode | null | undefined) => svg?.querySelector("path[stroke]")?.getAttribute("d");
    expect(modules(root.querySelector(".checkin-qr svg"))).toBe(modules(expected));
    expect(modules(expected)).toMatch(/^M/);
    expect(root.querySelector(".checkin-code")?.textContent).toBe("482 913");
    expect(textOf(root)).toContain("Bác quét mã bằng Zalo, hoặc gõ mã 482 913");
    expect(queryButton(root, "Mở điểm danh bằng mã QR")).toBeNull();

    // two residents check in with their phones; the page asks again by itself
    api.onMeetingRead = (m, reads) => {
      if (reads >= 3) m.otherAttendees = 2;
    };
    await waitFor(() => expect(status(root)).toBe("Có mặt: 2 người"));
    expect(textOf(root)).toContain("Số người có mặt tự cập nhật vài giây một lần");
  });

  it("ticks and unticks a name in the TDP's list", async () => {
    const cls = meetingOn(today);
    const root = await openMeeting(cls.id, today);
    expect(textOf(root)).toContain("Người học chưa ghi tên (mã 31)");

    await click(getInput(root, "Bà Lan"));
    await waitFor(() => expect(status(root)).toBe("Có mặt: 1 người"));
    expect(getInput(root, "Bà Lan").checked).toBe(true);
    expect(api.calls.map(routeOf)).toContain(`PUT /api/v1/classes/${cls.id}/meetings/${today}/attendance/12`);

    await click(getInput(root, "Bà Lan"));
    await waitFor(() => expect(status(root)).toBe("Có mặt: 0 người"));
    expect(getInput(root, "Bà Lan").checked).toBe(false);
    expect(api.calls.map(routeOf)).toContain(`DELETE /api/v1/classes/${cls.id}/meetings/${today}/attendance/12`);
  });

  it("counts people without the app with + and −, or a typed number", async () => {
    const cls = meetingOn(today);
    const root = await openMeeting(cls.id, today);
    await click(getButton(root, "Thêm 1 người"));
    await waitFor(() => expect(status(root)).toBe("Có mặt: 1 người"));
    await click(getButton(root, "Thêm 1 người"));
    await waitFor(() => expect(status(root)).toBe("Có mặt: 2 người"));
    await click(getButton(root, "Bớt 1 người"));
    await waitFor(() => expect(status(root)).toBe("Có mặt: 1 người"));
    const puts = api.calls.filter((c) => routeOf(c).endsWith("/guests")).map((c) => c.body);
    expect(puts).toEqual([{ guests: 1 }, { guests: 2 }, { guests: 1 }]);
    const field = root.querySelector<HTMLInputElement>("#guests")!;
    expect(document.querySelector(`label[for="guests"]`)?.textContent).toBe("Người không dùng ứng dụng");
    expect(field.value).toBe("1");
  });

  it("takes attendance of a past meeting by name only, and none of one ahead or cancelled", async () => {
    const past = addDays(today, -7);
    const cls = meetingOn(past);
    let root = await openMeeting(cls.id, past);
    expect(textOf(root)).toContain("Mã QR điểm danh chỉ mở trong ngày học.");
    expect(queryButton(root, "Mở điểm danh bằng mã QR")).toBeNull();
    getInput(root, "Bà Lan");

    const ahead = addDays(today, 7);
    meetingOn(ahead);
    root = await openMeeting(cls.id, ahead);
    expect(textOf(root)).toContain("Buổi học chưa tới. Bạn điểm danh vào ngày học nhé.");
    expect(root.querySelectorAll("input")).toHaveLength(0);

    api.meetings.get(`${cls.id}|${past}`)!.cancelled = true;
    root = await openMeeting(cls.id, past);
    expect(textOf(root)).toContain("Buổi học này được nghỉ.");
  });
});

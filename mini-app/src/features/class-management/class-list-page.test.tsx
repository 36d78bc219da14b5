// Lớp học của tổ against a real HTTP server answering as GET /api/v1/staff/classes and PUT /
// DELETE /api/v1/classes/:classId/cancellations/:date do (testing/fake-class-api.ts).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { WeeklyClass } from "@hocso/shared/classes";
import { addDays, formatWardDate, isoWeekday, wardDate } from "@hocso/shared/dates";
import { freshDevice } from "../../test/device.ts";
import { cleanup, click, getButton, headings, nameOf, queryButton, renderAt, textOf, waitFor } from "../../test/render.tsx";
import { signedInWithConsent } from "../facilitator/testing/fake-staff-api.ts";
import { ClassListPage } from "./class-list-page.tsx";
import { routeOf, startFakeClassApi, type FakeClassApi } from "./testing/fake-class-api.ts";

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

/** tomorrow in the ward: the class meets on its weekday, so its next meeting is still ahead */
const tomorrow = addDays(wardDate(new Date()), 1);

const cls: WeeklyClass = {
  id: "giai-phong-lop-thu",
  tdpId: "giai-phong",
  weekday: isoWeekday(tomorrow),
  startTime: "19:00",
  durationMinutes: 90,
  place: "Nhà văn hóa Tổ dân phố Giải Phóng",
  topic: "An toàn khi thanh toán bằng mã QR",
  lessonIds: [],
  bring: "",
  firstDate: "2026-01-01",
  lastDate: null,
  cancelledDates: [],
};

async function openList() {
  const root = await renderAt("/huong-dan/lop-hoc", [
    { path: "/huong-dan/lop-hoc", element: <ClassListPage /> },
    { path: "/huong-dan/lop-hoc/moi", element: <h1>Form</h1> },
    { path: "/huong-dan/lop-hoc/:classId/buoi/:date", element: <h1>Buổi học</h1> },
  ]);
  await waitFor(() => expect(textOf(root)).not.toContain("Đang tải"));
  return root;
}

/** the row of one meeting date, by the date it reads */
function row(root: HTMLElement, date: string): HTMLElement {
  const label = formatWardDate(date);
  const found = [...root.querySelectorAll<HTMLElement>("li.meeting-date")].find((li) =>
    li.querySelector(".meeting-date-label")?.textContent?.startsWith(label),
  );
  if (!found) throw new Error(`no row for ${label}`);
  return found;
}

function buttonIn(el: HTMLElement, name: string): HTMLButtonElement {
  const found = [...el.querySelectorAll("button")].find((b) => nameOf(b) === name);
  if (!found) throw new Error(`no button "${name}" in ${el.textContent}`);
  return found;
}

describe("Lớp học của tổ", () => {
  it("lists each class with its weekday, time, place, topic and next four dates", async () => {
    api.classes.set(cls.id, { ...cls });
    const root = await openList();
    const weekday = formatWardDate(tomorrow).split(",")[0];
    expect(headings(root)).toEqual(["Lớp học của tổ", `${weekday} hằng tuần, 19:00–20:30`, "Các buổi sắp tới"]);
    expect(textOf(root)).toContain("Địa điểm: Nhà văn hóa Tổ dân phố Giải Phóng");
    expect([...root.querySelectorAll(".meeting-date-label")].map((p) => p.textContent)).toEqual(
      [0, 7, 14, 21].map((d) => formatWardDate(addDays(tomorrow, d))),
    );
    // each row's buttons say which date they are about
    const attend = buttonIn(row(root, tomorrow), "Điểm danh");
    expect(document.getElementById(attend.getAttribute("aria-describedby")!)?.textContent).toBe(formatWardDate(tomorrow));
    await click(attend);
    await waitFor(() => expect(headings(root)).toEqual(["Buổi học"]));
  });

  it("cancels a date after a confirmation saying residents will be told, then restores it", async () => {
    api.classes.set(cls.id, { ...cls });
    const root = await openList();
    const label = formatWardDate(tomorrow);

    await click(buttonIn(row(root, tomorrow), "Hủy buổi này"));
    expect(row(root, tomorrow).textContent).toContain(
      `Hủy buổi học ${label}? Người dân và nhóm Zalo đã nhận tin nhắc lịch sẽ được báo nghỉ học`,
    );
    await click(buttonIn(row(root, tomorrow), "Không, để nguyên"));
    expect(api.calls.filter((c) => c.method === "PUT")).toEqual([]);

    await click(buttonIn(row(root, tomorrow), "Hủy buổi này"));
    await click(buttonIn(row(root, tomorrow), "Đồng ý hủy buổi này"));
    await waitFor(() => expect(row(root, tomorrow).textContent).toContain(`${label} — buổi này nghỉ`));
    expect(api.calls.map(routeOf)).toContain(`PUT /api/v1/classes/${cls.id}/cancellations/${tomorrow}`);
    expect(root.querySelector("[role=status]")?.textContent).toBe(
      `Đã hủy buổi ${label}. Học Số đang báo nghỉ học tới 2 nơi đã nhận tin nhắc.`,
    );
    // a cancelled date has nothing to take attendance of
    expect(queryButtonIn(row(root, tomorrow), "Điểm danh")).toBeNull();

    await click(buttonIn(row(root, tomorrow), "Khôi phục buổi này"));
    expect(row(root, tomorrow).textContent).toContain("người dân sẽ được nhắc lịch như thường lệ");
    await click(buttonIn(row(root, tomorrow), "Đồng ý khôi phục"));
    await waitFor(() => expect(row(root, tomorrow).textContent).not.toContain("nghỉ"));
    expect(api.calls.map(routeOf)).toContain(`DELETE /api/v1/classes/${cls.id}/cancellations/${tomorrow}`);
    expect(root.querySelector("[role=status]")?.textContent).toBe(`Đã khôi phục buổi ${label}.`);
  });

  it("says when a meeting has started and can no longer be cancelled", async () => {
    api.classes.set(cls.id, { ...cls });
    api.answerOnce.set(`PUT /api/v1/classes/${cls.id}/cancellations/${tomorrow}`, {
      status: 400,
      body: { error: { code: "bad_request", message: "started", fields: [{ path: "date", message: "started" }] } },
    });
    const root = await openList();
    await click(buttonIn(row(root, tomorrow), "Hủy buổi này"));
    await click(buttonIn(row(root, tomorrow), "Đồng ý hủy buổi này"));
    await waitFor(() =>
      expect(row(root, tomorrow).querySelector("[role=alert]")?.textContent).toBe("Buổi học này đã bắt đầu, không hủy được nữa."),
    );
  });

  it("offers Tạo lớp học mới, also when there is no class yet", async () => {
    const root = await openList();
    expect(textOf(root)).toContain("Chưa có lớp học nào.");
    await click(getButton(root, "Tạo lớp học mới"));
    await waitFor(() => expect(headings(root)).toEqual(["Form"]));
    expect(queryButton(root, "Tạo lớp học mới")).toBeNull();
  });
});

function queryButtonIn(el: HTMLElement, name: string): HTMLButtonElement | null {
  return [...el.querySelectorAll("button")].find((b) => nameOf(b) === name) ?? null;
}

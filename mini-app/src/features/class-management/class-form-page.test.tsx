// Tạo lớp học mới and Sửa lớp học against a real HTTP server answering as POST, GET and PATCH
// /api/v1/classes do (testing/fake-class-api.ts, checking bodies with the shared schemas).
import { act } from "react";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { WeeklyClass } from "@hocso/shared/classes";
import { freshDevice } from "../../test/device.ts";
import { cleanup, click, getButton, getInput, headings, renderAt, textOf, waitFor } from "../../test/render.tsx";
import { giaiPhong, nhomThuong, signedInWithConsent } from "../facilitator/testing/fake-staff-api.ts";
import { ClassFormPage } from "./class-form-page.tsx";
import { ClassPage } from "./class-page.tsx";
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

const routes = [
  { path: "/huong-dan/lop-hoc/moi", element: <ClassFormPage /> },
  { path: "/huong-dan/lop-hoc/:classId", element: <ClassPage /> },
  { path: "/huong-dan/lop-hoc/:classId/sua", element: <ClassFormPage /> },
];

/** The control a visible <label> names (label for=…), as a screen reader finds it. */
function control<T extends HTMLElement = HTMLInputElement>(root: HTMLElement, label: string): T {
  const found = [...root.querySelectorAll("label")].find((l) => l.textContent?.trim() === label);
  const target = found?.htmlFor ? document.getElementById(found.htmlFor) : null;
  if (!target) throw new Error(`no field labelled "${label}"`);
  return target as T;
}

/** types into a field, or picks in a select or a date/time picker, as the phone does */
async function fill(element: HTMLInputElement | HTMLSelectElement, value: string): Promise<void> {
  const proto = element instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  await act(async () => {
    Object.getOwnPropertyDescriptor(proto, "value")?.set?.call(element, value);
    element.dispatchEvent(new Event(element instanceof HTMLSelectElement ? "change" : "input", { bubbles: true }));
  });
}

/** what the page says about a field: its hint and the server's refusal, by aria-describedby */
function describedBy(element: HTMLElement): string {
  const ids = element.getAttribute("aria-describedby")?.split(" ") ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? "").join(" ");
}

async function openForm(path = "/huong-dan/lop-hoc/moi") {
  const root = await renderAt(path, routes);
  await waitFor(() => expect(textOf(root)).not.toContain("Đang tải"));
  return root;
}

const posts = () => api.calls.filter((c) => routeOf(c) === "POST /api/v1/classes");

describe("Tạo lớp học mới", () => {
  it("labels every field, creates the class from them and opens it", async () => {
    const root = await openForm();
    expect(headings(root)).toEqual(["Tạo lớp học mới"]);
    expect([...root.querySelectorAll("label.field-label")].map((l) => l.textContent)).toEqual([
      "Tổ dân phố",
      "Thứ",
      "Giờ bắt đầu",
      "Thời lượng (phút)",
      "Địa điểm",
      "Chủ đề",
      "Mang theo",
      "Ngày bắt đầu",
      "Ngày kết thúc (không bắt buộc)",
    ]);
    expect(root.querySelector("fieldset legend")?.textContent).toBe("Bài học");

    await fill(control<HTMLSelectElement>(root, "Tổ dân phố"), nhomThuong.id);
    await fill(control<HTMLSelectElement>(root, "Thứ"), "6");
    await fill(control(root, "Giờ bắt đầu"), "19:00");
    await fill(control(root, "Địa điểm"), "Nhà văn hóa tổ Nhóm Thường");
    await fill(control(root, "Chủ đề"), "Nhận biết cuộc gọi mạo danh");
    await click(getInput(root, "Nhận ra cuộc gọi lạ"));
    await fill(control(root, "Mang theo"), "Điện thoại đã sạc pin");
    await fill(control(root, "Ngày bắt đầu"), "2026-12-05");
    await click(getButton(root, "Tạo lớp học"));

    await waitFor(() => expect(headings(root)).toEqual(["Lớp học", "Các buổi sắp tới", "Các buổi gần đây"]));
    expect(posts().map((c) => c.body)).toEqual([
      {
        tdpId: "nhom-thuong",
        weekday: 6,
        startTime: "19:00",
        durationMinutes: 90,
        place: "Nhà văn hóa tổ Nhóm Thường",
        topic: "Nhận biết cuộc gọi mạo danh",
        lessonIds: ["cuoc-goi-la"],
        bring: "Điện thoại đã sạc pin",
        firstDate: "2026-12-05",
        lastDate: null,
      },
    ]);
    const text = textOf(root);
    expect(text).toContain("Thứ Bảy hằng tuần, 19:00–20:30");
    expect(text).toContain("Tổ dân phố Nhóm Thường");
    expect(text).toContain("Nhận ra cuộc gọi lạ");
    expect(text).toContain("Từ Thứ Bảy, 05/12/2026, chưa định ngày kết thúc");
  });

  it("shows in Vietnamese, beside each field, what the server refused, and keeps what was typed", async () => {
    api.staff = { ...api.staff!, tdps: [giaiPhong] };
    const root = await openForm();
    expect(root.querySelectorAll("select")).toHaveLength(1); // one TDP: nothing to choose
    await fill(control(root, "Chủ đề"), "Nộp hồ sơ trực tuyến");
    await fill(control(root, "Thời lượng (phút)"), "10");
    await fill(control(root, "Ngày kết thúc (không bắt buộc)"), "2026-01-01");
    await click(getButton(root, "Tạo lớp học"));

    await waitFor(() => expect(textOf(root)).toContain("Bạn xem lại các ô có ghi chú màu đỏ bên dưới."));
    const refused = (label: string) => control(root, label).getAttribute("aria-invalid");
    expect(["Thứ", "Giờ bắt đầu", "Thời lượng (phút)", "Địa điểm", "Chủ đề", "Ngày kết thúc (không bắt buộc)"].map(refused)).toEqual([
      "true",
      "true",
      "true",
      "true",
      "false",
      "true",
    ]);
    expect(describedBy(control(root, "Địa điểm"))).toContain("Bạn ghi địa điểm, tối đa 200 chữ.");
    expect(describedBy(control(root, "Thời lượng (phút)"))).toContain("Thời lượng từ 15 đến 300 phút.");
    expect(describedBy(control(root, "Ngày kết thúc (không bắt buộc)"))).toContain("Ngày kết thúc phải từ ngày bắt đầu trở đi.");
    expect(control(root, "Chủ đề").value).toBe("Nộp hồ sơ trực tuyến");
    expect(api.classes.size).toBe(0);

    // correcting a field takes its note away
    await fill(control(root, "Địa điểm"), "Nhà văn hóa");
    expect(control(root, "Địa điểm").getAttribute("aria-invalid")).toBe("false");
  });

  it("says plainly when the TDP already has a class at that weekday and time", async () => {
    api.answerOnce.set("POST /api/v1/classes", { status: 409, body: { error: { code: "conflict", message: "exists" } } });
    const root = await openForm();
    await click(getButton(root, "Tạo lớp học"));
    await waitFor(() => expect(root.querySelector("[role=alert]")?.textContent).toBe(
      "Tổ này đã có lớp học vào thứ và giờ đó. Bạn mở lớp đó trong danh sách để sửa.",
    ));
  });
});

describe("Sửa lớp học", () => {
  const cls: WeeklyClass = {
    id: "giai-phong-thu-bay-1900",
    tdpId: "giai-phong",
    weekday: 6,
    startTime: "19:00",
    durationMinutes: 90,
    place: "Nhà văn hóa",
    topic: "An toàn khi thanh toán bằng mã QR",
    lessonIds: [],
    bring: "",
    firstDate: "2026-09-05",
    lastDate: null,
    cancelledDates: [],
  };

  it("fills the form with the class and sends only what changed", async () => {
    api.classes.set(cls.id, { ...cls });
    const root = await openForm(`/huong-dan/lop-hoc/${cls.id}/sua`);
    expect(headings(root)[0]).toBe("Sửa lớp học");
    expect(control<HTMLSelectElement>(root, "Thứ").value).toBe("6");
    expect(control(root, "Địa điểm").value).toBe("Nhà văn hóa");
    expect(textOf(root)).toContain("người dân đã nhận tin nhắc sẽ được báo thay đổi qua Zalo");

    await click(getButton(root, "Lưu thay đổi"));
    expect(textOf(root)).toContain("Bạn chưa thay đổi gì.");

    await fill(control(root, "Địa điểm"), "Hội trường tổ Giải Phóng");
    await click(getButton(root, "Lưu thay đổi"));
    await waitFor(() => expect(textOf(root)).toContain("Hội trường tổ Giải Phóng"));
    expect(headings(root)[0]).toBe("Lớp học");
    expect(api.calls.filter((c) => c.method === "PATCH").map((c) => c.body)).toEqual([{ place: "Hội trường tổ Giải Phóng" }]);
  });
});

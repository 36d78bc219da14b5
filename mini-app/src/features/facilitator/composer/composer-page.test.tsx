// Viết thông báo against a real HTTP server answering as /api/v1/staff/me and
// /api/v1/announcements do (testing/fake-staff-api.ts).
import { act } from "react";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { renderAnnouncement } from "@hocso/shared/announcements";
import { addDays, formatWardDate, wardDate, wardInstant } from "@hocso/shared/dates";
import { learnerStore } from "../../../app/learner-store.ts";
import { freshDevice } from "../../../test/device.ts";
import { cleanup, click, getButton, getInput, headings, renderAt, textOf, waitFor } from "../../../test/render.tsx";
import {
  facilitatorOf,
  giaiPhong,
  nhomThuong,
  routeOf,
  signedInWithConsent,
  startFakeStaffApi,
  type FakeStaffApi,
} from "../testing/fake-staff-api.ts";
import { ComposerPage } from "./composer-page.tsx";
import { draftStore } from "./draft.ts";

vi.mock("zmp-sdk/apis", () => import("../../../test/zmp-sdk-stub.ts"));

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
afterEach(cleanup);

async function open() {
  const root = await renderAt("/huong-dan/thong-bao/moi", [
    { path: "/huong-dan/thong-bao/moi", element: <ComposerPage /> },
    { path: "/huong-dan/thong-bao/:id", element: <h1>Báo cáo gửi</h1> },
    { path: "/huong-dan/thong-bao", element: <h1>Danh sách thông báo</h1> },
    { path: "/du-lieu-cua-toi", element: <h1>Dữ liệu của tôi</h1> },
  ]);
  await waitFor(() => expect(textOf(root)).not.toContain("Đang tải"));
  return root;
}

function field<T extends HTMLElement>(root: ParentNode, selector: string): T {
  const element = root.querySelector<T>(selector);
  if (!element) throw new Error(`no ${selector}`);
  return element;
}

/** types into a text box or picks in a date/time field, as the phone's keyboard or picker does */
async function typeInto(element: HTMLTextAreaElement | HTMLInputElement, value: string): Promise<void> {
  const proto = element instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  await act(async () => {
    Object.getOwnPropertyDescriptor(proto, "value")?.set?.call(element, value);
    element.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

const textArea = (root: ParentNode) => field<HTMLTextAreaElement>(root, "#announcement-text");
const counter = (root: ParentNode) => field(root, "#announcement-text-count").textContent;

async function write(root: HTMLElement, text: string) {
  await typeInto(textArea(root), text);
}

describe("Viết thông báo: the text", () => {
  it("counts the characters left as Zalo counts them, and refuses a text over the limit", async () => {
    const root = await open();
    expect(headings(root)).toEqual(["Viết nội dung thông báo"]);
    expect(textOf(root)).toContain("Bước 1/5");
    expect(counter(root)).toBe("Còn 1.800 ký tự");
    expect(textArea(root).getAttribute("aria-describedby")).toContain("announcement-text-count");

    await write(root, "Ho\u0323p to\u0302\u0309"); // "Họp tổ" typed decomposed: 6 characters after NFC
    expect(counter(root)).toBe("Còn 1.794 ký tự");

    await write(root, "a".repeat(1805));
    expect(counter(root)).toBe("Dài quá 5 ký tự");
    await click(getButton(root, "Xem trước"));
    expect(textOf(root)).toContain("Thông báo dài quá 5 ký tự. Bạn rút gọn giúp nhé.");
    expect(headings(root)).toEqual(["Viết nội dung thông báo"]);
    expect(textArea(root).getAttribute("aria-invalid")).toBe("true");
  });

  it("refuses to preview an empty announcement", async () => {
    const root = await open();
    await write(root, "   \n ");
    await click(getButton(root, "Xem trước"));
    expect(textOf(root)).toContain("Bạn chưa viết nội dung thông báo.");
    expect(headings(root)).toEqual(["Viết nội dung thông báo"]);
  });

  it("previews exactly what the group receives: the shared rendering, header and Khẩn included", async () => {
    const root = await open();
    const text = "  Bão số 5 vào đêm nay.\n\n\n\nNghỉ học tối nay, [@mọi người] ở nhà an toàn.  ";
    await write(root, text);
    await click(getInput(root, "Khẩn: gửi cả trong giờ yên lặng"));
    await click(getButton(root, "Xem trước"));
    await waitFor(() => expect(headings(root)).toEqual(["Xem trước"]));
    const bubble = field(root, ".zalo-bubble").textContent;
    expect(bubble).toBe(renderAnnouncement({ text, groupName: giaiPhong.name, urgent: true }));
    expect(bubble).toContain("📢 Thông báo khẩn — Tổ dân phố Giải Phóng");
    expect(field(root, "figure").getAttribute("aria-labelledby")).toBeTruthy();
    expect(textOf(root)).toContain("Mỗi nhóm thấy tên tổ của mình ở dòng đầu.");

    await click(getButton(root, "Sửa nội dung"));
    await waitFor(() => expect(headings(root)).toEqual(["Viết nội dung thông báo"]));
    expect(textArea(root).value).toBe(text);
  });
});

async function toGroups(root: HTMLElement, text = "Họp tổ tối thứ Bảy, 19:00 ở nhà văn hóa.") {
  await write(root, text);
  await click(getButton(root, "Xem trước"));
  await click(getButton(root, "Chọn nhóm nhận"));
  await waitFor(() => expect(headings(root)).toEqual(["Gửi đến nhóm nào?"]));
}

describe("Viết thông báo: groups, time and sending", () => {
  it("labels an ordinary group as shared by hand, needs a group, and sends what was chosen", async () => {
    const root = await open();
    await toGroups(root);
    const share = getInput(root, "Tổ dân phố Nhóm Thường. Nhóm thường — bạn sẽ tự chia sẻ");
    getInput(root, "Tổ dân phố Giải Phóng. Học Số tự gửi vào nhóm");
    await click(getButton(root, "Tiếp tục"));
    expect(textOf(root)).toContain("Bạn chọn ít nhất một nhóm.");

    await click(share);
    await click(getInput(root, "Tổ dân phố Giải Phóng. Học Số tự gửi vào nhóm"));
    await click(getButton(root, "Tiếp tục"));
    await waitFor(() => expect(headings(root)).toEqual(["Khi nào gửi?"]));
    expect(getInput(root, "Gửi ngay").checked).toBe(true);
    await click(getButton(root, "Tiếp tục"));

    await waitFor(() => expect(headings(root)).toEqual(["Kiểm tra lại rồi gửi", "Nội dung", "Gửi đến", "Thời gian"]));
    expect(textOf(root)).toContain("Tổ dân phố Giải Phóng");
    expect(textOf(root)).toContain("Tổ dân phố Nhóm Thường (bạn tự chia sẻ)");
    await click(getButton(root, "Gửi thông báo"));
    await waitFor(() => expect(headings(root)).toEqual(["Báo cáo gửi"]));

    const post = api.calls.find((c) => routeOf(c) === "POST /api/v1/announcements");
    expect(post?.auth).toBe("Bearer session-of-the-facilitator");
    expect(post?.body).toEqual({
      text: "Họp tổ tối thứ Bảy, 19:00 ở nhà văn hóa.",
      tdpIds: [giaiPhong.id, nhomThuong.id],
      sendAt: null,
      urgent: false,
    });
    expect(window.location.pathname).toBe("/huong-dan/thong-bao/1");
    expect(draftStore.get().text).toBe(""); // sent: the draft is gone
  });

  it("schedules at a ward time, refuses a time gone by, and says when quiet hours will hold it", async () => {
    api.staff = facilitatorOf([giaiPhong]);
    const root = await open();
    await toGroups(root);
    expect(getInput(root, "Tổ dân phố Giải Phóng. Học Số tự gửi vào nhóm").checked).toBe(true); // the only group
    await click(getButton(root, "Tiếp tục"));
    await click(getInput(root, "Hẹn giờ"));
    const date = field<HTMLInputElement>(root, "#send-date");
    const time = field<HTMLInputElement>(root, "#send-time");
    expect(date.value).not.toBe(""); // suggested: the next full hour
    expect(root.querySelector("label[for='send-time']")?.textContent).toBe("Giờ gửi (giờ Việt Nam)");

    const today = wardDate(new Date());
    await typeInto(date, addDays(today, -1));
    await click(getButton(root, "Tiếp tục"));
    expect(textOf(root)).toContain("Giờ này đã qua. Bạn chọn một giờ sắp tới.");

    const tomorrow = addDays(today, 1);
    await typeInto(date, tomorrow);
    await typeInto(time, "22:15");
    const heldTo = `06:30, ${formatWardDate(addDays(tomorrow, 1))}`;
    expect(textOf(root)).toContain(`Lúc đó là giờ yên lặng (21:00–06:30), để người cao tuổi nghỉ ngơi. Tin sẽ được gửi lúc ${heldTo}.`);
    await click(getButton(root, "Tiếp tục"));
    await waitFor(() => expect(headings(root)[0]).toBe("Kiểm tra lại rồi gửi"));
    expect(textOf(root)).toContain(`Lúc 22:15, ${formatWardDate(tomorrow)}`);
    await click(getButton(root, "Gửi thông báo"));
    await waitFor(() => expect(headings(root)).toEqual(["Báo cáo gửi"]));
    const post = api.calls.find((c) => routeOf(c) === "POST /api/v1/announcements");
    expect(post?.body).toMatchObject({ tdpIds: [giaiPhong.id], sendAt: wardInstant(tomorrow, "22:15").toISOString() });
  });

  it("keeps the draft on the phone when the facilitator leaves and comes back", async () => {
    const first = await open();
    await write(first, "Nhớ mang điện thoại đã sạc pin.");
    cleanup();
    const again = await open();
    expect(textArea(again).value).toBe("Nhớ mang điện thoại đã sạc pin.");
  });

  it("names the fields the server refused, and warns that a lost answer may mean it was sent", async () => {
    const root = await open();
    await toGroups(root);
    await click(getInput(root, "Tổ dân phố Giải Phóng. Học Số tự gửi vào nhóm"));
    await click(getButton(root, "Tiếp tục"));
    await click(getButton(root, "Tiếp tục"));
    api.answerOnce.set("POST /api/v1/announcements", {
      status: 400,
      body: { error: { code: "bad_request", message: "Invalid request: text", fields: [{ path: "text", message: "is empty" }] } },
    });
    await click(getButton(root, "Gửi thông báo"));
    await waitFor(() => expect(textOf(root)).toContain("Máy chủ chưa nhận: nội dung chưa đúng. Bạn xem lại giúp nhé."));
    expect(api.announcements.size).toBe(0);
    expect(draftStore.get().text).not.toBe("");

    api.dropAnswerOnce.add("POST /api/v1/announcements");
    await click(getButton(root, "Gửi thông báo"));
    await waitFor(() => expect(textOf(root)).toContain("Thông báo có thể đã được gửi: bạn xem danh sách thông báo"));
    expect(api.announcements.size).toBe(1); // it was stored; only the answer was lost
    await click(getButton(root, "Xem danh sách thông báo"));
    await waitFor(() => expect(headings(root)).toEqual(["Danh sách thông báo"]));
  });
});

describe("Viết thông báo: who may use it", () => {
  it("tells an account without a staff role so, without showing the composer", async () => {
    api.staff = null;
    const root = await open();
    expect(textOf(root)).toContain("Tài khoản Zalo này chưa được phân quyền người hướng dẫn.");
    expect(root.querySelector("#announcement-text")).toBeNull();
  });

  it("asks nothing of the server without the progress consent", async () => {
    learnerStore.set((l) => ({ ...l, consents: null }));
    const root = await open();
    expect(textOf(root)).toContain("cần đồng ý lưu tiến độ học");
    await click(getButton(root, "Mở Dữ liệu của tôi"));
    await waitFor(() => expect(headings(root)).toEqual(["Dữ liệu của tôi"]));
    expect(api.calls).toEqual([]);
  });
});

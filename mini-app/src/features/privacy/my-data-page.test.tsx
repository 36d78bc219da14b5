// Dữ liệu của tôi against a real HTTP server answering as /api/v1/me, /me/export, /progress
// and DELETE /me do (test/api-server.ts).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { learnerStore } from "../../app/learner-store.ts";
import { appendEvent } from "../../app/outbox.ts";
import { recordQuiz } from "../../app/progress-store.ts";
import { recordConsents } from "../../app/sync.ts";
import { route, startFakeApi, type FakeApi } from "../../test/api-server.ts";
import { lesson } from "../../test/course-fixture.ts";
import { freshDevice } from "../../test/device.ts";
import { cleanup, click, getButton, headings, queryButton, renderAt, textOf, waitFor } from "../../test/render.tsx";
import { buildExport } from "./account-data.ts";
import { MyDataPage } from "./my-data-page.tsx";

vi.mock("zmp-sdk/apis", () => import("../../test/zmp-sdk-stub.ts"));

let api: FakeApi;
beforeAll(async () => {
  api = await startFakeApi();
});
afterAll(() => api.close());
beforeEach(() => {
  freshDevice();
  api.reset();
  learnerStore.set((l) => ({
    ...l,
    onboarded: true,
    profile: { tdpId: "to-1", audience: "nguoi-dan", ageBand: "60-tro-len", synced: false },
  }));
  recordQuiz(lesson.id, 3, 2, 2);
});
afterEach(cleanup);

async function open() {
  const root = await renderAt("/du-lieu-cua-toi", [
    { path: "/du-lieu-cua-toi", element: <MyDataPage /> },
    { path: "/", element: <h1>Màn hình đầu</h1> },
  ]);
  await waitFor(() => expect(textOf(root)).not.toContain("Đang tải dữ liệu trên máy chủ"));
  return root;
}

async function withAccount(): Promise<void> {
  await recordConsents({ progress: true, reminders: false });
  api.progress = [
    {
      lessonId: lesson.id,
      stepIndex: 3,
      completedAt: "2026-11-26T02:00:00.000Z",
      bestCorrect: 2,
      lastCorrect: 2,
      total: 2,
      updatedAt: "2026-11-26T02:00:00.000Z",
    },
  ];
  api.calls = [];
}

const hocsoKeys = () => Object.keys(window.localStorage).filter((k) => k.startsWith("hocso:"));

describe("Dữ liệu của tôi", () => {
  it("shows what the phone holds and, without an account, that the server holds nothing", async () => {
    appendEvent({ type: "step", lessonId: lesson.id, stepIndex: 1 });
    const root = await open();
    expect(headings(root).slice(0, 3)).toEqual(["Dữ liệu của tôi", "Trên điện thoại này", "Trên máy chủ"]);
    const text = textOf(root);
    expect(text).toContain("Tổ dân phố: Tổ dân phố 1");
    expect(text).toContain("Bài đã học: 1");
    expect(text).toContain("Bài đã thuộc: 1");
    expect(text).toContain("Kết quả chờ gửi lên máy chủ: 1");
    expect(text).toContain("Học Số không lưu gì về bác trên máy chủ.");
    expect(api.calls).toEqual([]);
  });

  it("shows what the server holds in plain words, not JSON", async () => {
    await withAccount();
    const root = await open();
    const text = textOf(root);
    expect(api.calls.map(route)).toEqual(["GET /api/v1/me", "GET /api/v1/progress"]);
    expect(text).toContain("Lưu tiến độ học: đã đồng ý ngày Thứ Tư, 25/11/2026");
    expect(text).toContain("Nhắc lịch lớp học qua Zalo: chưa chọn");
    expect(text).toContain("Tự báo đã được xác nhận: Thứ Sáu, 20/11/2026");
    expect(text).toContain("Tài khoản tạo ngày: Thứ Tư, 25/11/2026");
    expect(text).toContain("Nhận ra cuộc gọi lạ: đã học xong, đúng 2/2 câu");
    expect(text).not.toMatch(/[{}"]/);
  });

  it("prepares the export as a file link: the server's export and the phone's data, never the session", async () => {
    await withAccount();
    const root = await open();
    await click(getButton(root, "Tải dữ liệu về"));
    await waitFor(() => expect(root.querySelector("a[download]")).not.toBeNull());
    const link = root.querySelector("a[download]") as HTMLAnchorElement;
    expect(link.getAttribute("download")).toMatch(/^hoc-so-du-lieu-\d{4}-\d{2}-\d{2}\.json$/);
    expect(link.href).toMatch(/^blob:/);
    expect(link.textContent).toBe(`Lưu tệp ${link.getAttribute("download")}`);

    const file = JSON.parse((await buildExport()).json) as { server: unknown; device: Record<string, unknown> };
    expect(file.server).toMatchObject({ me: { tdpId: "to-1" } });
    expect(Object.keys(file.device)).toEqual(expect.arrayContaining(["hocso:learner", "hocso:progress", "hocso:review"]));
    expect(file.device).not.toHaveProperty("hocso:session");
    expect(JSON.stringify(file)).not.toContain("session-");
  });

  it("withdraws the progress consent only after saying that the server's progress will be deleted", async () => {
    await withAccount();
    const root = await open();
    await click(getButton(root, "Rút lại đồng ý lưu tiến độ"));
    const dialog = root.querySelector('[role="alertdialog"]');
    expect(dialog?.textContent).toContain("Học Số sẽ xóa tiến độ học của bác trên máy chủ");
    await click(getButton(root, "Không rút"));
    expect(root.querySelector('[role="alertdialog"]')).toBeNull();
    expect(api.calls.map(route)).not.toContain("PATCH /api/v1/me");

    await click(getButton(root, "Rút lại đồng ý lưu tiến độ"));
    await click(getButton(root, "Rút lại"));
    await waitFor(() => expect(textOf(root)).toContain("Đã rút lại. Tiến độ học của bác trên máy chủ đã được xóa."));
    const patch = api.calls.find((c) => route(c) === "PATCH /api/v1/me");
    expect(patch?.body).toMatchObject({ consents: { progress: false, reminders: false } });
    getButton(root, "Đồng ý lưu tiến độ học");
    getButton(root, "Đồng ý nhận nhắc lịch");
  });

  it("deletes the account and every hocso key after Xóa hết, then starts again", async () => {
    await withAccount();
    const root = await open();
    expect(hocsoKeys().length).toBeGreaterThan(2);
    await click(getButton(root, "Xóa tài khoản và dữ liệu"));
    expect(root.querySelector('[role="alertdialog"]')?.textContent).toContain("không lấy lại được");
    await click(getButton(root, "Xóa hết"));
    await waitFor(() => expect(headings(root)).toEqual(["Màn hình đầu"]));
    expect(api.deleted).toBe(1);
    expect(hocsoKeys()).toEqual([]);
    expect(learnerStore.get()).toMatchObject({ onboarded: false, consents: null, profile: null });
  });

  it("changes nothing when offline and says the network is needed", async () => {
    await withAccount();
    const before = hocsoKeys().map((k) => [k, window.localStorage.getItem(k)]);
    const root = await open();
    api.offline = true;
    await click(getButton(root, "Xóa tài khoản và dữ liệu"));
    await click(getButton(root, "Xóa hết"));
    await waitFor(() => expect(textOf(root)).toContain("Cần có mạng để xóa dữ liệu trên máy chủ."));
    expect(textOf(root)).toContain("Chưa có gì bị xóa.");
    expect(hocsoKeys().map((k) => [k, window.localStorage.getItem(k)])).toEqual(before);
    expect(queryButton(root, "Xóa hết")).toBeNull();
  });

  it("wipes the phone without asking the server when the learner never had an account", async () => {
    const root = await open();
    await click(getButton(root, "Xóa tài khoản và dữ liệu"));
    await click(getButton(root, "Xóa hết"));
    await waitFor(() => expect(headings(root)).toEqual(["Màn hình đầu"]));
    expect(api.calls).toEqual([]);
    expect(hocsoKeys()).toEqual([]);
  });
});

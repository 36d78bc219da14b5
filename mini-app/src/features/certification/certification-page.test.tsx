// "Thi chứng nhận" over real HTTP: a small node:http server answers as our API and the Zalo
// sandbox do (shared/src/api.ts) and records what the app sent, like app/sync.test.tsx.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { act } from "react";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { addDays, wardDate } from "@hocso/shared/dates";
import type { Course } from "../../app/course.tsx";
import { learnerStore, type LearnerState } from "../../app/learner-store.ts";
import { course as fixtureCourse, lesson } from "../../test/course-fixture.ts";
import { freshDevice, stored } from "../../test/device.ts";
import { cleanup, click, getButton, headings, queryButton, renderAt, textOf, waitFor } from "../../test/render.tsx";
import { QuizPage } from "../quiz/quiz-page.tsx";
import { CertificationPage } from "./certification-page.tsx";
import { CERTIFICATION_KEY, certificationStore } from "./certification-store.ts";

vi.mock("zmp-sdk/apis", () => import("../../test/zmp-sdk-stub.ts"));

interface Call {
  method: string;
  path: string;
  auth?: string;
  body: unknown;
}

let server: Server;
let calls: Call[] = [];
let failPatch = false;

function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
    req.on("end", () => resolve(raw ? JSON.parse(raw) : undefined));
  });
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const path = req.url ?? "";
    const body = await readBody(req);
    calls.push({ method: req.method ?? "", path, auth: req.headers.authorization, body });
    const send = (status: number, payload: unknown) => {
      res.writeHead(status, { "Content-Type": "application/json" });
      res.end(JSON.stringify(payload));
    };
    if (req.method === "GET" && path === "/api/v1/config") {
      return send(200, { wardName: "Phường Ba Ngòi", residentialGroups: [], sandbox: { url: `${origin()}/` } });
    }
    if (req.method === "POST" && path === "/sandbox/users") {
      return send(201, { user: { id: "100000000000000001", name: "Người học thử" }, accessToken: "sandbox-a", expiresIn: 3600 });
    }
    if (req.method === "POST" && path === "/api/v1/session") {
      const me = {
        displayName: null,
        tdpId: null,
        audience: null,
        ageBand: null,
        guardianConfirmed: false,
        consents: {},
        certifiedOn: null,
        createdAt: new Date().toISOString(),
      };
      return send(200, { token: "session-1", expiresAt: new Date(Date.now() + 3_600_000).toISOString(), me });
    }
    if (req.method === "PATCH" && path === "/api/v1/me") {
      return failPatch ? send(503, { error: { code: "unavailable", message: "down" } }) : send(200, {});
    }
    return send(404, { error: { code: "not_found", message: "no route" } });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(`${origin()}/`);
});

function origin(): string {
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const guide = { ...lesson, id: "chuan-bi-thi-chung-nhan", module: "m5" as const, title: "Chuẩn bị thi chứng nhận" };

/** the fixture course plus the m5 guide lesson */
const course: Course = {
  ...fixtureCourse,
  catalog: {
    version: "test",
    modules: [
      ...fixtureCourse.catalog.modules,
      {
        id: "m5",
        title: "Chuẩn bị thi chứng nhận",
        lessons: [{ id: guide.id, module: "m5", order: 1, title: guide.title, minutes: 4, stepCount: 3, questionCount: 2 }],
      },
    ],
  },
  loadLesson: (id) => Promise.resolve(id === guide.id ? guide : id === lesson.id ? lesson : undefined),
};

function learner(progress: boolean, ageBand: "duoi-16" | "16-59" | "60-tro-len" = "60-tro-len"): void {
  const state: LearnerState = {
    onboarded: true,
    consents: { progress, reminders: false, version: "2026-11-v2", decidedAt: "2026-11-01T00:00:00.000Z", synced: true },
    profile: { tdpId: "to-1", audience: ageBand === "duoi-16" ? "hoc-sinh" : "nguoi-dan", ageBand, synced: true },
    signedInVia: null,
  };
  learnerStore.set(state);
}

async function openPage() {
  const root = await renderAt(
    "/thi-chung-nhan",
    [
      { path: "/thi-chung-nhan", element: <CertificationPage /> },
      { path: "/bai/:lessonId", element: <h1>Trình phát bài học</h1> },
    ],
    course,
  );
  await waitFor(() => expect(headings(root)[0]).toBe("Thi chứng nhận kỹ năng số"));
  return root;
}

function dateInput(root: HTMLElement): HTMLInputElement {
  const input = root.querySelector<HTMLInputElement>("#certified-on");
  if (!input) throw new Error("no date input");
  return input;
}

/** pick a date in the native date input, as the phone's date picker does */
function pickDate(root: HTMLElement, value: string): void {
  const input = dateInput(root);
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set;
  act(() => {
    setValue?.call(input, value);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

async function confirm(root: HTMLElement, value: string): Promise<void> {
  pickDate(root, value);
  await click(getButton(root, "Tôi đã được xác nhận"));
}

const route = (c: Call) => `${c.method} ${c.path}`;
const today = () => wardDate(new Date());

beforeEach(() => {
  freshDevice();
  certificationStore.reload();
  calls = [];
  failPatch = false;
});
afterEach(cleanup);

describe("Thi chứng nhận", () => {
  it("says where the official assessment is, that Học Số's questions are practice, and opens the guide lesson", async () => {
    const root = await openPage();
    const text = textOf(root);
    expect(text).toContain("binhdanhocvuso.gov.vn");
    expect(text).toContain("tài khoản VNeID");
    expect(text).toContain("Câu hỏi trong Học Số chỉ để luyện tập. Làm đúng hết cũng không phải là chứng nhận.");
    expect(headings(root)).toEqual([
      "Thi chứng nhận kỹ năng số",
      "Chuẩn bị trước khi thi",
      "Bác đã được xác nhận chưa?",
    ]);
    await click(getButton(root, "Xem bài: Chuẩn bị thi chứng nhận"));
    await waitFor(() => expect(headings(root)).toEqual(["Trình phát bài học"]));
    expect(window.location.pathname).toBe("/bai/chuan-bi-thi-chung-nhan");
  });

  it("takes a date between the platform's opening and today, and explains any other", async () => {
    const root = await openPage();
    const input = dateInput(root);
    expect(input.type).toBe("date");
    expect(input.min).toBe("2025-03-26");
    expect(input.max).toBe(today());
    expect(root.querySelector('label[for="certified-on"]')?.textContent).toBe("Ngày được xác nhận");

    await click(getButton(root, "Tôi đã được xác nhận"));
    expect(textOf(root)).toContain("Bác chọn ngày được xác nhận giúp nhé.");
    expect(input.getAttribute("aria-invalid")).toBe("true");

    await confirm(root, "2025-03-25");
    expect(textOf(root)).toContain("Ngày này trước khi nền tảng mở (26/03/2025).");

    await confirm(root, addDays(today(), 1));
    expect(textOf(root)).toContain("Ngày này chưa đến.");
    expect(stored(CERTIFICATION_KEY)).toBeNull();
  });

  it("keeps the date on the phone only, without the progress consent, and shows it as the ward writes dates", async () => {
    learner(false);
    const root = await openPage();
    expect(textOf(root)).toContain("Ngày này chỉ lưu trên điện thoại này, vì bác chưa đồng ý lưu tiến độ.");
    await confirm(root, "2025-11-29");

    await waitFor(() => expect(textOf(root)).toContain("Bác được xác nhận ngày Thứ Bảy, 29/11/2025."));
    expect(stored(CERTIFICATION_KEY)).toMatchObject({ certifiedOn: "2025-11-29" });
    expect(queryButton(root, "Tôi đã được xác nhận")).toBeNull();

    await click(getButton(root, "Xóa ngày đã ghi"));
    await waitFor(() => expect(textOf(root)).toContain("Đã xóa ngày đã ghi."));
    expect(stored(CERTIFICATION_KEY)).toMatchObject({ certifiedOn: null });
    getButton(root, "Tôi đã được xác nhận");
    expect(calls).toEqual([]);
  });

  it("sends the date, and its removal, to the server with the progress consent", async () => {
    learner(true);
    const root = await openPage();
    await confirm(root, "2025-11-29");
    await waitFor(() => expect(textOf(root)).toContain("Đã lưu và gửi lên máy chủ."));
    const patches = () => calls.filter((c) => route(c) === "PATCH /api/v1/me");
    expect(patches()).toEqual([
      { method: "PATCH", path: "/api/v1/me", auth: "Bearer session-1", body: { certifiedOn: "2025-11-29" } },
    ]);
    expect(stored(CERTIFICATION_KEY)).toMatchObject({ certifiedOn: "2025-11-29", synced: true });

    await click(getButton(root, "Xóa ngày đã ghi"));
    await waitFor(() => expect(patches()).toHaveLength(2));
    expect(patches()[1]?.body).toEqual({ certifiedOn: null });
  });

  it("keeps a date the server could not take, says so, and sends it when the page opens again", async () => {
    learner(true);
    failPatch = true;
    const root = await openPage();
    await confirm(root, "2025-11-29");
    await waitFor(() => expect(textOf(root)).toContain("lần sau Học Số sẽ gửi lại"));
    expect(stored(CERTIFICATION_KEY)).toMatchObject({ certifiedOn: "2025-11-29", synced: false });

    failPatch = false;
    calls = [];
    cleanup();
    await openPage();
    await waitFor(() => expect(stored(CERTIFICATION_KEY)).toMatchObject({ synced: true }));
    expect(calls.filter((c) => route(c) === "PATCH /api/v1/me").map((c) => c.body)).toEqual([
      { certifiedOn: "2025-11-29" },
    ]);
  });

  it("sends nothing for a learner under 16, even with the progress consent", async () => {
    learner(true, "duoi-16");
    const root = await openPage();
    expect(textOf(root)).toContain("Người học dưới 16 tuổi: ngày này chỉ lưu trên điện thoại này.");
    await confirm(root, "2025-11-29");
    await waitFor(() => expect(textOf(root)).toContain("Bác được xác nhận ngày Thứ Bảy, 29/11/2025."));
    await click(getButton(root, "Xóa ngày đã ghi"));
    await waitFor(() => expect(textOf(root)).toContain("Đã xóa ngày đã ghi."));
    expect(calls).toEqual([]);
  });

  it("is offered at the end of the m5 lesson's quiz", async () => {
    const root = await renderAt(
      `/bai/${guide.id}/cau-hoi`,
      [
        { path: "/bai/:lessonId/cau-hoi", element: <QuizPage /> },
        { path: "/thi-chung-nhan", element: <h1>Trang thi chứng nhận</h1> },
      ],
      course,
    );
    await waitFor(() => expect(textOf(root)).toContain("Câu 1/2"));
    await click(getButton(root, "Sai"));
    await click(getButton(root, "Câu tiếp theo"));
    await click(getButton(root, "Cúp máy, gọi lại số chính thức"));
    await click(getButton(root, "Xem kết quả"));
    await click(getButton(root, "Thi chứng nhận"));
    await waitFor(() => expect(headings(root)).toEqual(["Trang thi chứng nhận"]));
  });
});

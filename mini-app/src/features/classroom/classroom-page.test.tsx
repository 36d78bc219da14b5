// Chế độ lớp học against a real HTTP server answering as /api/v1/staff/me, /api/v1/classes/:id
// and /api/v1/classroom/answers do (testing/fake-classroom-api.ts), with the fixture course's
// lesson "cuoc-goi-la": three steps (Dấu hiệu, Cúp máy, Báo 156), Ghi nhớ, two questions.
import { act } from "react";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { wardDate } from "@hocso/shared/dates";
import { lesson } from "../../test/course-fixture.ts";
import { freshDevice } from "../../test/device.ts";
import { cleanup, click, getButton, getInput, headings, queryButton, renderAt, textOf, waitFor } from "../../test/render.tsx";
import { facilitatorOf, giaiPhong, nhomThuong, signedInWithConsent } from "../facilitator/testing/fake-staff-api.ts";
import { ClassroomPage } from "./classroom-page.tsx";
import { startFakeClassroomApi, type FakeClassroomApi } from "./testing/fake-classroom-api.ts";

vi.mock("zmp-sdk/apis", () => import("../../test/zmp-sdk-stub.ts"));

let api: FakeClassroomApi;
beforeAll(async () => {
  api = await startFakeClassroomApi();
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

const LESSON_PATH = `/huong-dan/che-do-lop-hoc/${lesson.id}?to=giai-phong`;
const today = () => wardDate(new Date());

async function open(path: string) {
  const root = await renderAt(path, [
    { path: "/huong-dan/che-do-lop-hoc", element: <ClassroomPage /> },
    { path: "/huong-dan/che-do-lop-hoc/:lessonId", element: <ClassroomPage /> },
    { path: "/huong-dan", element: <h1>Việc của người hướng dẫn</h1> },
  ]);
  await waitFor(() => expect(textOf(root)).not.toContain("Đang tải"));
  return root;
}

async function openLesson(path = LESSON_PATH) {
  const root = await open(path);
  await waitFor(() => expect(headings(root)).toEqual(["Dấu hiệu"]));
  return root;
}

/** a key as a laptop's keyboard or a presentation clicker sends it */
async function press(key: string, target: Element = document.body, init: KeyboardEventInit = {}) {
  await act(async () => {
    target.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true, ...init }));
  });
}

/** types into a number field, as the phone's keyboard does */
async function typeInto(input: HTMLInputElement, value: string) {
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set?.call(input, value);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

function numberField(root: HTMLElement, label: string): HTMLInputElement {
  const found = [...root.querySelectorAll("label")].find((l) => l.textContent === label);
  const input = found && root.querySelector<HTMLInputElement>(`#${CSS.escape(found.htmlFor)}`);
  if (!input) throw new Error(`no field labelled "${label}"`);
  return input;
}

const counter = (root: HTMLElement) => root.querySelector(".counter")?.textContent;
const status = (root: HTMLElement) => root.querySelector(".classroom-count [role='status']")?.textContent;
const alerts = (root: HTMLElement) => [...root.querySelectorAll("[role='alert']")].map((a) => a.textContent);
const puts = () => api.calls.filter((c) => c.method === "PUT" && c.url === "/api/v1/classroom/answers");

/** from the first step to question `n` (1-based): past the three steps and Ghi nhớ */
async function toQuestion(root: HTMLElement, n: number) {
  for (let i = 0; i < 3 + n; i++) await click(getButton(root, "Tiếp"));
  await waitFor(() => expect(counter(root)).toBe(`Câu ${n}/2`));
}

async function revealAndCount(root: HTMLElement, present: string, right: string) {
  await click(getButton(root, "Hiện đáp án"));
  await typeInto(numberField(root, "Số người có mặt"), present);
  await typeInto(numberField(root, "Số người trả lời đúng"), right);
}

describe("Chế độ lớp học: the lesson on the big screen", () => {
  it("moves one step at a time with Tiếp and Trước, and with the arrow keys, Space and Page Up/Down", async () => {
    const root = await openLesson();
    expect(counter(root)).toBe("Bước 1/3");
    expect(textOf(root)).toContain("Số lạ tự xưng cán bộ.");
    expect(textOf(root)).toContain(lesson.title);
    expect(getButton(root, "Trước").disabled).toBe(true);

    await click(getButton(root, "Tiếp"));
    expect(headings(root)).toEqual(["Cúp máy"]);
    expect(counter(root)).toBe("Bước 2/3");
    expect(document.activeElement?.textContent).toBe("Cúp máy");

    await press("ArrowRight");
    expect(headings(root)).toEqual(["Báo 156"]);
    expect(counter(root)).toBe("Bước 3/3");
    await press("ArrowLeft");
    expect(headings(root)).toEqual(["Cúp máy"]);
    await press(" ");
    expect(headings(root)).toEqual(["Báo 156"]);
    await press("PageDown");
    expect(headings(root)).toEqual(["Ghi nhớ"]);
    expect(textOf(root)).toContain("Cơ quan nhà nước không làm việc qua điện thoại.");
    await press("PageUp");
    expect(headings(root)).toEqual(["Báo 156"]);
    await press(" ", document.body, { shiftKey: true });
    expect(headings(root)).toEqual(["Cúp máy"]);

    await click(getButton(root, "Trước"));
    expect(headings(root)).toEqual(["Dấu hiệu"]);
    await press("ArrowLeft");
    expect(headings(root)).toEqual(["Dấu hiệu"]);
  });

  it("leaves Space to a focused button, so one press never moves two steps", async () => {
    const root = await openLesson();
    const next = getButton(root, "Tiếp");
    next.focus();
    await press(" ", next);
    expect(headings(root)).toEqual(["Dấu hiệu"]);
  });

  it("offers Nghe for the step on screen", async () => {
    const root = await openLesson();
    await waitFor(() => expect(queryButton(root, "Nghe")).not.toBeNull());
  });

  it("shows Toàn màn hình only where the browser can, and puts the stage in full screen", async () => {
    const root = await openLesson();
    expect(queryButton(root, "Toàn màn hình")).toBeNull();
    cleanup();

    // happy-dom has no Fullscreen API: give it the browser's, as a laptop's Chrome has it
    let fullscreen: Element | null = null;
    const request = vi.fn((element: Element) => {
      fullscreen = element;
      document.dispatchEvent(new Event("fullscreenchange"));
      return Promise.resolve();
    });
    Object.defineProperty(document, "fullscreenEnabled", { get: () => true, configurable: true });
    Object.defineProperty(document, "fullscreenElement", { get: () => fullscreen, configurable: true });
    Object.defineProperty(HTMLElement.prototype, "requestFullscreen", {
      value(this: Element) {
        return request(this);
      },
      configurable: true,
    });
    try {
      const shown = await openLesson();
      await click(getButton(shown, "Toàn màn hình"));
      expect(request).toHaveBeenCalledTimes(1);
      expect(fullscreen).toBe(shown.querySelector(".classroom-stage"));
      expect(queryButton(shown, "Thoát toàn màn hình")).not.toBeNull();
    } finally {
      const browserless = document as { fullscreenEnabled?: unknown; fullscreenElement?: unknown };
      delete browserless.fullscreenEnabled;
      delete browserless.fullscreenElement;
      delete (HTMLElement.prototype as { requestFullscreen?: unknown }).requestFullscreen;
    }
  });
});

describe("Chế độ lớp học: questions to the room", () => {
  it("shows each question with its options numbered, and reveals the right one with a tick, words and why", async () => {
    const root = await openLesson();
    await toQuestion(root, 1);
    expect(headings(root)).toEqual(["Cán bộ thuế có thể xin mã OTP của bác."]);
    const options = () => [...root.querySelectorAll(".classroom-option")];
    expect(options().map((o) => o.textContent)).toEqual(["1Đúng", "2Sai"]);
    expect(textOf(root)).not.toContain("Đáp án đúng");
    expect(root.querySelector(".classroom-count")).toBeNull();

    await click(getButton(root, "Hiện đáp án"));
    expect(options()[1]!.textContent).toBe("2Sai Đáp án đúng");
    expect(options()[1]!.querySelector("svg")).not.toBeNull();
    expect(options()[0]!.textContent).toBe("1Đúng");
    expect(textOf(root)).toContain("Đáp án đúng là số 2: Sai.");
    expect(textOf(root)).toContain("Cơ quan thuế không bao giờ xin OTP.");
    expect(queryButton(root, "Hiện đáp án")).toBeNull();
    expect(headings(root)).toEqual(["Cán bộ thuế có thể xin mã OTP của bác.", "Ghi kết quả của lớp"]);
  });

  it("records the room's counts with today's ward date, and keeps Số người có mặt for the next question", async () => {
    const root = await openLesson();
    await toQuestion(root, 1);
    await click(getButton(root, "Hiện đáp án"));
    await typeInto(numberField(root, "Số người có mặt"), "12");
    await click(getButton(root, "Thêm 1 — Số người có mặt"));
    for (let i = 0; i < 8; i++) await click(getButton(root, "Thêm 1 — Số người trả lời đúng"));
    await click(getButton(root, "Bớt 1 — Số người trả lời đúng"));
    expect(numberField(root, "Số người có mặt").value).toBe("13");
    expect(numberField(root, "Số người trả lời đúng").value).toBe("7");

    await click(getButton(root, "Lưu kết quả"));
    await waitFor(() => expect(status(root)).toBe("Đã lưu: 7/13 người trả lời đúng."));
    expect(puts().map((c) => c.body)).toEqual([
      { tdpId: "giai-phong", date: today(), lessonId: lesson.id, questionId: "q1", present: 13, answeredRight: 7 },
    ]);

    // typing in a field is typing: the arrows do not change the slide
    await press("ArrowRight", numberField(root, "Số người có mặt"));
    expect(counter(root)).toBe("Câu 1/2");

    await click(getButton(root, "Tiếp"));
    await click(getButton(root, "Hiện đáp án"));
    expect(numberField(root, "Số người có mặt").value).toBe("13");
    expect(numberField(root, "Số người trả lời đúng").value).toBe("");
    expect(status(root)).toBe("");
  });

  it("says what is wrong with the numbers and sends nothing; a failed save says so plainly and keeps them", async () => {
    const root = await openLesson();
    await toQuestion(root, 1);
    await revealAndCount(root, "5", "6");
    await click(getButton(root, "Lưu kết quả"));
    expect(alerts(root)).toEqual(["Số người trả lời đúng không thể nhiều hơn số người có mặt."]);
    expect(numberField(root, "Số người trả lời đúng").getAttribute("aria-invalid")).toBe("true");
    expect(puts()).toEqual([]);

    await typeInto(numberField(root, "Số người trả lời đúng"), "4");
    expect(alerts(root)).toEqual([]);
    api.answerOnce.set("PUT /api/v1/classroom/answers", {
      status: 503,
      body: { error: { code: "unavailable", message: "down for a moment" } },
    });
    await click(getButton(root, "Lưu kết quả"));
    await waitFor(() => expect(alerts(root)).toHaveLength(1));
    expect(alerts(root)[0]).toMatch(/^Chưa lưu được\. .+ Các con số vẫn còn đây, bạn bấm “Lưu kết quả” để thử lại\.$/);
    expect(numberField(root, "Số người có mặt").value).toBe("5");
    expect(numberField(root, "Số người trả lời đúng").value).toBe("4");
    expect(status(root)).toBe("");

    await click(getButton(root, "Lưu kết quả"));
    await waitFor(() => expect(status(root)).toBe("Đã lưu: 4/5 người trả lời đúng."));
    expect(alerts(root)).toEqual([]);
    expect(puts()).toHaveLength(2);
  });

  it("ends with the class's results: each question with how many answered right", async () => {
    const root = await openLesson();
    await toQuestion(root, 1);
    await revealAndCount(root, "12", "9");
    await click(getButton(root, "Lưu kết quả"));
    await waitFor(() => expect(status(root)).toBe("Đã lưu: 9/12 người trả lời đúng."));
    await click(getButton(root, "Tiếp"));
    await click(getButton(root, "Tiếp"));

    await waitFor(() => expect(textOf(root)).toContain("người trả lời đúng"));
    expect(headings(root)).toEqual(["Kết quả của lớp"]);
    const lines = [...root.querySelectorAll(".classroom-summary li")].map((li) =>
      [...li.querySelectorAll("p")].map((p) => p.textContent),
    );
    expect(lines).toEqual([
      ["Câu 1. Cán bộ thuế có thể xin mã OTP của bác.", "9/12 người trả lời đúng"],
      ["Câu 2. Nghi ngờ lừa đảo, bác làm gì trước?", "Chưa ghi kết quả"],
    ]);
    expect(textOf(root)).toContain("Tổ dân phố Giải Phóng, ");
    expect(getButton(root, "Tiếp").disabled).toBe(true);
    const reads = api.calls.filter((c) => c.method === "GET" && c.url.startsWith("/api/v1/classroom/answers"));
    expect(reads.at(-1)?.url).toBe(`/api/v1/classroom/answers?tdpId=giai-phong&date=${today()}`);

    await click(getButton(root, "Chọn bài khác"));
    await waitFor(() => expect(headings(root)[0]).toBe("Chế độ lớp học"));
    expect(window.location.search).toBe("?to=giai-phong");
  });

  it("fills in what was already recorded today when the lesson is opened again", async () => {
    api.answers.set("x", {
      tdpId: "giai-phong",
      date: today(),
      classId: null,
      lessonId: lesson.id,
      questionId: "q2",
      present: 15,
      answeredRight: 11,
      recordedAt: new Date().toISOString(),
    });
    const root = await openLesson();
    await toQuestion(root, 1);
    await click(getButton(root, "Hiện đáp án"));
    expect(numberField(root, "Số người có mặt").value).toBe("15");
    await click(getButton(root, "Tiếp"));
    await click(getButton(root, "Hiện đáp án"));
    expect(numberField(root, "Số người trả lời đúng").value).toBe("11");
    expect(status(root)).toBe("Đã lưu: 11/15 người trả lời đúng.");
  });
});

describe("Chế độ lớp học: choosing the class and the lesson", () => {
  it("asks which TDP first when the facilitator has several, then opens the lesson for it", async () => {
    const root = await open("/huong-dan/che-do-lop-hoc");
    expect(headings(root)).toEqual([
      "Chế độ lớp học",
      "Lớp của tổ dân phố nào?",
      "Chọn bài để trình chiếu",
      "An toàn trên mạng",
    ]);
    expect(textOf(root)).toContain("không ghi tên hay tài khoản của ai");
    await click(getButton(root, "Bài 1. Nhận ra cuộc gọi lạ"));
    expect(alerts(root)).toEqual(["Bạn chọn tổ dân phố ở trên trước."]);

    await click(getInput(root, nhomThuong.name));
    await click(getButton(root, "Bài 1. Nhận ra cuộc gọi lạ"));
    await waitFor(() => expect(headings(root)).toEqual(["Dấu hiệu"]));
    expect(window.location.pathname).toBe(`/huong-dan/che-do-lop-hoc/${lesson.id}`);
    expect(window.location.search).toBe("?to=nhom-thuong");
  });

  it("goes straight to the lessons for a facilitator of one TDP", async () => {
    api.staff = facilitatorOf([giaiPhong]);
    const root = await open("/huong-dan/che-do-lop-hoc");
    expect(textOf(root)).toContain("Lớp của Tổ dân phố Giải Phóng.");
    await click(getButton(root, "Bài 1. Nhận ra cuộc gọi lạ"));
    await waitFor(() => expect(headings(root)).toEqual(["Dấu hiệu"]));
  });

  it("takes the TDP and the planned lessons from the class it was opened from, and records with the class", async () => {
    api.classes = [
      {
        id: "giai-phong-toi-thu-bay",
        tdpId: "giai-phong",
        weekday: 6,
        startTime: "19:00",
        durationMinutes: 90,
        place: "Nhà văn hóa",
        topic: "Cuộc gọi lạ",
        lessonIds: [lesson.id],
        bring: "",
        firstDate: "2026-11-07",
        lastDate: null,
        cancelledDates: [],
      },
    ];
    const root = await open("/huong-dan/che-do-lop-hoc?lop=giai-phong-toi-thu-bay");
    await waitFor(() => expect(headings(root)).toContain("Bài của buổi học này"));
    expect(getInput(root, giaiPhong.name).checked).toBe(true);
    const planned = root.querySelector<HTMLElement>("section[aria-labelledby='classroom-planned']")!;
    await click(planned.querySelector("button")!);
    await waitFor(() => expect(headings(root)).toEqual(["Dấu hiệu"]));
    expect(window.location.search).toBe("?to=giai-phong&lop=giai-phong-toi-thu-bay");

    await toQuestion(root, 2);
    await revealAndCount(root, "10", "10");
    await click(getButton(root, "Lưu kết quả"));
    await waitFor(() => expect(status(root)).toBe("Đã lưu: 10/10 người trả lời đúng."));
    expect(puts()[0]!.body).toEqual({
      tdpId: "giai-phong",
      date: today(),
      classId: "giai-phong-toi-thu-bay",
      lessonId: lesson.id,
      questionId: "q2",
      present: 10,
      answeredRight: 10,
    });
  });

  it("tells a learner's account plainly that it has no staff role", async () => {
    api.staff = null;
    const root = await open(LESSON_PATH);
    expect(textOf(root)).toContain("chưa được phân quyền người hướng dẫn");
    expect(puts()).toEqual([]);
  });
});

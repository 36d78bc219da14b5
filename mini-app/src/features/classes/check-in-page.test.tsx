// Điểm danh buổi học (a resident's check-in) against a real HTTP server answering as POST
// /api/v1/attendance/check-in does: opened from the QR's link it checks in at once; outside
// Zalo there is no scanner and the code is typed; without an account it explains why one is
// needed.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { act } from "react";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { CheckInRequestSchema, type CheckInResult } from "@hocso/shared/attendance";
import { learnerStore } from "../../app/learner-store.ts";
import { sessionStore } from "../../app/session-store.ts";
import { freshDevice } from "../../test/device.ts";
import { cleanup, click, getButton, headings, queryButton, renderAt, textOf, waitFor } from "../../test/render.tsx";
import { CheckInPage } from "./check-in-page.tsx";

vi.mock("zmp-sdk/apis", () => import("../../test/zmp-sdk-stub.ts"));

/** the one open check-in the server knows */
const OPEN_CODE = "482913";
const result: CheckInResult = {
  classId: "giai-phong-toi-thu-bay",
  tdpName: "Tổ dân phố Giải Phóng",
  topic: "An toàn khi thanh toán bằng mã QR",
  date: "2026-12-05",
  dateLabel: "Thứ Bảy, 05/12/2026",
  already: false,
};

let server: Server;
let codes: unknown[] = [];
const checkedIn = new Set<string>();

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
    req.on("end", () => {
      const answer = (status: number, body: unknown) => {
        res.writeHead(status, { "Content-Type": "application/json" });
        res.end(JSON.stringify(body));
      };
      if (req.method !== "POST" || req.url !== "/api/v1/attendance/check-in") {
        return answer(404, { error: { code: "not_found", message: "no route" } });
      }
      const parsed = CheckInRequestSchema.safeParse(raw ? JSON.parse(raw) : undefined);
      codes.push(parsed.success ? parsed.data.code : raw);
      if (!parsed.success) return answer(400, { error: { code: "bad_request", message: "code", fields: [{ path: "code", message: "x" }] } });
      if (parsed.data.code !== OPEN_CODE) {
        return answer(404, { error: { code: "not_found", message: "No meeting has this check-in code open" } });
      }
      const already = checkedIn.has(req.headers.authorization ?? "");
      checkedIn.add(req.headers.authorization ?? "");
      answer(200, { ...result, already });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(`${origin}/`);
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  freshDevice();
  codes = [];
  checkedIn.clear();
});
afterEach(() => cleanup());

/** A resident's phone with an account: the progress consent given and a live session. */
function withAccount(): void {
  learnerStore.set({
    onboarded: true,
    consents: { progress: true, reminders: false, version: "2026-11-v2", decidedAt: new Date().toISOString(), synced: true },
    profile: { tdpId: "to-1", audience: "nguoi-dan", ageBand: "60-tro-len", synced: true },
    signedInVia: "sandbox",
  });
  sessionStore.set({ token: "session-of-the-resident", expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
}

async function open(path: string) {
  return renderAt(path, [
    { path: "/diem-danh", element: <CheckInPage /> },
    { path: "/du-lieu-cua-toi", element: <h1>Dữ liệu của tôi</h1> },
  ]);
}

async function typeCode(root: HTMLElement, value: string) {
  const label = [...root.querySelectorAll("label")].find((l) => l.textContent === "Mã điểm danh (6 chữ số)");
  const input = document.getElementById(label!.htmlFor) as HTMLInputElement;
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set?.call(input, value);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

const SUCCESS = "Bác đã điểm danh buổi học Thứ Bảy, 05/12/2026 — An toàn khi thanh toán bằng mã QR";

describe("Điểm danh buổi học", () => {
  it("checks in at once when opened from the QR's link, and says which class", async () => {
    withAccount();
    const root = await open(`/diem-danh?ma=${OPEN_CODE}`);
    await waitFor(() => expect(root.querySelector("[role=status]")?.textContent?.trim()).toBe(SUCCESS));
    expect(codes).toEqual([OPEN_CODE]);
    expect(headings(root)).toEqual(["Điểm danh buổi học"]);
    expect(textOf(root)).not.toContain("từ trước");
    getButton(root, "Xem lịch học của tổ");
  });

  it("says so when the resident had already checked in", async () => {
    withAccount();
    checkedIn.add("Bearer session-of-the-resident");
    const root = await open(`/diem-danh?ma=${OPEN_CODE}`);
    await waitFor(() => expect(textOf(root)).toContain(SUCCESS));
    expect(textOf(root)).toContain("Bác đã điểm danh từ trước, không cần làm lại.");
  });

  it("says plainly that a code is wrong or expired, and lets the resident type another", async () => {
    withAccount();
    const root = await open("/diem-danh?ma=111111");
    await waitFor(() =>
      expect(root.querySelector("[role=alert]")?.textContent).toBe(
        "Mã này không đúng hoặc đã hết hạn. Bác hỏi người hướng dẫn mã đang mở nhé.",
      ),
    );
    await typeCode(root, "482 913");
    await click(getButton(root, "Điểm danh"));
    await waitFor(() => expect(textOf(root)).toContain(SUCCESS));
    expect(codes).toEqual(["111111", OPEN_CODE]);
  });

  it("offers typing the code where Zalo's scanner is not there, and checks the digits first", async () => {
    withAccount();
    const root = await open("/diem-danh");
    await click(getButton(root, "Quét mã QR"));
    await waitFor(() =>
      expect(textOf(root)).toContain("Máy này chưa quét được mã trong Học Số. Bác gõ mã 6 chữ số ở dưới nhé."),
    );
    await typeCode(root, "48291");
    await click(getButton(root, "Điểm danh"));
    expect(root.querySelector("[role=alert]")?.textContent).toBe("Mã điểm danh có đúng 6 chữ số. Bác xem lại nhé.");
    expect(codes).toEqual([]);
  });

  it("explains that attendance needs lưu tiến độ học, and opens Dữ liệu của tôi", async () => {
    const root = await open(`/diem-danh?ma=${OPEN_CODE}`);
    expect(textOf(root)).toContain("bác cần đồng ý \u201clưu tiến độ học\u201d");
    expect(queryButton(root, "Điểm danh")).toBeNull();
    await click(getButton(root, "Mở Dữ liệu của tôi"));
    await waitFor(() => expect(headings(root)).toEqual(["Dữ liệu của tôi"]));
    expect(codes).toEqual([]);
  });
});

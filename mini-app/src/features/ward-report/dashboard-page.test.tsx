// Số liệu phong trào against a real HTTP server answering as /api/v1/staff/me,
// /api/v1/reports/dashboard and /api/v1/reports/quarterly.* do (testing/fake-report-api.ts).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { signedInWithConsent } from "../facilitator/testing/fake-staff-api.ts";
import { freshDevice } from "../../test/device.ts";
import { cleanup, click, getButton, getInput, headings, queryButton, renderAt, textOf, waitFor } from "../../test/render.tsx";
import { DashboardPage } from "./dashboard-page.tsx";
import { CSV_BODY, facilitatorMe, reportOf, startFakeReportApi, type FakeReportApi } from "./testing/fake-report-api.ts";

vi.mock("zmp-sdk/apis", () => import("../../test/zmp-sdk-stub.ts"));

let api: FakeReportApi;
beforeAll(async () => {
  api = await startFakeReportApi();
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

async function openPage() {
  const root = await renderAt("/huong-dan/so-lieu", [{ path: "/huong-dan/so-lieu", element: <DashboardPage /> }]);
  await waitFor(() => expect(textOf(root)).not.toContain("Đang tải"));
  return root;
}

/** The card whose heading is `name`, as its lines of text (a term and its number: "term number"). */
function card(root: HTMLElement, name: string): string {
  const found = [...root.querySelectorAll<HTMLElement>("section.report-card")].find((s) => s.querySelector("h2")?.textContent === name);
  if (!found) throw new Error(`no card "${name}"`);
  return [...found.querySelectorAll("p, dt, dd")].map((e) => (e.textContent ?? "").replace(/\s+/g, " ").trim()).join(" ");
}

/** A table as rows of cell texts, headers included. */
function table(root: HTMLElement, caption: string): string[][] {
  const found = [...root.querySelectorAll("table")].find((t) => t.querySelector("caption")?.textContent === caption);
  if (!found) throw new Error(`no table "${caption}"`);
  return [...found.querySelectorAll("tr")].map((tr) => [...tr.querySelectorAll("th, td")].map((c) => c.textContent ?? ""));
}

const dashboardCalls = () => api.calls.filter((c) => c.path === "/api/v1/reports/dashboard");

describe("Số liệu phong trào, for the ward office", () => {
  it("puts the ward's figures against the plan's targets first, then a card per TDP", async () => {
    const root = await openPage();
    expect(headings(root)).toEqual([
      "Số liệu phong trào",
      "Xem quý nào?",
      "Toàn phường",
      "Tổ dân phố Giải Phóng",
      "Tổ dân phố mẫu 1",
      "Theo nhóm đối tượng và độ tuổi",
      "Báo cáo quý",
    ]);
    expect(textOf(root)).toContain("Số liệu từ 01/10/2026 đến 28/11/2026. Lập lúc 08:00, Thứ Bảy, 28/11/2026.");
    const ward = card(root, "Toàn phường");
    expect(ward).toContain("Đã xác nhận trên VNeID: 12/1.700 người trưởng thành — 0,7% (chỉ tiêu 70%)");
    expect(ward).toContain("Còn thiếu 1.178 người để đạt chỉ tiêu.");
    expect(ward).toContain("Người trưởng thành đã đăng ký học: 52/1.700 — 3,1%");
    expect(ward).toContain("Buổi học đã tổ chức: 8/16 buổi (chỉ tiêu mỗi tổ 1 buổi mỗi tuần)");
    expect(ward).toContain("Người học đã đăng ký 55");
    expect(ward).toContain("Lượt hoàn thành bài học trong quý 129");
    expect(ward).toContain("Bình quân người dự mỗi buổi 4,5");
    expect(ward).toContain("Tỷ lệ trả lời đúng trên lớp chưa có");

    const gp = card(root, "Tổ dân phố Giải Phóng");
    expect(gp).toContain("Đã xác nhận trên VNeID: 10/500 người trưởng thành — 2% (chỉ tiêu 70%)");
    expect(gp).toContain("Buổi học đã tổ chức: 8/8 buổi");
    expect(card(root, "Tổ dân phố mẫu 1")).toContain("Đã xác nhận trên VNeID: 2/1.200 người trưởng thành — 0,2% (chỉ tiêu 70%)");
    expect(textOf(root)).toContain("Số chính thức lấy từ nền tảng binhdanhocvuso.gov.vn.");
  });

  it("draws each target as a bar with its marker, the figures written beside it", async () => {
    const root = await openPage();
    const ward = root.querySelector("section.report-card")!;
    const bar = ward.querySelector<HTMLElement>(".target-bar")!;
    expect(bar.getAttribute("aria-hidden")).toBe("true");
    expect(bar.querySelector<HTMLElement>(".target-bar-fill")!.style.width).toBe("0.71%");
    expect(bar.querySelector<HTMLElement>(".target-bar-mark")!.style.left).toBe("70%");
    expect(ward.querySelector(".target-mark-label")?.textContent).toBe("vạch: chỉ tiêu 70% ▲");
    // the sentence above the bar says what the bar shows
    expect(bar.previousElementSibling?.textContent).toContain("0,7%");
  });

  it("breaks the ward down by audience group and age band in real tables", async () => {
    const root = await openPage();
    expect(table(root, "Theo nhóm đối tượng — Toàn phường")).toEqual([
      ["Nhóm", "Đăng ký", "Bài xong", "Học phần", "Xác nhận"],
      ["Người dân", "40", "120", "0", "10"],
      ["Cán bộ, công chức, viên chức", "12", "0", "5", "2"],
      ["Học sinh", "3", "9", "0", "0"],
      ["Người lao động doanh nghiệp", "0", "0", "0", "0"],
    ]);
    expect(table(root, "Theo độ tuổi — Toàn phường").map((r) => r[0])).toEqual([
      "Nhóm",
      "Dưới 16 tuổi",
      "16–59 tuổi",
      "Từ 60 tuổi trở lên",
    ]);
    const headerCells = [...root.querySelectorAll("table th")].map((th) => th.getAttribute("scope"));
    expect(new Set(headerCells)).toEqual(new Set(["col", "row"]));
  });

  it("shows an earlier quarter when it is picked", async () => {
    const root = await openPage();
    expect(getInput(root, "Quý 4/2026 (quý này)").checked).toBe(true);
    expect(["Quý 3/2026", "Quý 2/2026", "Quý 1/2026"].map((l) => getInput(root, l).checked)).toEqual([false, false, false]);
    await click(getInput(root, "Quý 3/2026"));
    await waitFor(() => expect(textOf(root)).toContain("Số liệu từ 01/07/2026 đến 30/09/2026."));
    expect(dashboardCalls().map((c) => c.query)).toEqual(["", "?quarter=2026-Q3"]);
    expect(card(root, "Tổ dân phố Giải Phóng")).toContain("Đã xác nhận trên VNeID: 4/500 người trưởng thành — 0,8% (chỉ tiêu 70%)");
    expect(textOf(root)).toContain("Tải số liệu Quý 3/2026 của mọi tổ và toàn phường");
  });

  it("downloads the quarter's CSV with the session and saves it under the server's file name", async () => {
    const saved: Array<{ download: string; href: string }> = [];
    const blobs: Blob[] = [];
    const createObjectURL = URL.createObjectURL.bind(URL);
    vi.spyOn(URL, "createObjectURL").mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return createObjectURL(blob as Blob);
    });
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ download: this.download, href: this.href });
    });
    const root = await openPage();
    await click(getButton(root, "Tải báo cáo quý (CSV)"));
    await waitFor(() => expect(textOf(root)).toContain("Đã tải tệp bao-cao-quy-2026-Q4-phuong-ba-ngoi-20261128-0800.csv."));
    const call = api.calls.find((c) => c.path === "/api/v1/reports/quarterly.csv")!;
    expect([call.query, call.auth]).toEqual(["?quarter=2026-Q4", "Bearer session-of-the-facilitator"]);
    expect(saved).toEqual([{ download: "bao-cao-quy-2026-Q4-phuong-ba-ngoi-20261128-0800.csv", href: expect.stringMatching(/^blob:/) }]);
    expect(new Uint8Array(await blobs[0]!.arrayBuffer())).toEqual(new TextEncoder().encode(CSV_BODY));
    expect(root.querySelector("[role=status].status-line")?.textContent).toContain("Đã tải tệp");

    await click(getButton(root, "Tải báo cáo quý (Excel)"));
    await waitFor(() => expect(saved.map((s) => s.download)).toContain("bao-cao-quy-2026-Q4-phuong-ba-ngoi-20261128-0800.xlsx"));
  });

  it("says plainly when the file could not be downloaded", async () => {
    api.answerOnce.set("GET /api/v1/reports/quarterly.csv", {
      status: 403,
      body: { error: { code: "forbidden", message: 'This needs the "report:export" permission' } },
    });
    const root = await openPage();
    await click(getButton(root, "Tải báo cáo quý (CSV)"));
    await waitFor(() => expect(root.querySelector("[role=alert]")?.textContent).toMatch(/^Không tải được tệp\. /));
    getButton(root, "Tải báo cáo quý (CSV)"); // still there to try again
  });
});

describe("Số liệu phong trào, for a facilitator", () => {
  beforeEach(() => {
    api.staff = facilitatorMe();
    api.reports = [reportOf("2026-Q4", "facilitator"), reportOf("2026-Q3", "facilitator")];
  });

  it("shows their TDP with its own breakdown, and no ward total or download", async () => {
    const root = await openPage();
    expect(headings(root)).toEqual(["Số liệu phong trào", "Xem quý nào?", "Tổ dân phố Giải Phóng", "Theo nhóm đối tượng và độ tuổi"]);
    expect(textOf(root)).toContain("Bạn phụ trách Tổ dân phố Giải Phóng.");
    expect(table(root, "Theo nhóm đối tượng — Tổ dân phố Giải Phóng")[1]).toEqual(["Người dân", "40", "120", "0", "10"]);
    expect(queryButton(root, "Tải báo cáo quý (CSV)")).toBeNull();
    expect(textOf(root)).not.toContain("Toàn phường");
  });

  it("says so when the TDP has no adult population on file", async () => {
    const report = reportOf("2026-Q4", "facilitator");
    report.rows = report.rows.map((r) => (r.groupId === "tat-ca" ? { ...r, adultPopulation: 0, certifiedAdultsShare: null, registeredAdultsShare: null } : r));
    api.reports = [report];
    const root = await openPage();
    const gp = card(root, "Tổ dân phố Giải Phóng");
    expect(gp).toContain("Chưa có số người trưởng thành của tổ trong danh sách của phường, nên chưa tính được tỷ lệ.");
    expect(gp).not.toContain("Đã xác nhận trên VNeID");
  });

  it("offers Thử lại when the figures could not be loaded", async () => {
    api.answerOnce.set("GET /api/v1/reports/dashboard", { status: 503, body: { error: { code: "unavailable", message: "busy" } } });
    const root = await openPage();
    expect(root.querySelector("[role=alert]")?.textContent).toMatch(/^Không tải được\./);
    await click(getButton(root, "Thử lại"));
    await waitFor(() => expect(headings(root)).toContain("Tổ dân phố Giải Phóng"));
  });
});

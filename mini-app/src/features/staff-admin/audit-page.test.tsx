// Nhật ký thao tác against a real HTTP server answering as /api/v1/audit does
// (testing/fake-staff-admin-api.ts): each entry is one plain Vietnamese sentence, newest first,
// and "Xem thêm" reads older ones.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { AuditEntry } from "@hocso/shared/staff-admin";
import { freshDevice } from "../../test/device.ts";
import { cleanup, click, getButton, queryButton, renderAt, textOf, waitFor } from "../../test/render.tsx";
import { signedInWithConsent } from "../facilitator/testing/fake-staff-api.ts";
import { AuditPage } from "./audit-page.tsx";
import { facilitatorProfile, routeOf, startFakeStaffAdminApi, type FakeStaffAdminApi } from "./testing/fake-staff-admin-api.ts";

vi.mock("zmp-sdk/apis", () => import("../../test/zmp-sdk-stub.ts"));

let api: FakeStaffAdminApi;
beforeAll(async () => {
  api = await startFakeStaffAdminApi();
});
afterAll(() => api.close());
beforeEach(() => {
  freshDevice();
  api.reset();
  signedInWithConsent();
});
afterEach(cleanup);

function entry(id: number, fields: Partial<AuditEntry>): AuditEntry {
  return {
    id,
    at: "2026-11-25T08:03:00.000Z",
    actorId: 7,
    actorRole: "facilitator",
    actorName: "Nguyễn Văn A",
    action: "class.create",
    tdpId: null,
    subject: null,
    details: {},
    ...fields,
  };
}

async function openPage() {
  const root = await renderAt("/huong-dan/nhat-ky", [{ path: "/huong-dan/nhat-ky", element: <AuditPage /> }]);
  await waitFor(() => expect(textOf(root)).not.toContain("Đang tải"));
  return root;
}

const sentences = (root: HTMLElement) => [...root.querySelectorAll(".audit-list li")].map((li) => li.textContent);

describe("Nhật ký thao tác", () => {
  it("tells each entry as a sentence: when, who in what role, what they did, in which TDP", async () => {
    api.audit = [
      entry(9, { action: "role.revoke", actorId: null, actorRole: "operator", actorName: null, subject: "7", at: "2026-11-26T02:00:00.000Z" }),
      entry(8, {
        action: "class.cancel-date",
        tdpId: "giai-phong",
        subject: "giai-phong-toi-thu-bay",
        details: { date: "2026-11-28" },
        at: "2026-11-25T09:30:00.000Z",
      }),
      entry(7, { action: "announcement.send", subject: "12", details: { tdpIds: ["giai-phong", "mau-1"] }, actorId: 2, actorRole: "admin", actorName: null }),
      entry(6, { action: "invitation.create", subject: "3", tdpId: "mau-1", details: { role: "facilitator" }, actorId: 2, actorRole: "admin", actorName: null }),
      entry(5, { action: "class.create", tdpId: "giai-phong", subject: "giai-phong-thu-tu-1830" }),
      entry(4, { action: "attendance.guests", tdpId: "giai-phong", subject: "giai-phong-toi-thu-bay:2026-11-21", details: { guests: 3 } }),
    ];
    const root = await openPage();
    expect(sentences(root)).toEqual([
      "Thứ Năm, 26/11/2026 09:00 — Người quản trị máy chủ bỏ quyền của Tài khoản số 7",
      "Thứ Tư, 25/11/2026 16:30 — Nguyễn Văn A (người hướng dẫn) cho lớp học giai-phong-toi-thu-bay của Tổ dân phố Giải Phóng nghỉ buổi Thứ Bảy, 28/11/2026",
      "Thứ Tư, 25/11/2026 15:03 — Tài khoản số 2 (cán bộ phường) gửi thông báo số 12 tới 2 nhóm Zalo",
      "Thứ Tư, 25/11/2026 15:03 — Tài khoản số 2 (cán bộ phường) tạo lời mời số 3 làm người hướng dẫn của Tổ dân phố mẫu 1",
      "Thứ Tư, 25/11/2026 15:03 — Nguyễn Văn A (người hướng dẫn) tạo lớp học giai-phong-thu-tu-1830 của Tổ dân phố Giải Phóng",
      "Thứ Tư, 25/11/2026 15:03 — Nguyễn Văn A (người hướng dẫn) ghi số người đến học không dùng ứng dụng ở lớp học " +
        "giai-phong-toi-thu-bay của Tổ dân phố Giải Phóng, buổi Thứ Bảy, 21/11/2026",
    ]);
    expect(textOf(root)).toContain("Đã hết nhật ký.");
    expect(queryButton(root, "Xem thêm")).toBeNull();
  });

  it("reads older entries with Xem thêm, after the ones shown", async () => {
    api.audit = Array.from({ length: 35 }, (_, i) =>
      entry(35 - i, { action: "class.update", subject: `lop-${35 - i}`, tdpId: "giai-phong" }),
    );
    const root = await openPage();
    expect(sentences(root)).toHaveLength(30);
    expect(sentences(root)[0]).toContain("sửa lớp học lop-35 của Tổ dân phố Giải Phóng");
    await click(getButton(root, "Xem thêm"));
    await waitFor(() => expect(sentences(root)).toHaveLength(35));
    expect(sentences(root)[34]).toContain("sửa lớp học lop-1 của");
    expect(api.calls.filter((c) => routeOf(c) === "GET /api/v1/audit").map((c) => c.path)).toEqual([
      "/api/v1/audit?limit=30",
      "/api/v1/audit?limit=30&before=6",
    ]);
    expect(queryButton(root, "Xem thêm")).toBeNull();
  });

  it("tells a facilitator the log is the ward office's, without asking for it", async () => {
    api.me = facilitatorProfile();
    const root = await openPage();
    expect(textOf(root)).toContain("Chỉ cán bộ phường mới xem được nhật ký thao tác.");
    expect(api.calls.map(routeOf)).toEqual(["GET /api/v1/staff/me"]);
  });
});

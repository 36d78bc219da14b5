// Người cần hỗ trợ against a real HTTP server answering as /api/v1/staff/me and
// /api/v1/staff/needs-help do (facilitator/testing/fake-staff-api.ts).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { NeedsHelpLearner, NeedsHelpList } from "@hocso/shared/needs-help";
import { freshDevice } from "../../test/device.ts";
import { cleanup, click, getButton, headings, renderAt, textOf, waitFor } from "../../test/render.tsx";
import {
  facilitatorOf,
  giaiPhong,
  nhomThuong,
  routeOf,
  signedInWithConsent,
  startFakeStaffApi,
  type FakeStaffApi,
} from "../facilitator/testing/fake-staff-api.ts";
import { NeedsHelpPage } from "./needs-help-page.tsx";

vi.mock("zmp-sdk/apis", () => import("../../test/zmp-sdk-stub.ts"));

const ROUTE = "GET /api/v1/staff/needs-help";

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

function learner(fields: Partial<NeedsHelpLearner> & Pick<NeedsHelpLearner, "userId" | "reasons">): NeedsHelpLearner {
  return { displayName: null, tdpId: giaiPhong.id, tdpName: giaiPhong.name, ...fields };
}

const lan = learner({
  userId: 1,
  displayName: "Bà Lan",
  reasons: [
    { kind: "inactive", lastActiveOn: "2026-11-02", days: 24 },
    {
      kind: "failed-attempts",
      lessonId: "quet-vietqr",
      lessonTitle: "Quét mã VietQR trả tiền an toàn",
      wrongAnswers: 5,
      lastAt: "2026-11-02T03:00:00.000Z",
    },
  ],
});
const nameless = learner({
  userId: 2,
  reasons: [
    {
      kind: "failed-attempts",
      lessonId: "cuoc-goi-mao-danh",
      lessonTitle: "Cuộc gọi mạo danh công an, thuế, điện lực",
      wrongAnswers: 4,
      lastAt: "2026-11-20T03:00:00.000Z",
    },
  ],
});
const tu = learner({
  userId: 3,
  displayName: "Ông Tư",
  tdpId: nhomThuong.id,
  tdpName: nhomThuong.name,
  reasons: [{ kind: "inactive", lastActiveOn: "2026-11-06", days: 22 }],
});

function serverHas(list: NeedsHelpList): void {
  api.answerOnce.set(ROUTE, { status: 200, body: list });
}

async function openPage() {
  const root = await renderAt("/huong-dan/can-ho-tro", [{ path: "/huong-dan/can-ho-tro", element: <NeedsHelpPage /> }]);
  await waitFor(() => expect(textOf(root)).not.toContain("Đang tải"));
  return root;
}

/** A learner's card: its heading, then each reason with its hint. */
function card(root: HTMLElement, name: string): string[] {
  const found = [...root.querySelectorAll<HTMLElement>("article.needs-help-card")].find(
    (a) => a.querySelector("h3")?.textContent === name,
  );
  if (!found) throw new Error(`no card for "${name}"`);
  return [...found.querySelectorAll("h3, p")].map((p) => p.textContent?.replace(/\s+/g, " ").trim() ?? "");
}

describe("Người cần hỗ trợ", () => {
  it("groups learners by TDP, each with their reasons in plain words and what to do", async () => {
    serverHas({ learners: [lan, nameless, tu], notSharing: 0 });
    const root = await openPage();
    expect(headings(root)).toEqual([
      "Người cần hỗ trợ",
      "Tổ dân phố Giải Phóng",
      "Bà Lan",
      "Người học chưa đặt tên",
      "Tổ dân phố Nhóm Thường",
      "Ông Tư",
    ]);
    expect(card(root, "Bà Lan")).toEqual([
      "Bà Lan",
      "Chưa học 24 ngày, lần cuối Thứ Hai, 02/11/2026",
      "Gợi ý: hỏi thăm, mời bác đến buổi học tới.",
      "Trả lời sai 5 lần ở bài Quét mã VietQR trả tiền an toàn",
      "Gợi ý: hỏi bác chỗ nào khó, rồi cùng xem lại bài này ở buổi học tới.",
    ]);
    expect(card(root, "Người học chưa đặt tên")).toEqual([
      "Người học chưa đặt tên",
      "Trả lời sai 4 lần ở bài Cuộc gọi mạo danh công an, thuế, điện lực",
      "Gợi ý: hỏi bác chỗ nào khó, rồi cùng xem lại bài này ở buổi học tới.",
    ]);
    expect(textOf(root)).toContain("Bạn phụ trách 2 tổ dân phố.");
    expect(textOf(root)).not.toContain("chưa đồng ý chia sẻ tiến độ");
    expect(api.calls.filter((c) => routeOf(c) === ROUTE)).toHaveLength(1);
  });

  it("says how many others need help without sharing their progress, as a number only", async () => {
    serverHas({ learners: [tu], notSharing: 3 });
    const root = await openPage();
    expect(root.querySelector(".note")?.textContent).toContain(
      "3 người khác cũng cần hỗ trợ nhưng chưa đồng ý chia sẻ tiến độ.",
    );
  });

  it("says kindly that nobody needs help when the list is empty", async () => {
    serverHas({ learners: [], notSharing: 0 });
    const root = await openPage();
    expect(headings(root)).toEqual(["Người cần hỗ trợ"]);
    expect(textOf(root)).toContain("Hiện chưa có ai cần hỗ trợ. Mọi người đang học đều, cảm ơn bạn đã đồng hành!");
  });

  it("does not say nobody needs help when only learners who do not share need it", async () => {
    serverHas({ learners: [], notSharing: 1 });
    const root = await openPage();
    expect(textOf(root)).toContain("1 người khác cũng cần hỗ trợ nhưng chưa đồng ý chia sẻ tiến độ.");
    expect(textOf(root)).not.toContain("Hiện chưa có ai cần hỗ trợ");
  });

  it("shows the reason when the list cannot be read, and reads it again on Thử lại", async () => {
    api.answerOnce.set(ROUTE, { status: 503, body: { error: { code: "unavailable", message: "busy" } } });
    const root = await openPage();
    expect(root.querySelector('[role="alert"]')?.textContent).toContain("Không tải được.");
    serverHas({ learners: [lan], notSharing: 0 });
    await click(getButton(root, "Thử lại"));
    await waitFor(() => expect(headings(root)).toContain("Bà Lan"));
  });

  it("tells an account without a staff role plainly, without asking for the list", async () => {
    api.staff = null;
    const root = await openPage();
    expect(textOf(root)).toContain("Tài khoản Zalo này chưa được phân quyền người hướng dẫn.");
    expect(api.calls.filter((c) => routeOf(c) === ROUTE)).toHaveLength(0);
  });

  it("names the ward office's scope for an admin", async () => {
    api.staff = { ...facilitatorOf(), role: "admin", policies: ["report:view"] };
    serverHas({ learners: [], notSharing: 0 });
    const root = await openPage();
    expect(textOf(root)).toContain("Bạn phụ trách cả phường.");
  });
});

// "Cho người hướng dẫn xem tiến độ" in Dữ liệu của tôi, against a real HTTP server answering as
// /api/v1/me does (test/api-server.ts; the answers that carry the share-progress decision are
// queued per test, as the bot server would give them).
import { act } from "react";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Me } from "@hocso/shared/api";
import { CONSENT_TEXT_VERSION } from "@hocso/shared/learner";
import { learnerStore } from "../../app/learner-store.ts";
import { recordConsents } from "../../app/sync.ts";
import { expectTrouble, route, startFakeApi, type FakeApi } from "../../test/api-server.ts";
import { freshDevice } from "../../test/device.ts";
import { cleanup, click, getButton, queryButton, renderAt, textOf, waitFor } from "../../test/render.tsx";
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
});
afterEach(cleanup);

const DECIDED = "2026-11-25T02:00:00.000Z";

function me(share: boolean | null, displayName: string | null = null): Me {
  return {
    displayName,
    tdpId: "to-1",
    audience: "nguoi-dan",
    ageBand: "60-tro-len",
    guardianConfirmed: false,
    consents: {
      progress: { granted: true, version: CONSENT_TEXT_VERSION, decidedAt: DECIDED },
      ...(share === null ? {} : { "share-progress": { granted: share, version: CONSENT_TEXT_VERSION, decidedAt: DECIDED } }),
    },
    certifiedOn: null,
    createdAt: DECIDED,
  };
}

/** The server answers the next request on `path` with this learner. */
function answers(path: string, learner: Me): void {
  expectTrouble(api, path, { kind: "answer", status: 200, body: learner });
}

async function withAccount(): Promise<void> {
  await recordConsents({ progress: true, reminders: false });
  api.calls = [];
}

async function open() {
  const root = await renderAt("/du-lieu-cua-toi", [{ path: "/du-lieu-cua-toi", element: <MyDataPage /> }]);
  await waitFor(() => expect(textOf(root)).not.toMatch(/Đang tải/));
  return root;
}

/** The share-progress choice: the consent row under its heading. */
function shareRow(root: HTMLElement): HTMLElement {
  const heading = [...root.querySelectorAll("h3")].find((h) => h.textContent === "Cho người hướng dẫn xem tiến độ");
  if (!heading?.parentElement) throw new Error("no share-progress row");
  return heading.parentElement;
}

function nameBox(root: HTMLElement): HTMLInputElement {
  const label = [...shareRow(root).querySelectorAll("label")].find(
    (l) => l.textContent === "Tên để người hướng dẫn nhận ra bác (không bắt buộc)",
  );
  const input = label && document.getElementById(label.htmlFor);
  if (!(input instanceof HTMLInputElement)) throw new Error("no name box with its label");
  return input;
}

async function typeInto(input: HTMLInputElement, value: string): Promise<void> {
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set?.call(input, value);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

const patches = () => api.calls.filter((c) => route(c) === "PATCH /api/v1/me").map((c) => c.body);

describe("Cho người hướng dẫn xem tiến độ", () => {
  it("says what the facilitator would see and that it needs the progress consent first, offering nothing to tick", async () => {
    const root = await open();
    const row = shareRow(root);
    expect(row.textContent).toContain(
      "Cho người hướng dẫn của tổ dân phố xem tiến độ học của tôi, để giúp tôi khi tôi gặp khó.",
    );
    expect(row.textContent).toContain("bài đang gặp khó và lần học gần nhất. Bác rút lại lúc nào cũng được.");
    expect(row.textContent).toContain("Cần đồng ý lưu tiến độ học ở trên trước");
    expect(row.querySelector("button, input")).toBeNull();
    expect(api.calls).toEqual([]);
  });

  it("is not given until the learner gives it: an empty name box and the button, never pre-ticked", async () => {
    await withAccount();
    const root = await open();
    expect(shareRow(root).textContent).toContain("Bác chưa đồng ý. Người hướng dẫn không thấy tên hay tiến độ học của bác.");
    expect(nameBox(root).value).toBe("");
    expect(shareRow(root).querySelector('input[type="checkbox"]')).toBeNull();
    expect(textOf(root)).toContain("Cho người hướng dẫn xem tiến độ: chưa chọn");
    expect(patches()).toEqual([]);
  });

  it("gives the consent on the current notice with the name typed, and shows what the facilitator sees", async () => {
    await withAccount();
    const root = await open();
    await typeInto(nameBox(root), "  Bà Lan,   tổ Giải Phóng ");
    answers("PATCH /api/v1/me", me(true, "Bà Lan, tổ Giải Phóng"));
    await click(getButton(root, "Đồng ý cho người hướng dẫn xem"));
    await waitFor(() => expect(shareRow(root).textContent).toContain("Bác đã đồng ý."));
    expect(patches()).toEqual([
      {
        consents: { "share-progress": true },
        consentVersion: CONSENT_TEXT_VERSION,
        displayName: "Bà Lan, tổ Giải Phóng",
      },
    ]);
    const row = shareRow(root);
    expect(row.textContent).toContain("Người hướng dẫn thấy tên bác là: Bà Lan, tổ Giải Phóng");
    expect(row.querySelector('[role="status"]')?.textContent).toBe("Đã ghi nhận sự đồng ý của bác.");
    expect(textOf(root)).toContain("Tên bác cho: Bà Lan, tổ Giải Phóng");
  });

  it("sends no name when the box is left empty, and says the facilitator sees none", async () => {
    await withAccount();
    const root = await open();
    answers("PATCH /api/v1/me", me(true));
    await click(getButton(root, "Đồng ý cho người hướng dẫn xem"));
    await waitFor(() => expect(shareRow(root).textContent).toContain("Bác đã đồng ý."));
    expect(patches()).toEqual([{ consents: { "share-progress": true }, consentVersion: CONSENT_TEXT_VERSION, displayName: null }]);
    expect(shareRow(root).textContent).toContain("Bác chưa cho tên, người hướng dẫn thấy: \u201cNgười học chưa đặt tên\u201d.");
  });

  it("withdraws only after saying what will happen, and the choice can be given again", async () => {
    await withAccount();
    answers("GET /api/v1/me", me(true, "Bà Lan"));
    const root = await open();
    await click(getButton(root, "Rút lại đồng ý cho người hướng dẫn xem"));
    const dialog = shareRow(root).querySelector('[role="alertdialog"]');
    expect(dialog?.textContent).toContain("người hướng dẫn sẽ không xem được tiến độ học của bác nữa, và tên bác đã cho được xóa");
    await click(getButton(root, "Không rút"));
    expect(patches()).toEqual([]);

    await click(getButton(root, "Rút lại đồng ý cho người hướng dẫn xem"));
    answers("PATCH /api/v1/me", me(false));
    await click(getButton(root, "Rút lại"));
    await waitFor(() => expect(shareRow(root).textContent).toContain("Bác chưa đồng ý."));
    expect(patches()).toEqual([{ consents: { "share-progress": false }, consentVersion: CONSENT_TEXT_VERSION }]);
    expect(shareRow(root).querySelector('[role="status"]')?.textContent).toBe("Đã rút lại.");
    getButton(root, "Đồng ý cho người hướng dẫn xem");
  });

  it("warns, when withdrawing progress, that the facilitator will stop seeing it too", async () => {
    await withAccount();
    answers("GET /api/v1/me", me(true));
    const root = await open();
    await click(getButton(root, "Rút lại đồng ý lưu tiến độ"));
    expect(root.querySelector('[role="alertdialog"]')?.textContent).toContain(
      "Người hướng dẫn cũng sẽ không xem được tiến độ học của bác nữa.",
    );
  });

  it("says plainly when the server refused, and keeps the choice as it was", async () => {
    await withAccount();
    const root = await open();
    expectTrouble(api, "PATCH /api/v1/me", {
      kind: "answer",
      status: 409,
      body: { error: { code: "conflict", message: "consents.share-progress needs the progress consent" } },
    });
    await click(getButton(root, "Đồng ý cho người hướng dẫn xem"));
    await waitFor(() => expect(shareRow(root).querySelector('[role="status"]')?.textContent).toMatch(/^Chưa ghi nhận được\./));
    expect(shareRow(root).textContent).toContain("Bác chưa đồng ý.");
    expect(queryButton(root, "Rút lại đồng ý cho người hướng dẫn xem")).toBeNull();
  });

  it("refuses a name longer than 80 characters before sending anything", async () => {
    await withAccount();
    const root = await open();
    await typeInto(nameBox(root), "Bà ".repeat(40));
    await click(getButton(root, "Đồng ý cho người hướng dẫn xem"));
    expect(shareRow(root).querySelector('[role="alert"]')?.textContent).toBe("Tên dài quá. Bác viết ngắn lại, dưới 80 chữ.");
    expect(nameBox(root).getAttribute("aria-invalid")).toBe("true");
    expect(patches()).toEqual([]);
  });
});

// Signing in and sending data over real HTTP: a small node:http server answers as our API and
// the Zalo sandbox do (test/api-server.ts) and records what the app sent. Outside Zalo zmp-sdk
// fails (the stub), so sign-in goes through the sandbox.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { expectTrouble, route, startFakeApi, type FakeApi } from "../test/api-server.ts";
import { freshDevice, stored } from "../test/device.ts";
import { cleanup, renderAt, textOf } from "../test/render.tsx";
import { AppPage } from "./layout.tsx";
import { questionAnswered, quizFinished } from "./learning-log.ts";
import { LEARNER_KEY } from "./learner-store.ts";
import { OUTBOX_KEY } from "./outbox.ts";
import { SANDBOX_USER_KEY, SESSION_KEY, sessionStore } from "./session-store.ts";
import { recordConsents, requestSync, saveProfile } from "./sync.ts";

vi.mock("zmp-sdk/apis", () => import("../test/zmp-sdk-stub.ts"));

let api: FakeApi;

beforeAll(async () => {
  api = await startFakeApi();
});
afterAll(() => api.close());

beforeEach(() => {
  freshDevice();
  api.reset();
});
afterEach(cleanup);

describe("with the progress consent", () => {
  it("signs in through the Zalo sandbox, keeps the session and records both consents with the notice version", async () => {
    const outcome = await recordConsents({ progress: true, reminders: true });

    expect(outcome).toEqual({ kind: "server" });
    expect(api.calls.map(route)).toEqual([
      "GET /api/v1/config",
      "POST /sandbox/users",
      "POST /api/v1/session",
      "PATCH /api/v1/me",
      "GET /api/v1/progress",
    ]);
    expect(api.calls[1]?.body).toEqual({ name: "Người học thử" });
    const userId = [...api.sandboxUsers][0];
    expect(api.calls[2]?.body).toEqual({ accessToken: `sandbox-${userId}-a` });
    expect(api.calls[3]).toMatchObject({
      auth: "Bearer session-" + api.sessions,
      body: { consents: { progress: true, reminders: true }, consentVersion: "2026-12-v3" },
    });
    expect(stored(SESSION_KEY)).toEqual({ token: `session-${api.sessions}`, expiresAt: expect.any(String) });
    expect(window.localStorage.getItem(SANDBOX_USER_KEY)).toBe(userId);
    expect(stored(LEARNER_KEY)).toMatchObject({ signedInVia: "sandbox", consents: { synced: true } });
  });

  it("shows the Sandbox badge in the header once signed in through the sandbox", async () => {
    const before = await renderAt("/", [{ path: "/", element: <AppPage title="Học Số">nội dung</AppPage> }]);
    expect(textOf(before)).not.toContain("Sandbox");
    cleanup();
    await recordConsents({ progress: true, reminders: false });
    const after = await renderAt("/", [{ path: "/", element: <AppPage title="Học Số">nội dung</AppPage> }]);
    expect(after.querySelector(".app-header")?.textContent).toContain("Sandbox");
  });

  it("asks the sandbox for a new token of the known test user, and makes a new user when it was forgotten", async () => {
    api.sandboxUsers.add("100000000000000042");
    window.localStorage.setItem(SANDBOX_USER_KEY, "100000000000000042");
    await recordConsents({ progress: true, reminders: false });
    expect(api.calls.map(route)).toContain("POST /sandbox/users/100000000000000042/tokens");
    expect(api.calls.map(route)).not.toContain("POST /sandbox/users");

    api.calls = [];
    sessionStore.clear();
    window.localStorage.setItem(SANDBOX_USER_KEY, "100000000000000099");
    await recordConsents({ progress: true, reminders: false });
    expect(api.calls.map(route).slice(0, 3)).toEqual([
      "GET /api/v1/config",
      "POST /sandbox/users/100000000000000099/tokens",
      "POST /sandbox/users",
    ]);
    expect(window.localStorage.getItem(SANDBOX_USER_KEY)).not.toBe("100000000000000099");
  });

  it("sends the learner's details and learning events, but nothing more once the age band is under 16", async () => {
    await recordConsents({ progress: true, reminders: false });
    api.calls = [];
    await saveProfile({ tdpId: "to-1", audience: "nguoi-dan", ageBand: "60-tro-len" });
    expect(api.calls.map((c) => [route(c), c.body])).toEqual([
      ["PATCH /api/v1/me", { tdpId: "to-1", audience: "nguoi-dan", ageBand: "60-tro-len" }],
    ]);

    api.calls = [];
    questionAnswered("cuoc-goi-la", { id: "q1", answer: 1 }, 0, "quiz");
    quizFinished("cuoc-goi-la", 3, 2, 3);
    await requestSync();
    expect(api.calls.map(route)).toContain("POST /api/v1/sync");
    expect([...api.events.values()].map((e) => e.type)).toEqual(["answer", "quiz-finished"]);
    expect(stored(OUTBOX_KEY)).toEqual([]);

    api.calls = [];
    expect(await saveProfile({ tdpId: "to-1", audience: "hoc-sinh", ageBand: "duoi-16" })).toEqual({ kind: "device" });
    quizFinished("cuoc-goi-la", 3, 3, 3);
    await requestSync();
    expect(api.calls).toEqual([]);
    expect(stored(OUTBOX_KEY)).toMatchObject([{ type: "quiz-finished", correct: 3 }]);
  });

  it("signs in again when the server no longer knows the session", async () => {
    await recordConsents({ progress: true, reminders: false });
    const first = api.sessions;
    expectTrouble(api, "POST /api/v1/sync", {
      kind: "answer",
      status: 401,
      body: { error: { code: "unauthorized", message: "session expired" } },
    });
    quizFinished("cuoc-goi-la", 3, 1, 3);
    await requestSync();
    expect(api.sessions).toBe(first + 1);
    expect(api.calls.at(-1)).toMatchObject({ path: "/api/v1/sync", auth: `Bearer session-${api.sessions}` });
    expect(api.events.size).toBe(1);
  });
});

describe("when something goes wrong", () => {
  it("turns the server's error body into Vietnamese that names the field", async () => {
    await recordConsents({ progress: true, reminders: false });
    expectTrouble(api, "PATCH /api/v1/me", {
      kind: "answer",
      status: 400,
      body: { error: { code: "bad_request", message: "Invalid body", fields: [{ path: "tdpId", message: "Unknown TDP" }] } },
    });
    const outcome = await saveProfile({ tdpId: "khong-co", audience: "nguoi-dan", ageBand: "16-59" });
    expect(outcome).toEqual({ kind: "failed", message: "Thông tin chưa đúng ở: tổ dân phố." });
    expect(stored(LEARNER_KEY)).toMatchObject({ profile: { tdpId: "khong-co", synced: false } });
  });

  it("keeps the consent on the phone and explains a lost connection plainly", async () => {
    const realFetch = globalThis.fetch;
    const offline = vi.spyOn(globalThis, "fetch").mockImplementation(() => Promise.reject(new TypeError("Failed to fetch")));
    try {
      const outcome = await recordConsents({ progress: true, reminders: false });
      expect(outcome).toEqual({
        kind: "failed",
        message: "Không kết nối được. Bác kiểm tra Wi-Fi hoặc 4G rồi thử lại.",
      });
      expect(stored(LEARNER_KEY)).toMatchObject({ onboarded: true, consents: { progress: true, synced: false } });
    } finally {
      offline.mockRestore();
    }
    expect(globalThis.fetch).toBe(realFetch);
  });
});

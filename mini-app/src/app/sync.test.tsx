// Signing in and sending data over real HTTP: a small node:http server answers as our API and
// the Zalo sandbox do (shared/src/api.ts, zalo-sandbox's control API), and records what the
// app sent. Outside Zalo zmp-sdk fails (the stub), so sign-in goes through the sandbox.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { freshDevice, stored } from "../test/device.ts";
import { cleanup, renderAt, textOf } from "../test/render.tsx";
import { AppPage } from "./layout.tsx";
import { LEARNER_KEY } from "./learner-store.ts";
import { PROGRESS_KEY, recordQuiz } from "./progress-store.ts";
import { SANDBOX_USER_KEY, SESSION_KEY, sessionStore } from "./session-store.ts";
import { recordConsents, saveProfile, syncLesson } from "./sync.ts";

vi.mock("zmp-sdk/apis", () => import("../test/zmp-sdk-stub.ts"));

interface Call {
  method: string;
  path: string;
  auth?: string;
  body: unknown;
}

let server: Server;
let origin: string;
let calls: Call[] = [];
let users: Set<string>;
let nextAnswer: { status: number; body: unknown } | null = null;
let sessions = 0;

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
    if (nextAnswer && path.startsWith("/api/v1/") && path !== "/api/v1/config" && path !== "/api/v1/session") {
      const answer = nextAnswer;
      nextAnswer = null;
      return send(answer.status, answer.body);
    }
    const tokenFor = path.match(/^\/sandbox\/users\/([^/]+)\/tokens$/);
    if (req.method === "GET" && path === "/api/v1/config") {
      return send(200, { wardName: "Phường Ba Ngòi", residentialGroups: [], sandbox: { url: `${origin}/` } });
    }
    if (req.method === "POST" && path === "/sandbox/users") {
      const id = String(100000000000000000 + users.size + 1);
      users.add(id);
      return send(201, { user: { id, name: (body as { name: string }).name }, accessToken: `sandbox-${id}-a`, expiresIn: 3600 });
    }
    if (req.method === "POST" && tokenFor) {
      const id = tokenFor[1] ?? "";
      if (!users.has(id)) return send(404, { error: { code: "not_found", message: `No sandbox user ${id}` } });
      return send(201, { user: { id, name: "Người học thử" }, accessToken: `sandbox-${id}-b`, expiresIn: 3600 });
    }
    if (req.method === "POST" && path === "/api/v1/session") {
      sessions += 1;
      return send(200, {
        token: `session-${sessions}`,
        expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
        me: {
          displayName: null,
          tdpId: null,
          audience: null,
          ageBand: null,
          guardianConfirmed: false,
          consents: {},
          createdAt: new Date().toISOString(),
        },
      });
    }
    if (req.method === "PATCH" && path === "/api/v1/me") return send(200, {});
    if (req.method === "PUT" && path.startsWith("/api/v1/progress/")) return send(200, {});
    return send(404, { error: { code: "not_found", message: "no route" } });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // the app calls its API on the origin that served it
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(`${origin}/`);
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  freshDevice();
  calls = [];
  users = new Set();
  nextAnswer = null;
});
afterEach(cleanup);

const route = (c: Call) => `${c.method} ${c.path}`;

describe("with the progress consent", () => {
  it("signs in through the Zalo sandbox, keeps the session and records both consents with the notice version", async () => {
    const outcome = await recordConsents({ progress: true, reminders: true });

    expect(outcome).toEqual({ kind: "server" });
    expect(calls.map(route)).toEqual(["GET /api/v1/config", "POST /sandbox/users", "POST /api/v1/session", "PATCH /api/v1/me"]);
    expect(calls[1]?.body).toEqual({ name: "Người học thử" });
    const userId = [...users][0];
    expect(calls[2]?.body).toEqual({ accessToken: `sandbox-${userId}-a` });
    expect(calls[3]).toMatchObject({
      auth: "Bearer session-" + sessions,
      body: { consents: { progress: true, reminders: true }, consentVersion: "2026-11-v1" },
    });
    expect(stored(SESSION_KEY)).toEqual({ token: `session-${sessions}`, expiresAt: expect.any(String) });
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
    users.add("100000000000000042");
    window.localStorage.setItem(SANDBOX_USER_KEY, "100000000000000042");
    await recordConsents({ progress: true, reminders: false });
    expect(calls.map(route)).toContain("POST /sandbox/users/100000000000000042/tokens");
    expect(calls.map(route)).not.toContain("POST /sandbox/users");

    calls = [];
    sessionStore.clear();
    window.localStorage.setItem(SANDBOX_USER_KEY, "100000000000000099");
    await recordConsents({ progress: true, reminders: false });
    expect(calls.map(route).slice(0, 3)).toEqual([
      "GET /api/v1/config",
      "POST /sandbox/users/100000000000000099/tokens",
      "POST /sandbox/users",
    ]);
    expect(window.localStorage.getItem(SANDBOX_USER_KEY)).not.toBe("100000000000000099");
  });

  it("sends the learner's details and progress, but nothing more once the age band is under 16", async () => {
    await recordConsents({ progress: true, reminders: false });
    calls = [];
    await saveProfile({ tdpId: "to-1", audience: "nguoi-dan", ageBand: "60-tro-len" });
    expect(calls.map((c) => [route(c), c.body])).toEqual([
      ["PATCH /api/v1/me", { tdpId: "to-1", audience: "nguoi-dan", ageBand: "60-tro-len" }],
    ]);

    calls = [];
    recordQuiz("cuoc-goi-la", 3, 2, 3);
    await syncLesson("cuoc-goi-la");
    expect(calls.map((c) => [route(c), c.body])).toEqual([
      ["PUT /api/v1/progress/cuoc-goi-la", { stepIndex: 3, completed: true, quiz: { correct: 2, total: 3 } }],
    ]);
    expect(stored(PROGRESS_KEY)).toMatchObject({ "cuoc-goi-la": { synced: true } });

    calls = [];
    expect(await saveProfile({ tdpId: "to-1", audience: "hoc-sinh", ageBand: "duoi-16" })).toEqual({ kind: "device" });
    recordQuiz("cuoc-goi-la", 3, 3, 3);
    expect(await syncLesson("cuoc-goi-la")).toEqual({ kind: "device" });
    expect(calls).toEqual([]);
  });

  it("signs in again when the server no longer knows the session", async () => {
    await recordConsents({ progress: true, reminders: false });
    const first = sessions;
    nextAnswer = { status: 401, body: { error: { code: "unauthorized", message: "session expired" } } };
    recordQuiz("cuoc-goi-la", 3, 1, 3);
    expect(await syncLesson("cuoc-goi-la")).toEqual({ kind: "server" });
    expect(sessions).toBe(first + 1);
    expect(calls.at(-1)).toMatchObject({ path: "/api/v1/progress/cuoc-goi-la", auth: `Bearer session-${sessions}` });
  });
});

describe("when something goes wrong", () => {
  it("turns the server's error body into Vietnamese that names the field", async () => {
    await recordConsents({ progress: true, reminders: false });
    nextAnswer = {
      status: 400,
      body: { error: { code: "bad_request", message: "Invalid body", fields: [{ path: "tdpId", message: "Unknown TDP" }] } },
    };
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

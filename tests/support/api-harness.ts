// The bot server's real app against a real Zalo sandbox on a free port, with a real SQLite
// file, for HTTP tests of the API. Nothing is mocked: sign-in goes through graph /v2.0/me.
import { startSandbox, type RunningSandbox } from "@hocso/zalo-sandbox/sandbox";
import { createTestApp, type TestApp, type TestAppOptions } from "@hocso/bot-server/testing/test-app";
import type { TestClock } from "@hocso/bot-server/testing/test-clock";
import { CONSENT_TEXT_VERSION, type ConsentPurpose } from "@hocso/shared/learner";
import request from "supertest";
import { saveStaff, type StaffRole } from "@hocso/bot-server/db/staff";

export const SANDBOX_APP_ID = "hocso-sandbox-app";
export const SANDBOX_APP_SECRET = "hocso-sandbox-secret";

export interface ApiHarness extends TestApp {
  sandbox: RunningSandbox;
  /** the sandbox's clock in epoch ms; move it to expire Zalo tokens */
  sandboxTime: { now: number };
  stop(): Promise<void>;
}

export interface SandboxToken {
  zaloId: string;
  /** the same person's OA-scoped id: sender.id of their messages to the OA */
  oaUserId: string;
  name: string;
  accessToken: string;
}

export interface SignedIn extends SandboxToken {
  /** our session token */
  token: string;
  status: number;
  body: Record<string, unknown>;
}

export async function startApiHarness(options: TestAppOptions = {}): Promise<ApiHarness> {
  const sandboxTime = { now: Date.now() };
  const sandbox = await startSandbox({
    port: 0,
    appId: SANDBOX_APP_ID,
    appSecret: SANDBOX_APP_SECRET,
    now: () => sandboxTime.now,
  });
  const app = createTestApp({ ...options, env: { ZALO_SANDBOX_URL: sandbox.url, ...options.env } });
  return {
    ...app,
    sandbox,
    sandboxTime,
    async stop() {
      app.close();
      await sandbox.close();
    },
  };
}

/**
 * A sandbox whose clock is our TestClock: what Zalo stamps (webhook events, message times) and
 * what the server compares agree; moving `sandboxTime.now` moves both.
 */
export async function startSandboxOnClock(
  clock: TestClock,
): Promise<{ sandbox: RunningSandbox; sandboxTime: { now: number } }> {
  const sandboxTime = {
    get now() {
      return clock.now().getTime();
    },
    set now(ms: number) {
      clock.advance(ms - clock.now().getTime());
    },
  };
  const sandbox = await startSandbox({
    port: 0,
    appId: SANDBOX_APP_ID,
    appSecret: SANDBOX_APP_SECRET,
    now: () => clock.now().getTime(),
  });
  return { sandbox, sandboxTime };
}

/** A new Zalo user in the sandbox and their access token, as the mini app would get it. */
export async function sandboxUser(h: ApiHarness, name = "Nguyễn Thị Lan"): Promise<SandboxToken> {
  const res = await fetch(`${h.sandbox.url}/sandbox/users`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ name }),
  });
  if (res.status !== 201) throw new Error(`sandbox refused a user: ${res.status}`);
  const body = (await res.json()) as { user: { id: string; name: string; oaUserId: string }; accessToken: string };
  return { zaloId: body.user.id, oaUserId: body.user.oaUserId, name: body.user.name, accessToken: body.accessToken };
}

/** Another access token for an existing sandbox user (the mini app opened again). */
export async function sandboxToken(h: ApiHarness, zaloId: string): Promise<string> {
  const res = await fetch(`${h.sandbox.url}/sandbox/users/${zaloId}/tokens`, { method: "POST" });
  return ((await res.json()) as { accessToken: string }).accessToken;
}

export async function signIn(h: ApiHarness, name?: string): Promise<SignedIn> {
  const user = await sandboxUser(h, name);
  const res = await request(h.app).post("/api/v1/session").send({ accessToken: user.accessToken });
  if (res.status !== 201) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...user, token: res.body.token as string, status: res.status, body: res.body as Record<string, unknown> };
}

/** A signed-in account made staff directly in the database, as `pnpm staff grant` would. */
export async function signInAsStaff(h: ApiHarness, name: string, role: StaffRole, tdpIds: string[]): Promise<SignedIn> {
  const person = await signIn(h, name);
  saveStaff(h.db, { userId: userIdOf(h, person), role, tdpIds, grantedBy: null }, h.clock.now());
  return person;
}

export function bearer(token: string): { Authorization: string } {
  return { Authorization: `Bearer ${token}` };
}

export type Table =
  | "users"
  | "sessions"
  | "consents"
  | "progress"
  | "learning_events"
  | "answer_attempts"
  | "weekly_classes"
  | "class_rsvps";

export function countRows(h: ApiHarness, table: Table): number {
  return (h.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

/** Gives (or withdraws) a consent through the API, on the current notice version. */
export async function decideConsent(
  h: ApiHarness,
  learner: SignedIn,
  purpose: ConsentPurpose = "progress",
  granted = true,
): Promise<void> {
  await request(h.app)
    .patch("/api/v1/me")
    .set(bearer(learner.token))
    .send({ consents: { [purpose]: granted }, consentVersion: CONSENT_TEXT_VERSION })
    .expect(200);
}

/** Our internal id of a signed-in learner, read from the database (never shown by the API). */
export function userIdOf(h: ApiHarness, learner: SignedIn): number {
  const row = h.db.prepare("SELECT id FROM users WHERE zalo_id = ?").get(learner.zaloId) as { id: number } | undefined;
  if (!row) throw new Error("no user row for this learner");
  return row.id;
}

/**
 * Every table that has a user_id column, found in sqlite_master at run time, so a table
 * added later is covered by the tests that use this without anyone remembering it.
 */
export function tablesWithUserId(h: ApiHarness): string[] {
  const rows = h.db
    .prepare(
      `SELECT m.name FROM sqlite_master m WHERE m.type = 'table'
         AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) c WHERE c.name = 'user_id') ORDER BY m.name`,
    )
    .all() as Array<{ name: string }>;
  return rows.map((r) => r.name);
}

/** One learner's rows in each table with a user_id, by table name. */
export function rowsOfUser(h: ApiHarness, userId: number): Record<string, unknown[]> {
  return Object.fromEntries(
    tablesWithUserId(h).map((table) => [table, h.db.prepare(`SELECT * FROM ${table} WHERE user_id = ?`).all(userId)]),
  );
}

// The bot server's real app against a real Zalo sandbox on a free port, with a real SQLite
// file, for HTTP tests of the API. Nothing is mocked: sign-in goes through graph /v2.0/me.
import { startSandbox, type RunningSandbox } from "@hocso/zalo-sandbox/sandbox";
import { createTestApp, type TestApp, type TestAppOptions } from "@hocso/bot-server/testing/test-app";
import request from "supertest";

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

/** A new Zalo user in the sandbox and their access token, as the mini app would get it. */
export async function sandboxUser(h: ApiHarness, name = "Nguyễn Thị Lan"): Promise<SandboxToken> {
  const res = await fetch(`${h.sandbox.url}/sandbox/users`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ name }),
  });
  if (res.status !== 201) throw new Error(`sandbox refused a user: ${res.status}`);
  const body = (await res.json()) as { user: { id: string; name: string }; accessToken: string };
  return { zaloId: body.user.id, name: body.user.name, accessToken: body.accessToken };
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

export function bearer(token: string): { Authorization: string } {
  return { Authorization: `Bearer ${token}` };
}

export function countRows(h: ApiHarness, table: "users" | "sessions" | "consents" | "progress"): number {
  return (h.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

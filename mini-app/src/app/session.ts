// Signing in to our server. Inside Zalo the access token comes from zmp-sdk; in a desktop
// browser the server may run against the local Zalo sandbox, and then the app asks the
// sandbox for a test user's token instead (DESIGN.md "The Zalo sandbox"). Either token goes
// to POST /api/v1/session; the session token we get back is kept under hocso:session.
import { z } from "zod";
import { ApiError } from "./api-client.ts";
import { createSession } from "./api/create-session.ts";
import { getConfig } from "./api/get-config.ts";
import { learnerStore } from "./learner-store.ts";
import { SANDBOX_USER_KEY, sessionStore, type StoredSession } from "./session-store.ts";
import { strings } from "./strings.ts";
import { deviceStorage, getZaloAccessToken, ZaloSignInError } from "./zalo.ts";

export const SANDBOX_USER_NAME = "Người học thử";

/** Leave a minute for the request that uses the token. */
const EXPIRY_MARGIN_MS = 60_000;

function usable(session: StoredSession | null, now: number): session is StoredSession {
  return session !== null && Date.parse(session.expiresAt) - EXPIRY_MARGIN_MS > now;
}

let signingIn: Promise<string> | null = null;

/** A valid session token, signing in first when there is none. */
export function ensureSession(): Promise<string> {
  const stored = sessionStore.get();
  if (usable(stored, Date.now())) return Promise.resolve(stored.token);
  // two saves right after another share one sign-in
  signingIn ??= signIn().finally(() => {
    signingIn = null;
  });
  return signingIn;
}

/**
 * Run a request with the session token; when the server says the token is no longer valid,
 * sign in once more and repeat.
 */
export async function withSession<T>(request: (token: string) => Promise<T>): Promise<T> {
  const token = await ensureSession();
  try {
    return await request(token);
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== "unauthorized") throw error;
    sessionStore.clear();
    return request(await ensureSession());
  }
}

async function signIn(): Promise<string> {
  const { accessToken, via } = await zaloOrSandboxToken();
  const session = await createSession(accessToken);
  sessionStore.set({ token: session.token, expiresAt: session.expiresAt });
  learnerStore.set((learner) => ({ ...learner, signedInVia: via }));
  return session.token;
}

async function zaloOrSandboxToken(): Promise<{ accessToken: string; via: "zalo" | "sandbox" }> {
  try {
    const zaloToken = await getZaloAccessToken();
    if (zaloToken) return { accessToken: zaloToken, via: "zalo" };
  } catch (error) {
    if (error instanceof ZaloSignInError) throw new ApiError(strings.errors.zaloSignIn, "sign_in", 0);
    throw error;
  }
  const config = await getConfig();
  if (!config.sandbox) throw new ApiError(strings.errors.noSignIn, "sign_in", 0);
  return { accessToken: await sandboxAccessToken(config.sandbox.url), via: "sandbox" };
}

const SandboxTokenSchema = z.object({ accessToken: z.string().min(1) });
const SandboxUserSchema = SandboxTokenSchema.extend({ user: z.object({ id: z.string().min(1) }) });

/**
 * A token from the Zalo sandbox for this browser's test user: a new token for the user made
 * on an earlier visit, or a new user when there is none (or the sandbox forgot it).
 */
async function sandboxAccessToken(sandboxUrl: string): Promise<string> {
  const base = sandboxUrl.replace(/\/+$/, "");
  const knownId = deviceStorage.getItem(SANDBOX_USER_KEY);
  if (knownId) {
    const answer = await sandboxPost(`${base}/sandbox/users/${encodeURIComponent(knownId)}/tokens`);
    if (answer.ok) return parseSandbox(SandboxTokenSchema, await answer.json()).accessToken;
    if (answer.status !== 404) throw sandboxFailure(answer.status);
  }
  const answer = await sandboxPost(`${base}/sandbox/users`, { name: SANDBOX_USER_NAME });
  if (!answer.ok) throw sandboxFailure(answer.status);
  const created = parseSandbox(SandboxUserSchema, await answer.json());
  deviceStorage.setItem(SANDBOX_USER_KEY, created.user.id);
  return created.accessToken;
}

async function sandboxPost(url: string, body?: unknown): Promise<Response> {
  try {
    return await fetch(url, {
      method: "POST",
      headers: body === undefined ? {} : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(strings.errors.network, "network", 0);
  }
}

function parseSandbox<T>(schema: z.ZodType<T>, payload: unknown): T {
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    console.error("unexpected answer from the Zalo sandbox", parsed.error.issues);
    throw new ApiError(strings.errors.unexpected, "unexpected", 200);
  }
  return parsed.data;
}

function sandboxFailure(status: number): ApiError {
  console.error(`the Zalo sandbox answered ${status}`);
  return new ApiError(strings.errors.upstream, "upstream", status);
}

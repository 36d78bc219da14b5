// The bot server listening on a real port with the Zalo sandbox posting signed webhook events
// to it, both on the same test clock: residents act through the sandbox's control API, the
// bot's replies land in the sandbox's conversations. Also signs events by hand for the
// signature tests, and waits for an event's inbox row to be handled.
import { createHash } from "node:crypto";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { findInboxEventByKey, type InboxRow } from "@hocso/bot-server/db/webhook-inbox";
import { createLogger, type Logger } from "@hocso/bot-server/lib/logger";
import { createTestApp, type TestAppOptions } from "@hocso/bot-server/testing/test-app";
import { TestClock } from "@hocso/bot-server/testing/test-clock";
import request from "supertest";
import { SANDBOX_APP_ID, sandboxUser, startSandboxOnClock, type ApiHarness, type SandboxToken } from "./api-harness.ts";

/** The sandbox's Official Account defaults, which the bot server's sandbox mode also uses. */
export const SANDBOX_OA_ID = "2000000000000000001";
export const SANDBOX_OA_SECRET_KEY = "hocso-sandbox-oa-secret";
export const WEBHOOK = "/webhooks/zalo-oa";

export interface WebhookHarness extends ApiHarness {
  /** the bot server's base URL on its real port */
  baseUrl: string;
}

export async function startWebhookHarness(options: TestAppOptions = {}): Promise<WebhookHarness> {
  const clock = options.clock ?? new TestClock();
  // The sandbox stamps events with our clock, so the webhook's freshness check sees them as new.
  const { sandbox, sandboxTime } = await startSandboxOnClock(clock);
  const app = createTestApp({ ...options, clock, env: { ZALO_SANDBOX_URL: sandbox.url, ...options.env } });
  const server = await listen(app.app);
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  sandbox.setWebhookUrl(`${baseUrl}${WEBHOOK}`);
  return {
    ...app,
    sandbox,
    sandboxTime,
    baseUrl,
    async stop() {
      await closeServer(server);
      await sandbox.close();
      app.close();
    },
  };
}

function listen(app: ApiHarness["app"]): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(0, "127.0.0.1", (err?: Error) => (err ? reject(err) : resolve(server)));
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((err) => (err ? reject(err) : resolve()));
    server.closeAllConnections();
  });
}

// ---- residents acting through the sandbox ----------------------------------------------

export type Resident = SandboxToken;

export interface Delivery {
  status: number | null;
  body: unknown;
  durationMs: number;
  error?: string;
}

export interface SentEvent {
  event: Record<string, unknown> & { timestamp: string; message?: { msg_id: string; text: string } };
  delivery: Delivery;
  redeliveries: Delivery[];
}

/** A new sandbox user: a resident of the ward with a Zalo account. */
export function newResident(h: ApiHarness, name?: string): Promise<Resident> {
  return sandboxUser(h, name);
}

async function control(h: ApiHarness, path: string, body: unknown = {}): Promise<SentEvent> {
  const res = await fetch(`${h.sandbox.url}/sandbox${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`sandbox refused ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as SentEvent;
}

export interface SendOptions {
  redeliver?: number;
  signWith?: string;
  timestampOffsetMs?: number;
}

/** The resident types a message to the ward's OA; resolves once the webhook answered. */
export function writes(h: ApiHarness, who: Resident, text: string, options: SendOptions = {}): Promise<SentEvent> {
  return control(h, `/oa/users/${who.zaloId}/messages`, { text, ...options });
}

/** The resident presses an oa.query button, which sends its payload as their message. */
export function presses(h: ApiHarness, who: Resident, payload: string): Promise<SentEvent> {
  return control(h, `/oa/users/${who.zaloId}/press`, { payload });
}

export function follows(h: ApiHarness, who: Resident): Promise<SentEvent> {
  return control(h, `/oa/users/${who.zaloId}/follow`);
}

export function unfollows(h: ApiHarness, who: Resident): Promise<SentEvent> {
  return control(h, `/oa/users/${who.zaloId}/unfollow`);
}

export function submitsInfo(h: ApiHarness, who: Resident, info: { name?: string; phone?: string }): Promise<SentEvent> {
  return control(h, `/oa/users/${who.zaloId}/submit-info`, info);
}

export function writesInGroup(h: ApiHarness, groupId: string, who: Resident, text: string): Promise<SentEvent> {
  return control(h, `/oa/groups/${groupId}/messages`, { userId: who.zaloId, text });
}

export interface ConversationEntry {
  /** "oa→group": the OA's message in a group */
  direction: "user→oa" | "oa→user" | "oa→group";
  text: string;
  buttons?: Array<{ title: string; type: string; payload: string }>;
  msgId: string;
}

export async function conversation(h: ApiHarness, who: Resident): Promise<ConversationEntry[]> {
  const res = await fetch(`${h.sandbox.url}/sandbox/oa/users/${who.zaloId}/conversation`);
  return (await res.json()) as ConversationEntry[];
}

export async function groupConversation(h: ApiHarness, groupId: string): Promise<ConversationEntry[]> {
  const res = await fetch(`${h.sandbox.url}/sandbox/oa/groups/${groupId}/conversation`);
  return (await res.json()) as ConversationEntry[];
}

/** What the OA posted in the group, oldest first. */
export async function groupPosts(h: ApiHarness, groupId: string): Promise<ConversationEntry[]> {
  return (await groupConversation(h, groupId)).filter((e) => e.direction === "oa→group");
}

/** A resident writes in the group and the bot handles it; resolves with what the OA posted there in answer. */
export async function askInGroup(h: ApiHarness, groupId: string, who: Resident, text: string): Promise<ConversationEntry[]> {
  const before = (await groupPosts(h, groupId)).length;
  const row = await settled(h, keyOf(await writesInGroup(h, groupId, who, text)));
  if (row.state !== "handled") throw new Error(`handling failed: ${row.failure}`);
  return (await groupPosts(h, groupId)).slice(before);
}

/** What the OA said to the resident, oldest first. */
export async function botReplies(h: ApiHarness, who: Resident): Promise<ConversationEntry[]> {
  return (await conversation(h, who)).filter((e) => e.direction === "oa→user");
}

// ---- the inbox ---------------------------------------------------------------------------

/** The inbox key of an event the sandbox sent. */
export function keyOf(sent: SentEvent): string {
  const msgId = sent.event.message?.msg_id;
  if (msgId) return `msg:${msgId}`;
  const who = (sent.event.sender as { id?: string } | undefined)?.id ?? (sent.event.follower as { id: string }).id;
  const hash = createHash("sha256").update(`${String(sent.event.event_name)}\n${who}\n${sent.event.timestamp}`);
  return `sha256:${hash.digest("hex")}`;
}

/** Waits until the event's inbox row is handled or failed (handling runs after the 200). */
export async function settled(h: ApiHarness, key: string, timeoutMs = 10_000): Promise<InboxRow> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = findInboxEventByKey(h.db, key);
    if (row && row.state !== "received") return row;
    if (Date.now() > deadline) {
      throw new Error(`inbox row ${key} still ${row?.state ?? "missing"} after ${timeoutMs} ms`);
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The resident writes, the bot handles it; resolves with the bot's replies to that message. */
export async function ask(h: ApiHarness, who: Resident, text: string): Promise<ConversationEntry[]> {
  const before = (await botReplies(h, who)).length;
  const sent = await writes(h, who, text);
  if (sent.delivery.status !== 200) throw new Error(`webhook answered ${sent.delivery.status}`);
  const row = await settled(h, keyOf(sent));
  if (row.state !== "handled") throw new Error(`handling failed: ${row.failure}`);
  return (await botReplies(h, who)).slice(before);
}

/** As ask, but pressing a button. */
export async function press(h: ApiHarness, who: Resident, payload: string): Promise<ConversationEntry[]> {
  const before = (await botReplies(h, who)).length;
  const sent = await presses(h, who, payload);
  const row = await settled(h, keyOf(sent));
  if (row.state !== "handled") throw new Error(`handling failed: ${row.failure}`);
  return (await botReplies(h, who)).slice(before);
}

export function inboxCount(h: ApiHarness): number {
  return (h.db.prepare("SELECT count(*) AS n FROM webhook_inbox").get() as { n: number }).n;
}

// ---- signing by hand ---------------------------------------------------------------------

export interface SignOptions {
  /** the id the signed string starts with; default the sandbox app id */
  leadingId?: string;
  /** default the sandbox OA secret key */
  secret?: string;
  /** default the body's timestamp */
  timestamp?: string;
}

/** mac = sha256(leadingId + body + timestamp + secret), written here independently of the server. */
export function sign(rawBody: string | Buffer, options: SignOptions & { timestamp: string }): string {
  const mac = createHash("sha256")
    .update(options.leadingId ?? SANDBOX_APP_ID)
    .update(rawBody)
    .update(options.timestamp)
    .update(options.secret ?? SANDBOX_OA_SECRET_KEY)
    .digest("hex");
  return `mac=${mac}`;
}

/** A user_send_text event as Zalo would send it, stamped at the test clock's now (or `at`). */
export function textEvent(
  h: ApiHarness,
  fields: { oaUserId?: string; text?: string; msgId?: string; at?: number; userIdByApp?: string } = {},
): Record<string, unknown> {
  return {
    app_id: SANDBOX_APP_ID,
    ...(fields.userIdByApp ? { user_id_by_app: fields.userIdByApp } : {}),
    event_name: "user_send_text",
    timestamp: String(fields.at ?? h.clock.now().getTime()),
    sender: { id: fields.oaUserId ?? "3000000000000000001" },
    recipient: { id: SANDBOX_OA_ID },
    message: { text: fields.text ?? "lịch học", msg_id: fields.msgId ?? randomMsgId() },
  };
}

let msgCounter = 0;
function randomMsgId(): string {
  msgCounter += 1;
  return `${Date.now().toString(16)}${msgCounter.toString(16).padStart(6, "0")}`;
}

/** POSTs a body to the webhook with a signature made by `sign` (or the header given). */
export function postSigned(
  h: ApiHarness,
  body: Record<string, unknown> | string,
  options: SignOptions & { header?: string | null; timestampHeader?: string } = {},
) {
  const raw = typeof body === "string" ? body : JSON.stringify(body);
  const timestamp =
    options.timestamp ?? options.timestampHeader ?? String((body as { timestamp?: unknown }).timestamp ?? "");
  const req = request(h.app).post(WEBHOOK).set("Content-Type", "application/json");
  const header = options.header === undefined ? sign(raw, { ...options, timestamp }) : options.header;
  if (header !== null) req.set("X-ZEvent-Signature", header);
  if (options.timestampHeader) req.set("X-ZEvent-Timestamp", options.timestampHeader);
  return req.send(raw);
}

// ---- logs ----------------------------------------------------------------------------------

export interface CapturedLogs {
  logger: Logger;
  /** every line logged so far, parsed */
  lines(): Array<Record<string, unknown>>;
  /** everything logged so far as one string, to search for what must not be there */
  text(): string;
}

/** A real logger at info level whose lines the test can read. */
export function captureLogs(): CapturedLogs {
  const raw: string[] = [];
  const logger = createLogger("info", { write: (line: string) => void raw.push(line) });
  return {
    logger,
    lines: () => raw.map((l) => JSON.parse(l) as Record<string, unknown>),
    text: () => raw.join(""),
  };
}

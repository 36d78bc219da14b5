// The outbox sender against a real Zalo sandbox: the bot server's real database and config, its
// channel adapters and OA token manager, and a sender driven round by round. Zalo's clock (the
// sandbox's) follows our TestClock, so what Zalo timestamps and what we compare agree.
import { enqueueOutbox, findOutboxRow, type NewOutboxMessage, type OutboxRow } from "@hocso/bot-server/db/outbox";
import {
  createChannelAdapters,
  createOaTokenManager,
  type ChannelAdapters,
} from "@hocso/bot-server/features/delivery/channel-adapters";
import { createOutboxSender, type OutboxSender } from "@hocso/bot-server/features/delivery/outbox-sender";
import type { OaTokenManager } from "@hocso/bot-server/platform/oa-token-manager";
import { createTestApp, type TestAppOptions } from "@hocso/bot-server/testing/test-app";
import { TestClock } from "@hocso/bot-server/testing/test-clock";
import type { QuietHours } from "@hocso/shared/quiet-hours";
import { startWebhookReceiver } from "@hocso/zalo-sandbox/testing/webhook-receiver";
import { startSandboxOnClock, type ApiHarness } from "./api-harness.ts";
import { captureLogs, type CapturedLogs } from "./webhook-harness.ts";

export const QUIET: QuietHours = { start: "21:00", end: "06:30" };

export interface DeliveryHarness extends ApiHarness {
  sender: OutboxSender;
  tokens: OaTokenManager;
  channels: ChannelAdapters;
  logs: CapturedLogs;
  /** the quiet hours the sender reads; a test may change them */
  quiet: QuietHours;
  /** A new token manager, adapters and sender on the same database: the process restarted. */
  restart(): OutboxSender;
}

export interface DeliveryHarnessOptions extends TestAppOptions {
  /** the jitter's draw; 0.5 by default, so backoffs are predictable */
  random?: () => number;
}

export async function startDeliveryHarness(options: DeliveryHarnessOptions = {}): Promise<DeliveryHarness> {
  const clock = options.clock ?? new TestClock();
  const { sandbox, sandboxTime } = await startSandboxOnClock(clock);
  // Residents write to the OA to open their 7-day window; the webhook that Zalo calls then is
  // not what these tests are about, so a bare receiver answers it.
  const webhook = await startWebhookReceiver();
  sandbox.setWebhookUrl(webhook.url);
  const app = createTestApp({ ...options, clock, env: { ZALO_SANDBOX_URL: sandbox.url, ...options.env } });
  const logs = captureLogs();
  const h = {
    ...app,
    sandbox,
    sandboxTime,
    logs,
    quiet: { ...QUIET },
  } as DeliveryHarness;
  const build = () => {
    const deps = { config: app.config, db: app.db, clock, logger: logs.logger };
    const tokens = createOaTokenManager(deps);
    const channels = createChannelAdapters({ ...deps, tokens });
    const sender = createOutboxSender({
      db: app.db,
      clock,
      logger: logs.logger,
      channels,
      limits: app.config.delivery,
      quietHours: () => h.quiet,
      random: options.random ?? (() => 0.5),
    });
    Object.assign(h, { tokens, channels, sender });
    return sender;
  };
  build();
  h.restart = build;
  h.stop = async () => {
    await h.sender.stop();
    sandbox.sandbox.releaseHeldRequests();
    await sandbox.close();
    await webhook.close();
    app.close();
  };
  return h;
}

// ---- the outbox ------------------------------------------------------------------------------

let keys = 0;

/** Puts a message in the outbox, due now unless said otherwise, as a planner would. */
export function enqueue(h: DeliveryHarness, message: Partial<NewOutboxMessage> & { text?: string }): number {
  keys += 1;
  const { text, ...fields } = message;
  return enqueueOutbox(
    h.db,
    {
      dedupeKey: `broadcast:test-${keys}:tdp`,
      kind: "broadcast",
      channel: "sandbox",
      recipient: "sandbox-giai-phong",
      message: { text: text ?? `Thông báo số ${keys}` },
      dueAt: h.clock.now(),
      ...fields,
    },
    h.clock.now(),
  ).id;
}

export function outboxRow(h: DeliveryHarness, id: number): OutboxRow {
  const row = findOutboxRow(h.db, id);
  if (!row) throw new Error(`no outbox row ${id}`);
  return row;
}

// ---- the sandbox's control API ---------------------------------------------------------------

async function control(h: ApiHarness, method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${h.sandbox.url}/sandbox${path}`, {
    method,
    headers: { "Content-Type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const answer = (await res.json()) as unknown;
  if (!res.ok) throw new Error(`sandbox ${method} ${path} answered ${res.status}: ${JSON.stringify(answer)}`);
  return answer;
}

export interface GroupSettings {
  name?: string;
  oaInGroup?: boolean;
  status?: "enabled" | "disabled";
}

/** An OA-owned group (GMF) as a ward admin would have made it in OA Manager. */
export async function putGroup(h: ApiHarness, groupId: string, settings: GroupSettings = {}): Promise<void> {
  await control(h, "PUT", `/oa/groups/${groupId}`, { name: settings.name ?? `Nhóm ${groupId}`, ...settings });
}

export interface GroupEntry {
  direction: string;
  text: string;
  msgId: string;
  at: string;
}

/** What residents see in the group, oldest first. */
export async function groupMessages(h: ApiHarness, groupId: string): Promise<GroupEntry[]> {
  return (await control(h, "GET", `/oa/groups/${groupId}/conversation`)) as GroupEntry[];
}

export interface FaultSpec {
  endpoint: "oa.group.message" | "oa.message.cs" | "oa.group.conversation" | "oauth.access_token" | "miniapp.notification" | "*";
  kind: "http-500" | "http-503" | "timeout" | "slow" | "zalo-32" | "zalo-216" | "zalo-220" | "zalo-403" | "zalo-237" | "zalo-230";
  times?: number | null;
  delayMs?: number;
  groupId?: string;
  userId?: string;
}

export async function injectFault(h: ApiHarness, fault: FaultSpec): Promise<void> {
  await control(h, "POST", "/faults", fault);
}

/** An OA admin removed the app's access: every OA access token answers -216. */
export async function revokeOaTokens(h: ApiHarness): Promise<void> {
  await control(h, "POST", "/oa/tokens/revoke", {});
}

/** How many times Zalo refreshed the OA's token. */
export async function oaRefreshes(h: ApiHarness): Promise<number> {
  return ((await control(h, "GET", "/oa/tokens")) as { refreshes: number }).refreshes;
}

export async function setSandboxLimits(h: ApiHarness, limits: { appPerMinute?: number; groupPerMinute?: number | null }): Promise<void> {
  await control(h, "PUT", "/limits", limits);
}

export interface UserEntry {
  direction: "user→oa" | "oa→user" | "miniapp→user";
  text: string;
  msgId: string;
  buttons?: Array<{ title: string; type: string; payload: string }>;
  /** a mini app notification's template fields */
  notification?: Record<string, string>;
}

/** A resident's chat with the OA and their mini app notices, oldest first. */
export async function userMessages(h: ApiHarness, zaloId: string): Promise<UserEntry[]> {
  return (await control(h, "GET", `/oa/users/${zaloId}/conversation`)) as UserEntry[];
}

// The Zalo sandbox: a local HTTP server that answers like Zalo's APIs (DESIGN.md "The Zalo
// sandbox"). The bot server reaches it by URL only; it never imports this package.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { controlErrorHandler, notFound } from "./control/control-error.ts";
import { faultRoutes } from "./control/faults.ts";
import { limitRoutes, PER_MINUTE_MAX } from "./control/limits.ts";
import { oaConversationRoutes } from "./control/oa-conversations.ts";
import { oaEventRoutes } from "./control/oa-events.ts";
import { oaGroupRoutes } from "./control/oa-groups.ts";
import { oaTokenRoutes } from "./control/oa-tokens.ts";
import { allowAnyOrigin, userRoutes } from "./control/users.ts";
import {
  DEFAULT_MINIAPP_API_KEY,
  DEFAULT_OA_ACCESS_TOKEN,
  DEFAULT_OA_ID,
  DEFAULT_OA_NAME,
  DEFAULT_OA_REFRESH_TOKEN,
  DEFAULT_OA_SECRET_KEY,
} from "./defaults.ts";
import { combineGuards } from "./endpoint-guards.ts";
import { faultGuards } from "./faults/fault-guard.ts";
import { FaultRegistry } from "./faults/fault-registry.ts";
import { HeldRequests } from "./faults/held-requests.ts";
import { meRoutes } from "./graph/me.ts";
import { GROUP_STATUSES, type GroupStatus } from "./groups.ts";
import { GROUP_ID } from "./ids.ts";
import { DEFAULT_RATE_LIMITS, RateLimiter, rateLimitGuards, type RateLimits } from "./limits/rate-limiter.ts";
import { miniAppRoutes } from "./miniapp/notification.ts";
import { oaRoutes } from "./oa/oa-routes.ts";
import { oauthRoutes } from "./oauth/oa-token-refresh.ts";
import { SandboxStore } from "./store.ts";
import { homePageRoutes } from "./web/home-page.ts";
import { PageNotes } from "./web/page-notes.ts";
import { WebhookSender } from "./webhook/webhook-sender.ts";

export type { GroupStatus } from "./groups.ts";
export type { RateLimits } from "./limits/rate-limiter.ts";

export interface RateLimitOptions {
  /** OA API calls per app per minute (default 4000, ZALO.md §1.6) */
  appPerMinute?: number | undefined;
  /** OA API calls naming one group, per minute; null or absent: no limit */
  groupPerMinute?: number | null | undefined;
}

/** A GMF group to register at start, unless the state file already has it. */
export interface GroupSeed {
  groupId: string;
  name: string;
  /** default true */
  oaInGroup?: boolean | undefined;
  /** default "enabled" */
  status?: GroupStatus | undefined;
}

export interface SandboxOptions {
  appId: string;
  appSecret: string;
  /** JSON file for users, tokens, groups and conversations; without it the sandbox forgets everything on exit */
  statePath?: string | undefined;
  /** epoch milliseconds; tests pass their own to expire tokens and close 7-day windows */
  now?: () => number;
  /** the Official Account it plays (default 2000000000000000001) */
  oaId?: string | undefined;
  /** signs webhook events (default hocso-sandbox-oa-secret) */
  oaSecretKey?: string | undefined;
  /** the first OA access token, valid for 25 h from the start (default hocso-sandbox-oa-token) */
  oaAccessToken?: string | undefined;
  /** the seed OA refresh token, accepted every time (default hocso-sandbox-oa-refresh) */
  oaRefreshToken?: string | undefined;
  /** the Mini App's API key for notifications (default hocso-sandbox-miniapp-key) */
  miniAppApiKey?: string | undefined;
  rateLimits?: RateLimitOptions | undefined;
  groups?: GroupSeed[] | undefined;
  /** where webhook events go; without it, sending one answers 409 */
  webhookUrl?: string | undefined;
}

export interface Sandbox {
  app: express.Express;
  store: SandboxStore;
  oaId: string;
  faults: FaultRegistry;
  limiter: RateLimiter;
  /** where webhook events go from now on; undefined stops sending */
  setWebhookUrl(url: string | undefined): void;
  /** Cuts every request a `timeout` or `slow` fault is holding, and any it would hold later. */
  releaseHeldRequests(): void;
}

export function createSandbox(options: SandboxOptions): Sandbox {
  const now = options.now ?? Date.now;
  const store = new SandboxStore({
    statePath: options.statePath,
    now,
    oaAccessToken: options.oaAccessToken ?? DEFAULT_OA_ACCESS_TOKEN,
    oaRefreshToken: options.oaRefreshToken ?? DEFAULT_OA_REFRESH_TOKEN,
  });
  seedGroups(store, options.groups ?? []);
  const oa = { appId: options.appId, oaId: options.oaId ?? DEFAULT_OA_ID };
  const webhook = new WebhookSender({
    appId: options.appId,
    oaSecretKey: options.oaSecretKey ?? DEFAULT_OA_SECRET_KEY,
    url: options.webhookUrl,
  });
  const notes = new PageNotes();
  const limiter = new RateLimiter(rateLimits(options.rateLimits), now);
  const faults = new FaultRegistry();
  const held = new HeldRequests();
  const guards = combineGuards(rateLimitGuards(limiter, store), faultGuards(faults, held, store));
  const app = express();
  app.disable("x-powered-by");

  app.use(homePageRoutes({ store, oa, now, webhook, notes, faults, limiter }));
  app.use(meRoutes({ store, appSecret: options.appSecret, guards }));
  app.use(oauthRoutes({ store, appId: options.appId, appSecret: options.appSecret, guards }));
  app.use(oaRoutes({ store, now, oa: { oaId: oa.oaId, name: DEFAULT_OA_NAME }, guards }));
  app.use(miniAppRoutes({ store, now, apiKey: options.miniAppApiKey ?? DEFAULT_MINIAPP_API_KEY, guards }));
  app.use(
    "/sandbox",
    allowAnyOrigin,
    express.json({ limit: "16kb" }),
    userRoutes(store),
    oaEventRoutes({ store, oa, now, webhook, notes }),
    oaConversationRoutes(store),
    oaGroupRoutes(store),
    oaTokenRoutes(store),
    limitRoutes(limiter),
    faultRoutes(faults),
  );
  app.use(notFound);
  app.use(controlErrorHandler);
  return {
    app,
    store,
    oaId: oa.oaId,
    faults,
    limiter,
    setWebhookUrl: (url) => webhook.setUrl(url),
    releaseHeldRequests: () => held.releaseAll(),
  };
}

function rateLimits(options: RateLimitOptions = {}): RateLimits {
  const limits: RateLimits = {
    appPerMinute: options.appPerMinute ?? DEFAULT_RATE_LIMITS.appPerMinute,
    groupPerMinute: options.groupPerMinute ?? DEFAULT_RATE_LIMITS.groupPerMinute,
  };
  for (const [name, value] of Object.entries(limits)) {
    if (value !== null && !(Number.isInteger(value) && value >= 1 && value <= PER_MINUTE_MAX)) {
      throw new Error(`rateLimits.${name} must be a whole number from 1 to ${PER_MINUTE_MAX}, got ${String(value)}`);
    }
  }
  return limits;
}

function seedGroups(store: SandboxStore, seeds: GroupSeed[]): void {
  for (const seed of seeds) {
    if (!GROUP_ID.test(seed.groupId)) throw new Error(`groups: ${seed.groupId} is not 1–64 letters, digits, _ or -`);
    if (seed.status !== undefined && !GROUP_STATUSES.includes(seed.status)) {
      throw new Error(`groups: ${seed.groupId} has status ${String(seed.status)}; use "enabled" or "disabled"`);
    }
    if (store.findGroup(seed.groupId)) continue;
    store.putGroup(seed.groupId, {
      name: seed.name,
      oaInGroup: seed.oaInGroup ?? true,
      status: seed.status ?? "enabled",
    });
  }
}

export interface StartSandboxOptions extends SandboxOptions {
  /** 0 picks a free port (tests) */
  port: number;
  host?: string;
}

export interface RunningSandbox {
  /** base URL without a trailing slash, e.g. http://127.0.0.1:3900 */
  url: string;
  sandbox: Sandbox;
  /** where webhook events go from now on, e.g. once the bot server under test has a port */
  setWebhookUrl(url: string | undefined): void;
  close(): Promise<void>;
}

export async function startSandbox(options: StartSandboxOptions): Promise<RunningSandbox> {
  const sandbox = createSandbox(options);
  const host = options.host ?? "127.0.0.1";
  const server = await listen(sandbox.app, options.port, host);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    sandbox,
    setWebhookUrl: sandbox.setWebhookUrl,
    close: () => closeServer(server, sandbox),
  };
}

function listen(app: express.Express, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (err?: Error) => (err ? reject(err) : resolve(server)));
  });
}

/**
 * Stops accepting, cuts requests held by faults, drops idle keep-alive sockets, and resolves
 * once every connection is gone.
 */
function closeServer(server: Server, sandbox: Sandbox): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((err) => (err ? reject(err) : resolve()));
    sandbox.releaseHeldRequests();
    server.closeIdleConnections();
  });
}

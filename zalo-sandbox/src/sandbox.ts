// The Zalo sandbox: a local HTTP server that answers like Zalo's APIs (DESIGN.md "The Zalo
// sandbox"). The bot server reaches it by URL only; it never imports this package.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { allowAnyOrigin, userRoutes } from "./control/users.ts";
import { controlErrorHandler, notFound } from "./control/control-error.ts";
import { oaConversationRoutes } from "./control/oa-conversations.ts";
import { oaEventRoutes } from "./control/oa-events.ts";
import { DEFAULT_OA_ACCESS_TOKEN, DEFAULT_OA_ID, DEFAULT_OA_SECRET_KEY } from "./defaults.ts";
import { noGuards } from "./endpoint-guards.ts";
import { meRoutes } from "./graph/me.ts";
import { oaRoutes } from "./oa/oa-routes.ts";
import { SandboxStore } from "./store.ts";
import { homePageRoutes } from "./web/home-page.ts";
import { PageNotes } from "./web/page-notes.ts";
import { WebhookSender } from "./webhook/webhook-sender.ts";

export interface SandboxOptions {
  appId: string;
  appSecret: string;
  /** JSON file for users, tokens and conversations; without it the sandbox forgets everything on exit */
  statePath?: string | undefined;
  /** epoch milliseconds; tests pass their own to expire tokens and close 7-day windows */
  now?: () => number;
  /** the Official Account it plays (default 2000000000000000001) */
  oaId?: string | undefined;
  /** signs webhook events (default hocso-sandbox-oa-secret) */
  oaSecretKey?: string | undefined;
  /** the one OA access token it accepts (default hocso-sandbox-oa-token) */
  oaAccessToken?: string | undefined;
  /** where webhook events go; without it, sending one answers 409 */
  webhookUrl?: string | undefined;
}

export interface Sandbox {
  app: express.Express;
  store: SandboxStore;
  oaId: string;
  /** where webhook events go from now on; undefined stops sending */
  setWebhookUrl(url: string | undefined): void;
}

export function createSandbox(options: SandboxOptions): Sandbox {
  const now = options.now ?? Date.now;
  const store = new SandboxStore({ statePath: options.statePath, now });
  const oa = { appId: options.appId, oaId: options.oaId ?? DEFAULT_OA_ID };
  const webhook = new WebhookSender({
    appId: options.appId,
    oaSecretKey: options.oaSecretKey ?? DEFAULT_OA_SECRET_KEY,
    url: options.webhookUrl,
  });
  const notes = new PageNotes();
  const guards = noGuards;
  const app = express();
  app.disable("x-powered-by");

  app.use(homePageRoutes({ store, oa, now, webhook, notes }));
  app.use(meRoutes({ store, appSecret: options.appSecret, guards }));
  app.use(oaRoutes({ store, now, oaAccessToken: options.oaAccessToken ?? DEFAULT_OA_ACCESS_TOKEN, guards }));
  app.use(
    "/sandbox",
    allowAnyOrigin,
    express.json({ limit: "16kb" }),
    userRoutes(store),
    oaEventRoutes({ store, oa, now, webhook, notes }),
    oaConversationRoutes(store),
  );
  app.use(notFound);
  app.use(controlErrorHandler);
  return { app, store, oaId: oa.oaId, setWebhookUrl: (url) => webhook.setUrl(url) };
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
    close: () => closeServer(server),
  };
}

function listen(app: express.Express, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (err?: Error) => (err ? reject(err) : resolve(server)));
  });
}

/** Stops accepting, drops idle keep-alive sockets, and resolves once every connection is gone. */
function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((err) => (err ? reject(err) : resolve()));
    server.closeIdleConnections();
  });
}

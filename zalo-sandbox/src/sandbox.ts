// The Zalo sandbox: a local HTTP server that answers like Zalo's APIs (DESIGN.md "The Zalo
// sandbox"). The bot server reaches it by URL only; it never imports this package.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { allowAnyOrigin, userRoutes } from "./control/users.ts";
import { controlErrorHandler, notFound } from "./control/control-error.ts";
import { meRoutes } from "./graph/me.ts";
import { SandboxStore } from "./store.ts";
import { homePageRoutes } from "./web/home-page.ts";

export interface SandboxOptions {
  appId: string;
  appSecret: string;
  /** JSON file for users and tokens; without it the sandbox forgets everything on exit */
  statePath?: string | undefined;
  /** epoch milliseconds; tests pass their own to expire tokens */
  now?: () => number;
}

export interface Sandbox {
  app: express.Express;
  store: SandboxStore;
}

export function createSandbox(options: SandboxOptions): Sandbox {
  const store = new SandboxStore({ statePath: options.statePath, now: options.now ?? Date.now });
  const app = express();
  app.disable("x-powered-by");

  app.use(homePageRoutes({ store, appId: options.appId }));
  app.use(meRoutes({ store, appSecret: options.appSecret }));
  app.use("/sandbox", allowAnyOrigin, express.json({ limit: "16kb" }), userRoutes(store));
  app.use(notFound);
  app.use(controlErrorHandler);
  return { app, store };
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

// Starts the product the way `pnpm start` does — the Zalo sandbox and the bot server as
// real processes on free ports, with a fresh SQLite file — so browser tests see exactly
// what a person would.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const repoRoot = join(import.meta.dirname, "..", "..");
/**
 * Node itself with tsx's loader, not the tsx command: that command runs the script in a child
 * process, so a SIGKILL would kill only the wrapper and leave the real server running.
 */
const nodeWithTsx = [process.execPath, "--import", "tsx"] as const;

export interface Stack {
  baseUrl: string;
  sandboxUrl: string;
  databasePath: string;
  /** the bot server's log so far (for a failing test's message) */
  serverOutput(): string;
  /** SIGKILL: the bot server dies at once, mid-request, with nothing flushed or closed */
  killServer(): Promise<void>;
  /** starts the bot server again on the same port and database, and waits for /healthz */
  restartServer(): Promise<void>;
  stop(): Promise<void>;
}

export interface StackOptions {
  /** extra environment for the bot server, e.g. CLOCK_START or OUTBOX_CONCURRENCY */
  serverEnv?: Record<string, string>;
  /** extra environment for the sandbox */
  sandboxEnv?: Record<string, string>;
  /** runs before the bot server first starts, with the path its SQLite file will have */
  prepareDatabase?: (databasePath: string) => void | Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, child: ChildProcess, output: () => string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`process exited early:\n${output()}`);
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer:\n${output()}`);
}

function launch(script: string, env: Record<string, string>): { child: ChildProcess; output: () => string } {
  let log = "";
  // Never let a developer's real Zalo credentials leak into a test run.
  const { ZALO_APP_ID: _id, ZALO_APP_SECRET: _secret, ...inherited } = process.env;
  const child = spawn(nodeWithTsx[0], [...nodeWithTsx.slice(1), script], {
    cwd: repoRoot,
    env: { ...inherited, LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d: Buffer) => (log += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (log += d.toString()));
  return { child, output: () => log };
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
    setTimeout(() => child.kill("SIGKILL"), 3000).unref();
  });
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const dir = mkdtempSync(join(tmpdir(), "hocso-e2e-"));
  const sandboxPort = await freePort();
  const port = await freePort();
  const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
  const databasePath = join(dir, "hocso.sqlite");
  const baseUrl = `http://127.0.0.1:${port}`;

  const sandbox = launch("zalo-sandbox/src/main.ts", {
    ZALO_SANDBOX_PORT: String(sandboxPort),
    ZALO_SANDBOX_WEBHOOK_URL: `${baseUrl}/webhooks/zalo-oa`,
    ...options.sandboxEnv,
  });
  await waitFor(`${sandboxUrl}/`, sandbox.child, sandbox.output);
  await options.prepareDatabase?.(databasePath);
  const serverEnv = {
    PORT: String(port),
    HOST: "127.0.0.1",
    DATABASE_PATH: databasePath,
    ZALO_SANDBOX_URL: sandboxUrl,
    ...options.serverEnv,
  };
  let server = launch("bot-server/src/main.ts", serverEnv);
  let earlierOutput = "";
  await waitFor(`${baseUrl}/healthz`, server.child, server.output);

  return {
    baseUrl,
    sandboxUrl,
    databasePath,
    serverOutput: () => earlierOutput + server.output(),
    async killServer() {
      if (server.child.exitCode !== null || server.child.signalCode !== null) return;
      await new Promise<void>((resolve) => {
        server.child.once("exit", () => resolve());
        server.child.kill("SIGKILL");
      });
    },
    async restartServer() {
      earlierOutput += server.output();
      server = launch("bot-server/src/main.ts", serverEnv);
      await waitFor(`${baseUrl}/healthz`, server.child, server.output);
    },
    async stop() {
      await stopProcess(server.child);
      await stopProcess(sandbox.child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// Starts the product the way `pnpm start` does — the Zalo sandbox and the bot server as
// real processes on free ports, with a fresh SQLite file — so browser tests see exactly
// what a person would.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const repoRoot = join(import.meta.dirname, "..", "..");
const tsx = join(repoRoot, "node_modules", ".bin", "tsx");

export interface Stack {
  baseUrl: string;
  sandboxUrl: string;
  databasePath: string;
  stop(): Promise<void>;
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
  const child = spawn(tsx, [script], {
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

export async function startStack(): Promise<Stack> {
  const dir = mkdtempSync(join(tmpdir(), "hocso-e2e-"));
  const sandboxPort = await freePort();
  const port = await freePort();
  const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
  const databasePath = join(dir, "hocso.sqlite");

  const sandbox = launch("zalo-sandbox/src/main.ts", { ZALO_SANDBOX_PORT: String(sandboxPort) });
  await waitFor(`${sandboxUrl}/`, sandbox.child, sandbox.output);
  const server = launch("bot-server/src/main.ts", {
    PORT: String(port),
    HOST: "127.0.0.1",
    DATABASE_PATH: databasePath,
    ZALO_SANDBOX_URL: sandboxUrl,
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitFor(`${baseUrl}/healthz`, server.child, server.output);

  return {
    baseUrl,
    sandboxUrl,
    databasePath,
    async stop() {
      await stopProcess(server.child);
      await stopProcess(sandbox.child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

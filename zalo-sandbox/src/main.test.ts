// `pnpm start` for the sandbox: main.ts reads its environment, starts the sandbox clock at
// CLOCK_START running at real speed, and stops cleanly on SIGTERM — as a real process.
import { spawn, type ChildProcess } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, "..", "..");
let child: ChildProcess | undefined;

afterEach(() => {
  if (child?.exitCode === null) child.kill("SIGKILL");
});

/** Starts main.ts on a free port and answers its URL once it says it is listening. */
function startMain(env: Record<string, string>): Promise<string> {
  // node with tsx's loader, not the tsx command, whose child process a SIGKILL would orphan
  const proc = spawn(process.execPath, ["--import", "tsx", join(here, "main.ts")], {
    cwd: repoRoot,
    env: { ...process.env, ZALO_SANDBOX_PORT: "0", ZALO_SANDBOX_STATE: "", ZALO_SANDBOX_WEBHOOK_URL: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child = proc;
  return new Promise((resolve, reject) => {
    let out = "";
    proc.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      if (url) resolve(url);
    });
    proc.stderr?.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
    proc.on("exit", (code) => reject(new Error(`main.ts exited with ${code}: ${out}`)));
  });
}

describe("main.ts", () => {
  it("starts the sandbox clock at CLOCK_START and stops with exit code 0 on SIGTERM", async () => {
    const url = await startMain({ CLOCK_START: "2026-11-27T18:59:30+07:00" });
    const res = await fetch(`${url}/sandbox/users`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ name: "Demo" }),
    });
    const { user } = (await res.json()) as { user: { id: string } };
    const { users } = (await (await fetch(`${url}/sandbox/users`)).json()) as { users: Array<{ id: string; createdAt: string }> };
    const createdAt = Date.parse(users.find((u) => u.id === user.id)?.createdAt ?? "");
    const start = Date.parse("2026-11-27T11:59:30Z");
    expect(createdAt).toBeGreaterThanOrEqual(start);
    expect(createdAt).toBeLessThan(start + 30_000);
    const exited = new Promise<number | null>((resolve) => child?.once("exit", resolve));
    child?.kill("SIGTERM");
    expect(await exited).toBe(0);
  });

  it("refuses to start on a CLOCK_START without an offset, naming the variable", async () => {
    await expect(startMain({ CLOCK_START: "2026-11-27T18:59:30" })).rejects.toThrow(/exited with 1: .*CLOCK_START/s);
  });
});

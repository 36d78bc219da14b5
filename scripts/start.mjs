#!/usr/bin/env node
// `pnpm start`: build the course and the mini app, then run the product on embedded
// defaults — the local Zalo sandbox (unless Zalo credentials are set) and the bot
// server, which serves the mini app at http://localhost:${PORT:-3000}.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const tsx = join(root, "node_modules", ".bin", "tsx");
const live = Boolean(process.env.ZALO_APP_ID && process.env.ZALO_APP_SECRET);
const children = [];

for (const pkg of ["@hocso/content", "@hocso/mini-app"]) {
  const r = spawnSync("pnpm", ["--filter", pkg, "build"], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
mkdirSync(join(root, "data"), { recursive: true });

function launch(name, script, env) {
  const child = spawn(tsx, [script], { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  child.on("exit", (code, signal) => {
    console.error(`${name} stopped (${signal ?? code}); stopping the rest.`);
    shutdown(code ?? 1);
  });
  children.push(child);
  return child;
}

let stopping = false;
function shutdown(code) {
  if (stopping) return;
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill("SIGTERM");
  setTimeout(() => process.exit(code), 500).unref();
}
process.on("SIGINT", () => shutdown(0));
process.on("SIGTERM", () => shutdown(0));

async function waitFor(url, tries = 100) {
  for (let i = 0; i < tries; i++) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer`);
}

const port = process.env.PORT ?? "3000";
if (!live) {
  const sandboxPort = process.env.ZALO_SANDBOX_PORT ?? "3900";
  launch("zalo sandbox", "zalo-sandbox/src/main.ts", {
    ZALO_SANDBOX_PORT: sandboxPort,
    // The sandbox plays Zalo: it delivers residents' messages to our webhook.
    ZALO_SANDBOX_WEBHOOK_URL: process.env.ZALO_SANDBOX_WEBHOOK_URL ?? `http://127.0.0.1:${port}/webhooks/zalo-oa`,
    ZALO_SANDBOX_STATE: process.env.ZALO_SANDBOX_STATE ?? join(root, "data", "zalo-sandbox.json"),
  });
  await waitFor(`http://127.0.0.1:${sandboxPort}/`);
  process.env.ZALO_SANDBOX_URL ??= `http://127.0.0.1:${sandboxPort}`;
}
launch("bot server", "bot-server/src/main.ts", {});
await waitFor(`http://127.0.0.1:${port}/healthz`);
console.log(`\nHọc Số is running: open http://localhost:${port}/ ${live ? "" : "(Zalo sandbox mode)"}`);

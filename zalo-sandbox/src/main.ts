// Runs the Zalo sandbox on its own port: `pnpm --filter @hocso/zalo-sandbox start`.
import { loadSandboxEnv, type SandboxEnv } from "./env.ts";
import { startSandbox } from "./sandbox.ts";

let env: SandboxEnv;
try {
  env = loadSandboxEnv();
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}

const { clockStart, ...options } = env;
const bootedAt = Date.now();
/** CLOCK_START: the clock starts there and runs at real speed, for demos of a given evening */
const now = clockStart === undefined ? Date.now : () => clockStart + (Date.now() - bootedAt);

const running = await startSandbox({ ...options, now });
const state = env.statePath ? `state in ${env.statePath}` : "state in memory";
const webhook = env.webhookUrl
  ? `webhook events go to ${env.webhookUrl}`
  : "no ZALO_SANDBOX_WEBHOOK_URL: webhook events are not sent";
const clock = clockStart === undefined ? "" : `\n  sandbox clock started at ${new Date(clockStart).toISOString()}`;
process.stdout.write(
  `Zalo sandbox listening on ${running.url} (app id ${env.appId}, OA ${env.oaId}, ${state})\n  ${webhook}${clock}\n`,
);

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    const force = setTimeout(() => process.exit(1), 5000);
    force.unref();
    running.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error("zalo-sandbox: error while closing", err);
        process.exit(1);
      },
    );
  });
}

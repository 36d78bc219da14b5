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

const running = await startSandbox(env);
const state = env.statePath ? `state in ${env.statePath}` : "state in memory";
const webhook = env.webhookUrl
  ? `webhook events go to ${env.webhookUrl}`
  : "no ZALO_SANDBOX_WEBHOOK_URL: webhook events are not sent";
process.stdout.write(
  `Zalo sandbox listening on ${running.url} (app id ${env.appId}, OA ${env.oaId}, ${state})\n  ${webhook}\n`,
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

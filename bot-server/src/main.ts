// Starts the bot server: `pnpm --filter @hocso/bot-server start`.
import type { Server } from "node:http";
import { createApp } from "./app.ts";
import { startBackground, type Background } from "./background.ts";
import { openDatabase } from "./db/database.ts";
import { deleteExpiredSessions } from "./db/sessions.ts";
import { setUpDatabase } from "./db/setup.ts";
import { loadEnvOrExit } from "./env.ts";
import { WEBHOOK_PATH } from "./features/webhook/webhook-routes.ts";
import { createOaTokenManager } from "./features/delivery/channel-adapters.ts";
import { startingClock, systemClock, type Clock } from "./lib/clock.ts";
import { wardFile } from "./lib/content.ts";
import { createLogger } from "./lib/logger.ts";

const config = loadEnvOrExit();
const logger = createLogger(config.logLevel);
const clock: Clock = config.clockStart ? startingClock(config.clockStart) : systemClock;
if (config.clockStart) logger.warn({ clockStart: config.clockStart }, "CLOCK_START: the server's clock is moved (sandbox demo)");
const db = openDatabase(config.databasePath);
const now = clock.now();
const { applied, classesAdded } = setUpDatabase(db, wardFile, now);
const expired = deleteExpiredSessions(db, now);
logger.info(
  { applied, expiredSessions: expired, tdps: wardFile.residentialGroups.length, classesAdded },
  "database ready",
);

// One token manager per process: the OA's refresh token is single-use, so two would fight.
const tokens = createOaTokenManager({ config, db, clock, logger });
const app = createApp({ db, config, clock, logger, oaTokens: tokens });
let background: Background | undefined;
const server: Server = app.listen(config.port, config.host, (err?: Error) => {
  if (err) {
    logger.fatal({ err }, "cannot listen");
    process.exit(1);
  }
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const url = `http://${config.host}:${port}`;
  logger.info(
    { url, zalo: config.zalo.mode, miniApp: `${url}/zapps/${config.miniAppId}/`, webhook: `${url}${WEBHOOK_PATH}` },
    "bot server listening",
  );
  if (config.zalo.mode === "sandbox") {
    logger.info({ sandbox: config.zalo.sandboxUrl }, "no Zalo credentials: using the Zalo sandbox");
  }
  startBackground({ db, config, clock, logger, tokens }).then(
    (started) => {
      background = started;
      if (stopping) void started.stop();
    },
    (error: unknown) => {
      logger.fatal({ err: error }, "the reminder planner and the outbox sender could not start");
      process.exit(1);
    },
  );
});

let stopping = false;
function shutdown(signal: string): void {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "shutting down");
  const force = setTimeout(() => {
    logger.error("connections did not close in 10 s; exiting anyway");
    process.exit(1);
  }, 10_000);
  force.unref();
  // The sends in flight finish (or time out) before the database closes under them.
  const backgroundStopped = background ? background.stop() : Promise.resolve();
  server.close((err) => {
    void backgroundStopped.finally(() => {
      db.close();
      if (err) logger.error({ err }, "error while closing the server");
      process.exit(err ? 1 : 0);
    });
  });
  server.closeIdleConnections();
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));

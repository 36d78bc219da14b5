// The process logger. Logs carry ids and codes only: never names, tokens or message text
// (DESIGN.md "Identity, roles, privacy"); request logs list method, path and status, no headers.
import { pino, type DestinationStream, type Logger } from "pino";
import type { LogLevel } from "../env.ts";

export type { Logger };

/** Logs to stdout, or to `destination` (tests read what was logged). */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: "bot-server" },
    redact: { paths: ["req.headers", "accessToken", "token", "*.accessToken", "*.token"], remove: true },
  };
  return destination ? pino(options, destination) : pino(options);
}

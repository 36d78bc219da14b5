// The process logger. Logs carry ids and codes only: never names, tokens or message text
// (DESIGN.md "Identity, roles, privacy"); request logs list method, path and status, no headers.
import { pino, type Logger } from "pino";
import type { LogLevel } from "../env.ts";

export type { Logger };

export function createLogger(level: LogLevel): Logger {
  return pino({
    level,
    base: { service: "bot-server" },
    redact: { paths: ["req.headers", "accessToken", "token", "*.accessToken", "*.token"], remove: true },
  });
}

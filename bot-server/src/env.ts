// The bot server's configuration: the only file in bot-server that reads process.env.
// Every variable is declared once here with its default; a bad environment stops the
// process with a list of every problem, not just the first.
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

const blankAsUnset = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const opt = <T extends z.ZodType>(schema: T) => z.preprocess(blankAsUnset, schema);

const PROXY_ADDRESS = String.raw`\s*(loopback|linklocal|uniquelocal|[0-9a-fA-F:.]+(/\d{1,3})?)\s*`;
const TRUST_PROXY_PATTERN = new RegExp(String.raw`^(true|false|\d+|${PROXY_ADDRESS}(,${PROXY_ADDRESS})*)$`);

function httpUrl(example: string) {
  return z.url({ protocol: /^https?$/, error: `must be an http(s) URL like ${example}` }).default(example);
}

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/** A whole number in [min, max], read from a string, with one message for every way it can be wrong. */
function wholeNumber(min: number, max: number, what: string) {
  const error = `must be ${what} from ${min} to ${max}`;
  return z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error });
}

const EnvSchema = z.object({
    PORT: opt(wholeNumber(0, 65535, "a port number").default(3000)),
    HOST: opt(z.string().default("127.0.0.1")),
    DATABASE_PATH: opt(z.string().default(resolve(repoRoot, "data", "hocso.sqlite"))),
    /** the built mini app (vite build output) */
    MINI_APP_DIR: opt(z.string().default(resolve(repoRoot, "mini-app", "www"))),
    /** the mini app id in /zapps/<id>/ paths; ends up in a URL and in HTML, so kept plain */
    MINI_APP_ID: opt(
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{1,64}$/, "must be 1–64 letters, digits, '-' or '_'")
        .default("hocso-local"),
    ),
    ZALO_APP_ID: opt(z.string().optional()),
    ZALO_APP_SECRET: opt(z.string().optional()),
    ZALO_GRAPH_URL: opt(httpUrl("https://graph.zalo.me")),
    /** the local Zalo sandbox (zalo-sandbox/), used when ZALO_APP_ID/SECRET are unset */
    ZALO_SANDBOX_URL: opt(httpUrl("http://127.0.0.1:3900")),
    ZALO_SANDBOX_APP_ID: opt(z.string().default("hocso-sandbox-app")),
    ZALO_SANDBOX_APP_SECRET: opt(z.string().default("hocso-sandbox-secret")),
    SESSION_TTL_DAYS: opt(wholeNumber(1, 400, "a number of days").default(90)),
    LOG_LEVEL: opt(z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` }).default("info")),
    /** Express "trust proxy": true/false, a hop count, or addresses/subnets ("loopback, 10.0.0.0/8") */
    TRUST_PROXY: opt(
      z
        .string()
        .regex(TRUST_PROXY_PATTERN, "must be true, false, a hop count, or comma-separated addresses/subnets")
        .optional(),
    ),
});

export type LogLevel = (typeof LOG_LEVELS)[number];

export interface ZaloConfig {
  /** "sandbox" when no Zalo credentials are set: the local stand-in answers instead */
  mode: "sandbox" | "live";
  /** where graph /v2.0/me lives: graph.zalo.me, or the sandbox */
  graphUrl: string;
  appId: string;
  appSecret: string;
  /** the sandbox's origin in sandbox mode, else null */
  sandboxUrl: string | null;
}

export interface Config {
  port: number;
  host: string;
  databasePath: string;
  miniAppDir: string;
  miniAppId: string;
  zalo: ZaloConfig;
  sessionTtlDays: number;
  logLevel: LogLevel;
  trustProxy: boolean | number | string;
  /** POST /api/v1/session attempts per client address per window */
  sessionRateLimit: { windowMs: number; limit: number };
}

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`The bot server cannot start; fix its environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/** Builds the configuration from an environment (process.env by default) or throws EnvError. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(source);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((issue) => describeIssue(issue, source))),
    ...credentialProblems(source),
  ];
  if (!parsed.success || problems.length > 0) throw new EnvError(problems);
  const env = parsed.data;
  const live = env.ZALO_APP_ID !== undefined && env.ZALO_APP_SECRET !== undefined;
  const sandboxUrl = trimSlash(env.ZALO_SANDBOX_URL);
  return {
    port: env.PORT,
    host: env.HOST,
    databasePath: resolve(env.DATABASE_PATH),
    miniAppDir: resolve(env.MINI_APP_DIR),
    miniAppId: env.MINI_APP_ID,
    zalo: live
      ? {
          mode: "live",
          graphUrl: trimSlash(env.ZALO_GRAPH_URL),
          appId: env.ZALO_APP_ID!,
          appSecret: env.ZALO_APP_SECRET!,
          sandboxUrl: null,
        }
      : {
          mode: "sandbox",
          graphUrl: sandboxUrl,
          appId: env.ZALO_SANDBOX_APP_ID,
          appSecret: env.ZALO_SANDBOX_APP_SECRET,
          sandboxUrl,
        },
    sessionTtlDays: env.SESSION_TTL_DAYS,
    logLevel: env.LOG_LEVEL,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    sessionRateLimit: { windowMs: 60_000, limit: 30 },
  };
}

/** loadEnv for main.ts: prints every problem and exits 1 instead of throwing. */
export function loadEnvOrExit(source: Record<string, string | undefined> = process.env): Config {
  try {
    return loadEnv(source);
  } catch (err) {
    if (!(err instanceof EnvError)) throw err;
    console.error(err.message);
    process.exit(1);
  }
}

/** Zalo credentials come as a pair; checked apart from the schema so it is reported with the rest. */
function credentialProblems(source: Record<string, string | undefined>): string[] {
  const id = blankAsUnset(source.ZALO_APP_ID);
  const secret = blankAsUnset(source.ZALO_APP_SECRET);
  if ((id === undefined) === (secret === undefined)) return [];
  const missing = id === undefined ? "ZALO_APP_ID" : "ZALO_APP_SECRET";
  return [`${missing}: set ZALO_APP_ID and ZALO_APP_SECRET together, or neither to use the Zalo sandbox`];
}

/** "PORT: must be … (got "abc")"; secrets are never echoed. */
function describeIssue(issue: z.core.$ZodIssue, source: Record<string, string | undefined>): string {
  const name = issue.path.join(".") || "environment";
  const value = source[name];
  const shown = value !== undefined && !/SECRET/.test(name) ? ` (got ${JSON.stringify(value)})` : "";
  return `${name}: ${issue.message}${shown}`;
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, "");
}

function parseTrustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || value === "false") return false;
  if (value === "true") return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

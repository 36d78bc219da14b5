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
const SIGNATURE_KEYS = ["oa-secret", "app-secret", "either"] as const;
const SIGNATURE_PREFIXES = ["app-id", "oa-id", "either"] as const;

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
    // The ward's Official Account in live mode: its id, the "OA Secret Key" shown when the app
    // was linked to it, and an OA access token (static until the token manager arrives).
    ZALO_OA_ID: opt(z.string().regex(/^\d{1,32}$/, "must be the OA id, a numeric string").optional()),
    ZALO_OA_SECRET_KEY: opt(z.string().optional()),
    ZALO_OA_ACCESS_TOKEN: opt(z.string().optional()),
    /**
     * The OA refresh token from the consent flow or API Explorer (ZALO.md §1.2). With it the
     * server refreshes the access token itself and keeps the rotated pair in the database;
     * without it ZALO_OA_ACCESS_TOKEN is used until it expires (about 25 h).
     */
    ZALO_OA_REFRESH_TOKEN: opt(z.string().optional()),
    /** where OAuth v4 lives (/v4/oa/access_token) */
    ZALO_OAUTH_URL: opt(httpUrl("https://oauth.zaloapp.com")),
    /** Mini App notifications (ZALO.md §4.4): the API and the key from Mini App Center */
    ZALO_MINIAPP_API_URL: opt(httpUrl("https://openapi.mini.zalo.me")),
    ZALO_MINIAPP_API_KEY: opt(z.string().optional()),
    /** where the OA API lives (/v3.0/oa/...); in sandbox mode the sandbox answers instead */
    ZALO_OPENAPI_URL: opt(httpUrl("https://openapi.zalo.me")),
    /** the sandbox's OA, used when ZALO_APP_ID/SECRET are unset; the sandbox holds the same values */
    ZALO_SANDBOX_OA_ID: opt(z.string().regex(/^\d{1,32}$/, "must be a numeric string").default("2000000000000000001")),
    ZALO_SANDBOX_OA_SECRET_KEY: opt(z.string().default("hocso-sandbox-oa-secret")),
    ZALO_SANDBOX_OA_ACCESS_TOKEN: opt(z.string().default("hocso-sandbox-oa-token")),
    ZALO_SANDBOX_OA_REFRESH_TOKEN: opt(z.string().default("hocso-sandbox-oa-refresh")),
    ZALO_SANDBOX_MINIAPP_API_KEY: opt(z.string().default("hocso-sandbox-miniapp-key")),
    /** how long one call to Zalo may take before it counts as failed (and, for a send, in doubt) */
    ZALO_HTTP_TIMEOUT_MS: opt(wholeNumber(100, 120_000, "a number of milliseconds").default(10_000)),
    /** Zalo allows 4,000 OA API calls per minute per app (ZALO.md §1.6); the sender stays under this */
    ZALO_APP_CALLS_PER_MINUTE: opt(wholeNumber(1, 4000, "a number of calls").default(3600)),
    /** messages into one group per minute; Zalo publishes no limit, so a gentle one */
    ZALO_GROUP_MESSAGES_PER_MINUTE: opt(wholeNumber(1, 600, "a number of messages").default(20)),
    /** messages the sender has in flight at once */
    OUTBOX_CONCURRENCY: opt(wholeNumber(1, 64, "a number").default(4)),
    /**
     * Sandbox mode only: the server's clock starts at this instant and runs at real speed,
     * to watch a class's reminders arrive without waiting for the day (e.g. 2026-11-27T18:59:00+07:00).
     */
    CLOCK_START: opt(z.iso.datetime({ offset: true, error: "must be an ISO instant like 2026-11-27T18:59:00+07:00" }).optional()),
    /** which secret signs X-ZEvent-Signature (ZALO.md §2.2, §7.1): "either" tries the OA secret key first */
    WEBHOOK_SIGNATURE_KEY: opt(
      z.enum(SIGNATURE_KEYS, { error: `must be one of ${SIGNATURE_KEYS.join(", ")}` }).default("either"),
    ),
    /** which id comes first in the signed string: "either" tries the app id first */
    WEBHOOK_SIGNATURE_PREFIX: opt(
      z.enum(SIGNATURE_PREFIXES, { error: `must be one of ${SIGNATURE_PREFIXES.join(", ")}` }).default("either"),
    ),
    /** an event older than this (by its signed timestamp) is refused as a replay */
    WEBHOOK_MAX_AGE_SECONDS: opt(wholeNumber(30, 86_400, "a number of seconds").default(600)),
    SESSION_TTL_DAYS: opt(wholeNumber(1, 400, "a number of days").default(90)),
    LOG_LEVEL: opt(z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` }).default("info")),
    /**
     * Origins whose pages may call /api/v1 from the browser: inside Zalo the mini app runs on
     * Zalo's web-view host, not on ours. Comma-separated https origins.
     */
    CORS_ORIGINS: opt(
      z
        .string()
        .regex(/^https:\/\/[a-z0-9.-]+(:\d+)?(,\s*https:\/\/[a-z0-9.-]+(:\d+)?)*$/, "must be comma-separated https origins, e.g. https://h5.zdn.vn")
        .default("https://h5.zdn.vn"),
    ),
    /** Express "trust proxy": true/false, a hop count, or addresses/subnets ("loopback, 10.0.0.0/8") */
    TRUST_PROXY: opt(
      z
        .string()
        .regex(TRUST_PROXY_PATTERN, "must be true, false, a hop count, or comma-separated addresses/subnets")
        .optional(),
    ),
});

export type LogLevel = (typeof LOG_LEVELS)[number];
export type SignatureKeySetting = (typeof SIGNATURE_KEYS)[number];
export type SignaturePrefixSetting = (typeof SIGNATURE_PREFIXES)[number];

export interface ZaloOaConfig {
  /** the ward's Official Account id (numeric string) */
  id: string;
  /** the "OA Secret Key" of the app–OA link; null when only the app secret signs webhooks */
  secretKey: string | null;
  /** the first access token (sent as the `access_token` header); the token manager refreshes it */
  accessToken: string;
  /** the refresh token the chain starts from; null = no refreshing, accessToken until it expires */
  refreshToken: string | null;
  /** https://oauth.zaloapp.com, or the sandbox URL */
  oauthUrl: string;
  /** https://openapi.zalo.me, or the sandbox URL */
  openApiUrl: string;
}

export interface MiniAppNotifyConfig {
  /** https://openapi.mini.zalo.me, or the sandbox URL */
  apiUrl: string;
  /** the Mini App Center API key; null = the miniapp-notify channel is off */
  apiKey: string | null;
}

export interface DeliveryConfig {
  appCallsPerMinute: number;
  groupMessagesPerMinute: number;
  concurrency: number;
}

export interface WebhookConfig {
  /** which secret signs X-ZEvent-Signature; "either" tries the OA secret key, then the app secret */
  signatureKey: SignatureKeySetting;
  /** which id starts the signed string; "either" tries the app id, then the OA id */
  signaturePrefix: SignaturePrefixSetting;
  maxAgeSeconds: number;
}

export interface ZaloConfig {
  /** "sandbox" when no Zalo credentials are set: the local stand-in answers instead */
  mode: "sandbox" | "live";
  /** where graph /v2.0/me lives: graph.zalo.me, or the sandbox */
  graphUrl: string;
  appId: string;
  appSecret: string;
  /** the sandbox's origin in sandbox mode, else null */
  sandboxUrl: string | null;
  oa: ZaloOaConfig;
  miniApp: MiniAppNotifyConfig;
  /** per call to Zalo */
  httpTimeoutMs: number;
}

export interface Config {
  port: number;
  host: string;
  databasePath: string;
  miniAppDir: string;
  miniAppId: string;
  zalo: ZaloConfig;
  webhook: WebhookConfig;
  sessionTtlDays: number;
  logLevel: LogLevel;
  trustProxy: boolean | number | string;
  /** browser origins allowed to call /api/v1 cross-origin (the Zalo web view) */
  corsOrigins: string[];
  /** POST /api/v1/session attempts per client address per window */
  sessionRateLimit: { windowMs: number; limit: number };
  delivery: DeliveryConfig;
  /** sandbox mode only: where the server's clock starts (it then runs at real speed); null = real time */
  clockStart: Date | null;
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
    ...oaProblems(source),
    ...clockProblems(source),
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
          oa: {
            id: env.ZALO_OA_ID!,
            secretKey: env.ZALO_OA_SECRET_KEY ?? null,
            accessToken: env.ZALO_OA_ACCESS_TOKEN!,
            refreshToken: env.ZALO_OA_REFRESH_TOKEN ?? null,
            oauthUrl: trimSlash(env.ZALO_OAUTH_URL),
            openApiUrl: trimSlash(env.ZALO_OPENAPI_URL),
          },
          miniApp: { apiUrl: trimSlash(env.ZALO_MINIAPP_API_URL), apiKey: env.ZALO_MINIAPP_API_KEY ?? null },
          httpTimeoutMs: env.ZALO_HTTP_TIMEOUT_MS,
        }
      : {
          mode: "sandbox",
          graphUrl: sandboxUrl,
          appId: env.ZALO_SANDBOX_APP_ID,
          appSecret: env.ZALO_SANDBOX_APP_SECRET,
          sandboxUrl,
          oa: {
            id: env.ZALO_SANDBOX_OA_ID,
            secretKey: env.ZALO_SANDBOX_OA_SECRET_KEY,
            accessToken: env.ZALO_SANDBOX_OA_ACCESS_TOKEN,
            refreshToken: env.ZALO_SANDBOX_OA_REFRESH_TOKEN,
            oauthUrl: sandboxUrl,
            openApiUrl: sandboxUrl,
          },
          miniApp: { apiUrl: sandboxUrl, apiKey: env.ZALO_SANDBOX_MINIAPP_API_KEY },
          httpTimeoutMs: env.ZALO_HTTP_TIMEOUT_MS,
        },
    webhook: {
      signatureKey: env.WEBHOOK_SIGNATURE_KEY,
      signaturePrefix: env.WEBHOOK_SIGNATURE_PREFIX,
      maxAgeSeconds: env.WEBHOOK_MAX_AGE_SECONDS,
    },
    sessionTtlDays: env.SESSION_TTL_DAYS,
    logLevel: env.LOG_LEVEL,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    corsOrigins: env.CORS_ORIGINS.split(",").map((origin) => origin.trim()),
    sessionRateLimit: { windowMs: 60_000, limit: 30 },
    delivery: {
      appCallsPerMinute: env.ZALO_APP_CALLS_PER_MINUTE,
      groupMessagesPerMinute: env.ZALO_GROUP_MESSAGES_PER_MINUTE,
      concurrency: env.OUTBOX_CONCURRENCY,
    },
    clockStart: env.CLOCK_START === undefined ? null : new Date(env.CLOCK_START),
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

/**
 * The OA settings belong to live mode: there every one the webhook and the replies need is
 * required (the OA secret key only while it may sign webhooks); in sandbox mode setting them
 * is a mistake worth naming, since the sandbox's own OA would silently be used instead.
 */
function oaProblems(source: Record<string, string | undefined>): string[] {
  const set = (name: string) => blankAsUnset(source[name]) !== undefined;
  const names = ["ZALO_OA_ID", "ZALO_OA_SECRET_KEY", "ZALO_OA_ACCESS_TOKEN"];
  const liveOnly = [...names, "ZALO_OA_REFRESH_TOKEN", "ZALO_MINIAPP_API_KEY"];
  const appIdSet = set("ZALO_APP_ID");
  // Half a credential pair is credentialProblems' to report; the OA settings wait until it is whole.
  if (appIdSet !== set("ZALO_APP_SECRET")) return [];
  if (!appIdSet) {
    const why = "only used in live mode (with ZALO_APP_ID and ZALO_APP_SECRET); unset it for the sandbox";
    return liveOnly.filter(set).map((name) => `${name}: ${why}`);
  }
  const onlyAppSecretSigns = blankAsUnset(source.WEBHOOK_SIGNATURE_KEY) === "app-secret";
  const required = onlyAppSecretSigns ? names.filter((n) => n !== "ZALO_OA_SECRET_KEY") : names;
  return required
    .filter((name) => !set(name))
    .map((name) =>
      name === "ZALO_OA_SECRET_KEY"
        ? `${name}: required in live mode to check webhook signatures (or set WEBHOOK_SIGNATURE_KEY=app-secret)`
        : `${name}: required in live mode (the ward's Official Account)`,
    );
}

/** A moved clock is for watching the sandbox; in live mode it would send reminders at wrong times. */
function clockProblems(source: Record<string, string | undefined>): string[] {
  if (blankAsUnset(source.CLOCK_START) === undefined || blankAsUnset(source.ZALO_APP_ID) === undefined) return [];
  return ["CLOCK_START: only for the Zalo sandbox; unset it in live mode"];
}

/** "PORT: must be … (got "abc")"; secrets are never echoed. */
function describeIssue(issue: z.core.$ZodIssue, source: Record<string, string | undefined>): string {
  const name = issue.path.join(".") || "environment";
  const value = source[name];
  const shown = value !== undefined && !/SECRET|TOKEN/.test(name) ? ` (got ${JSON.stringify(value)})` : "";
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

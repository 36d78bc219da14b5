// The sandbox's configuration: the only file of this package that reads process.env.
import { z } from "zod";
import {
  DEFAULT_MINIAPP_API_KEY,
  DEFAULT_OA_ACCESS_TOKEN,
  DEFAULT_OA_ID,
  DEFAULT_OA_REFRESH_TOKEN,
  DEFAULT_OA_SECRET_KEY,
} from "./defaults.ts";

const blankAsUnset = (v: unknown) => (v === "" ? undefined : v);

const PORT_ERROR = "must be a port number from 0 to 65535";

const EnvSchema = z.object({
  ZALO_SANDBOX_PORT: z.preprocess(
    blankAsUnset,
    z.coerce
      .number({ error: PORT_ERROR })
      .int({ error: PORT_ERROR })
      .min(0, { error: PORT_ERROR })
      .max(65535, { error: PORT_ERROR })
      .default(3900),
  ),
  ZALO_SANDBOX_HOST: z.preprocess(blankAsUnset, z.string().min(1).default("127.0.0.1")),
  /** the Zalo App the sandbox pretends to have issued tokens for */
  ZALO_SANDBOX_APP_ID: z.preprocess(blankAsUnset, z.string().min(1).default("hocso-sandbox-app")),
  /** signs appsecret_proof; the bot server must hold the same value */
  ZALO_SANDBOX_APP_SECRET: z.preprocess(blankAsUnset, z.string().min(1).default("hocso-sandbox-secret")),
  /** a JSON file where users and tokens survive restarts; unset keeps them in memory */
  ZALO_SANDBOX_STATE: z.preprocess(blankAsUnset, z.string().min(1).optional()),
  /** the Official Account the sandbox plays; webhook events name it as recipient */
  ZALO_SANDBOX_OA_ID: z.preprocess(
    blankAsUnset,
    z.string().regex(/^[1-9]\d{0,19}$/, { error: "must be a numeric string" }).default(DEFAULT_OA_ID),
  ),
  /** the "OA Secret Key" that signs webhook events; the bot server must hold the same value */
  ZALO_SANDBOX_OA_SECRET_KEY: z.preprocess(blankAsUnset, z.string().min(1).default(DEFAULT_OA_SECRET_KEY)),
  /** the first OA access token, valid for 25 h from the start; later ones come from refreshes */
  ZALO_SANDBOX_OA_ACCESS_TOKEN: z.preprocess(blankAsUnset, z.string().min(1).default(DEFAULT_OA_ACCESS_TOKEN)),
  /** the seed OA refresh token: accepted every time, as an admin's re-consent would be */
  ZALO_SANDBOX_OA_REFRESH_TOKEN: z.preprocess(blankAsUnset, z.string().min(1).default(DEFAULT_OA_REFRESH_TOKEN)),
  /** the Mini App's API key for notifications (`X-Api-Key: Bearer <key>`) */
  ZALO_SANDBOX_MINIAPP_API_KEY: z.preprocess(blankAsUnset, z.string().min(1).default(DEFAULT_MINIAPP_API_KEY)),
  /** where webhook events go, e.g. http://127.0.0.1:3000/webhooks/zalo-oa; unset sends none */
  ZALO_SANDBOX_WEBHOOK_URL: z.preprocess(
    blankAsUnset,
    z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
  ),
  /** where the sandbox clock starts, for demos of a given evening; it then runs at real speed */
  CLOCK_START: z.preprocess(
    blankAsUnset,
    z.iso
      .datetime({ offset: true, error: "must be an ISO instant with an offset, e.g. 2026-11-27T18:59:30+07:00" })
      .optional(),
  ),
});

export interface SandboxEnv {
  port: number;
  host: string;
  appId: string;
  appSecret: string;
  statePath: string | undefined;
  oaId: string;
  oaSecretKey: string;
  oaAccessToken: string;
  oaRefreshToken: string;
  miniAppApiKey: string;
  webhookUrl: string | undefined;
  /** epoch ms where the sandbox clock starts (CLOCK_START); undefined: the real clock */
  clockStart: number | undefined;
}

/** Parses the environment or throws one error that lists every problem. */
export function loadSandboxEnv(source: Record<string, string | undefined> = process.env): SandboxEnv {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const name = i.path.join(".");
      const value = source[name];
      const shown = value !== undefined && !/SECRET|TOKEN|KEY/.test(name) ? ` (got ${JSON.stringify(value)})` : "";
      return `  - ${name}: ${i.message}${shown}`;
    });
    throw new Error(`The Zalo sandbox cannot start; fix its environment:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  return {
    port: e.ZALO_SANDBOX_PORT,
    host: e.ZALO_SANDBOX_HOST,
    appId: e.ZALO_SANDBOX_APP_ID,
    appSecret: e.ZALO_SANDBOX_APP_SECRET,
    statePath: e.ZALO_SANDBOX_STATE,
    oaId: e.ZALO_SANDBOX_OA_ID,
    oaSecretKey: e.ZALO_SANDBOX_OA_SECRET_KEY,
    oaAccessToken: e.ZALO_SANDBOX_OA_ACCESS_TOKEN,
    oaRefreshToken: e.ZALO_SANDBOX_OA_REFRESH_TOKEN,
    miniAppApiKey: e.ZALO_SANDBOX_MINIAPP_API_KEY,
    webhookUrl: e.ZALO_SANDBOX_WEBHOOK_URL,
    clockStart: e.CLOCK_START === undefined ? undefined : Date.parse(e.CLOCK_START),
  };
}

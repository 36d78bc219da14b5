// The mini app's configuration, parsed once (DESIGN.md "Configuration"). This is the only
// module that reads import.meta.env. zod/mini keeps the first screen's bundle small.
import * as z from "zod/mini";

const EnvSchema = z.object({
  /** where the bot server answers /api/v1; "" means the origin that served the app */
  VITE_API_BASE_URL: z._default(
    z.union([
      z.literal(""),
      z.url({ protocol: /^https?$/ }),
      z.string().check(z.regex(/^\/[^/]/, "a path like /hoc-so")),
    ]),
    "",
  ),
  /** the ward's Zalo Official Account, for "Quan tâm Zalo OA của phường"; unset hides that button */
  VITE_ZALO_OA_ID: z.optional(z.string().check(z.regex(/^[\w-]{0,64}$/, "the OA id, e.g. 1234567890123456789"))),
  PROD: z._default(z.boolean(), false),
});

function parseEnv() {
  const parsed = EnvSchema.safeParse(import.meta.env);
  if (!parsed.success) {
    throw new Error(`mini-app configuration is invalid:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

const parsed = parseEnv();

export const env = {
  apiBaseUrl: parsed.VITE_API_BASE_URL.replace(/\/+$/, ""),
  /** the ward's Zalo OA id, or null when not configured */
  oaId: parsed.VITE_ZALO_OA_ID || null,
  /** a `vite build`: zmp-ui's router then expects to live under /zapps/<APP_ID> */
  isProductionBuild: parsed.PROD,
};

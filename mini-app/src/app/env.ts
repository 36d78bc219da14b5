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
  /** a `vite build`: zmp-ui's router then expects to live under /zapps/<APP_ID> */
  isProductionBuild: parsed.PROD,
};

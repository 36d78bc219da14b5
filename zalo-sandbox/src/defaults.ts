// The sandbox's Official Account when nothing is configured: shared by env.ts (for
// `pnpm start`) and createSandbox (for tests that start it in-process), so both agree.

/** OA ids are numeric strings like user ids (ZALO.md §1.3). */
export const DEFAULT_OA_ID = "2000000000000000001";
/** signs webhook events: mac = sha256(appId + body + timestamp + this) (ZALO.md §2.2) */
export const DEFAULT_OA_SECRET_KEY = "hocso-sandbox-oa-secret";
/** the one OA access token the sandbox accepts until token refresh arrives */
export const DEFAULT_OA_ACCESS_TOKEN = "hocso-sandbox-oa-token";

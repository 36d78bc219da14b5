// The sandbox's Official Account and Mini App when nothing is configured: shared by env.ts
// (for `pnpm start`) and createSandbox (for tests that start it in-process), so both agree.

/** OA ids are numeric strings like user ids (ZALO.md §1.3). */
export const DEFAULT_OA_ID = "2000000000000000001";
/** signs webhook events: mac = sha256(appId + body + timestamp + this) (ZALO.md §2.2) */
export const DEFAULT_OA_SECRET_KEY = "hocso-sandbox-oa-secret";
/** the first OA access token: valid for 25 h from the sandbox's start, like a fresh grant */
export const DEFAULT_OA_ACCESS_TOKEN = "hocso-sandbox-oa-token";
/** the seed OA refresh token: accepted again and again, standing for an admin's re-consent */
export const DEFAULT_OA_REFRESH_TOKEN = "hocso-sandbox-oa-refresh";
/** the Mini App's API key for openapi.mini.zalo.me, sent as `X-Api-Key: Bearer <key>` */
export const DEFAULT_MINIAPP_API_KEY = "hocso-sandbox-miniapp-key";
/** how the OA signs its messages in a group's history (from_display_name) */
export const DEFAULT_OA_NAME = "Học Số (OA sandbox)";

// Zalo's graph API (graph.zalo.me, or the Zalo sandbox with the same paths): identifying the
// holder of a user access token. Every call signs the token with appsecret_proof.
import { createHmac } from "node:crypto";
import type { AxiosInstance } from "axios";
import { z } from "zod";
import { ZaloHttpError } from "./zalo-error.ts";
import { createZaloHttp, zaloCall } from "./zalo-http.ts";

export interface ZaloGraphOptions {
  /** https://graph.zalo.me, or the sandbox URL */
  baseUrl: string;
  appSecret: string;
  timeoutMs?: number;
}

export interface ZaloProfile {
  /** the app-scoped Zalo user id: an 18-digit numeric string */
  id: string;
}

export interface ZaloGraphClient {
  getMe(accessToken: string): Promise<ZaloProfile>;
}

const MeSchema = z.looseObject({ id: z.string().regex(/^\d{1,32}$/) });

/** hex(HMAC-SHA256(key = app secret, message = access token)), as Zalo's PHP SDK sends it. */
export function appsecretProof(appSecret: string, accessToken: string): string {
  return createHmac("sha256", appSecret).update(accessToken).digest("hex");
}

export function createZaloGraphClient(options: ZaloGraphOptions): ZaloGraphClient {
  const http = createZaloHttp(options.baseUrl, options.timeoutMs ?? 5000);
  return {
    getMe: (accessToken) => getMe(http, options.appSecret, accessToken),
  };
}

/**
 * Who holds this user access token (the value of zmp-sdk `getAccessToken()`). Asks only for
 * the id: we key the account on it and collect nothing else from Zalo. Throws ZaloError when
 * Zalo refuses the token (-216) or the proof (-242), ZaloHttpError when Zalo is unreachable.
 *
 * @see https://miniapp.zaloplatforms.com/documents/api/getAccessToken
 */
async function getMe(http: AxiosInstance, appSecret: string, accessToken: string): Promise<ZaloProfile> {
  const endpoint = "GET /v2.0/me";
  const body = await zaloCall(http, endpoint, {
    method: "GET",
    url: "/v2.0/me",
    params: { fields: "id" },
    headers: { access_token: accessToken, appsecret_proof: appsecretProof(appSecret, accessToken) },
  });
  const me = MeSchema.safeParse(body);
  if (!me.success) throw new ZaloHttpError("Zalo answered /v2.0/me without a user id", endpoint, 200);
  return { id: me.data.id };
}

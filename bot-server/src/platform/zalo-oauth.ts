// Zalo's OAuth v4 for the ward's Official Account (oauth.zaloapp.com, or the Zalo sandbox):
// trading the single-use refresh token for a new access token and a new refresh token.
// Tokens never reach a log line or an error message from here.
import type { AxiosInstance } from "axios";
import { z } from "zod";
import { ZaloError, ZaloHttpError } from "./zalo-error.ts";
import { zaloRequest } from "./zalo-http.ts";

export const OA_ACCESS_TOKEN_PATH = "/v4/oa/access_token";

export interface OaRefreshRequest {
  appId: string;
  appSecret: string;
  refreshToken: string;
}

export interface OaTokenPair {
  accessToken: string;
  /** the next refresh token: the one just used no longer works */
  refreshToken: string;
  /** seconds the access token lives (90000 = 25 h) */
  expiresInSeconds: number;
}

// expires_in arrives as a string ("90000"); a number is accepted too, in case Zalo fixes it.
const TokenPairSchema = z.looseObject({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_in: z.union([z.string().regex(/^\d+$/), z.number().int().nonnegative()]).transform(Number),
});

// A refusal carries no `{error: 0}` envelope on success, only a negative `error` on failure.
const RefusalSchema = z.looseObject({
  error: z.number().refine((code) => code !== 0),
  error_name: z.string().optional(),
  error_description: z.string().optional(),
});

/**
 * Refreshes the OA access token. The answer's refresh token replaces the one given, which
 * Zalo kills: store the pair before using it (ZALO.md §1.2). Throws ZaloError (Zalo's code,
 * e.g. -14014 for a used or unknown refresh token) when Zalo refuses, ZaloHttpError when it
 * cannot be reached or answers something unreadable.
 *
 * @see https://developers.zalo.me/docs/official-account/bat-dau/xac-thuc-va-uy-quyen-cho-ung-dung-new
 */
export async function refreshOaAccessToken(http: AxiosInstance, request: OaRefreshRequest): Promise<OaTokenPair> {
  const endpoint = `POST ${OA_ACCESS_TOKEN_PATH}`;
  const form = new URLSearchParams({
    refresh_token: request.refreshToken,
    app_id: request.appId,
    grant_type: "refresh_token",
  });
  const body = await zaloRequest(http, endpoint, {
    method: "POST",
    url: OA_ACCESS_TOKEN_PATH,
    // the app secret goes in a header, not in the body (Zalo's PHP SDK)
    headers: { secret_key: request.appSecret, "Content-Type": "application/x-www-form-urlencoded" },
    data: form.toString(),
  });
  const refusal = RefusalSchema.safeParse(body);
  if (refusal.success) {
    const { error, error_name: name, error_description: description } = refusal.data;
    throw new ZaloError(error, description ?? name ?? "OAuth refused the refresh token", endpoint);
  }
  const pair = TokenPairSchema.safeParse(body);
  if (!pair.success) throw new ZaloHttpError("Zalo answered the token refresh without a token pair", endpoint, 200);
  return {
    accessToken: pair.data.access_token,
    refreshToken: pair.data.refresh_token,
    expiresInSeconds: pair.data.expires_in,
  };
}

// POST /api/v1/session: trade a Zalo (or sandbox) access token for our own session token.
// The server asks Zalo who the token belongs to; we never send a user id ourselves.
import { SessionResponseSchema, type SessionResponse } from "@hocso/shared/api";
import { apiRequest } from "../api-client.ts";

export function createSession(accessToken: string): Promise<SessionResponse> {
  return apiRequest({ method: "POST", path: "/session", body: { accessToken }, schema: SessionResponseSchema });
}

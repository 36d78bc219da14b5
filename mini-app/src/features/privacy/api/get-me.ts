// GET /api/v1/me: what the server holds about the learner (profile, consents, certification).
import { MeSchema, type Me } from "@hocso/shared/api";
import { apiRequest } from "../../../app/api-client.ts";

export function getMe(token: string): Promise<Me> {
  return apiRequest({ method: "GET", path: "/me", token, schema: MeSchema });
}

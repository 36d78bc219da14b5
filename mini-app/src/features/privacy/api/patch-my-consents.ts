// PATCH /api/v1/me from "Dữ liệu của tôi": the share-progress consent (with the notice version)
// and the name given for the facilitator. Answers the learner as the server now has them.
import { MeSchema, type Me, type PatchMeRequest } from "@hocso/shared/api";
import { apiRequest } from "../../../app/api-client.ts";

export function patchMyConsents(token: string, body: PatchMeRequest): Promise<Me> {
  return apiRequest({ method: "PATCH", path: "/me", body, token, schema: MeSchema });
}

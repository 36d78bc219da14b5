// PATCH /api/v1/me: consents (with the notice version) and the learner's TDP, audience and
// age band. Only called with the progress consent.
import { z } from "zod";
import type { PatchMeRequest } from "@hocso/shared/api";
import { apiRequest } from "../api-client.ts";

export async function patchMe(token: string, body: PatchMeRequest): Promise<void> {
  await apiRequest({ method: "PATCH", path: "/me", body, token, schema: z.unknown() });
}

// DELETE /api/v1/me: deletes the learner's account and everything the server holds (204).
import { z } from "zod";
import { apiRequest } from "../../../app/api-client.ts";

export async function deleteMe(token: string): Promise<void> {
  await apiRequest({ method: "DELETE", path: "/me", token, schema: z.unknown() });
}

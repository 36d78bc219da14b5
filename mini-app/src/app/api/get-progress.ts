// GET /api/v1/progress: what the server holds for this learner, e.g. from another phone.
import { ProgressListSchema, type Progress } from "@hocso/shared/api";
import { apiRequest } from "../api-client.ts";

export async function getProgress(token: string): Promise<Progress[]> {
  const list = await apiRequest({ method: "GET", path: "/progress", token, schema: ProgressListSchema });
  return list.items;
}

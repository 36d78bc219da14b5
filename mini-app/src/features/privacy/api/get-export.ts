// GET /api/v1/me/export: everything the server holds about the learner, as one JSON document
// (the "Tải dữ liệu về" file). Its shape is the server's; the app only passes it on.
import { z } from "zod";
import { apiRequest } from "../../../app/api-client.ts";

export function getExport(token: string): Promise<unknown> {
  return apiRequest({ method: "GET", path: "/me/export", token, schema: z.unknown() });
}

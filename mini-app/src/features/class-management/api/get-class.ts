// GET /api/v1/classes/:classId: one weekly class, with its cancelled dates.
import { WeeklyClassSchema, type WeeklyClass } from "@hocso/shared/classes";
import { apiRequest } from "../../../app/api-client.ts";

export function getClass(token: string, classId: string): Promise<WeeklyClass> {
  return apiRequest({ method: "GET", path: `/classes/${encodeURIComponent(classId)}`, token, schema: WeeklyClassSchema });
}

// GET /api/v1/classes/:classId (staff): the weekly class the facilitator started from, for its
// TDP (tổ dân phố) and the lessons planned for it.
import { WeeklyClassSchema, type WeeklyClass } from "@hocso/shared/classes";
import { apiRequest } from "../../../app/api-client.ts";

export function getClass(token: string, classId: string): Promise<WeeklyClass> {
  return apiRequest({ method: "GET", path: `/classes/${encodeURIComponent(classId)}`, token, schema: WeeklyClassSchema });
}

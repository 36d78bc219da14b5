// GET /api/v1/classes?tdpId=&days=: the next meetings of a TDP's weekly classes. Works without a
// session; with one, each meeting says whether this learner answered "Tôi sẽ tham gia".
import { ClassListSchema, type ClassOccurrenceView } from "@hocso/shared/api";
import { apiRequest } from "../../../app/api-client.ts";

/** four weeks ahead: the next four weekly meetings */
export const CLASS_DAYS_AHEAD = 28;

export async function getClasses(tdpId: string, token?: string): Promise<ClassOccurrenceView[]> {
  const query = `tdpId=${encodeURIComponent(tdpId)}&days=${CLASS_DAYS_AHEAD}`;
  const list = await apiRequest({ method: "GET", path: `/classes?${query}`, token, schema: ClassListSchema });
  return list.items;
}

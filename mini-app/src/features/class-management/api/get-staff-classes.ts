// GET /api/v1/staff/classes: the weekly classes of every TDP the facilitator manages.
import { StaffClassListSchema, type WeeklyClass } from "@hocso/shared/classes";
import { apiRequest } from "../../../app/api-client.ts";

export async function getStaffClasses(token: string): Promise<WeeklyClass[]> {
  const list = await apiRequest({ method: "GET", path: "/staff/classes", token, schema: StaffClassListSchema });
  return list.items;
}

// DELETE /api/v1/classes/:classId/cancellations/:date: "Khôi phục buổi này".
import { ClassRestoreResultSchema, type WeeklyClass } from "@hocso/shared/classes";
import { apiRequest } from "../../../app/api-client.ts";

export async function deleteCancellation(token: string, classId: string, date: string): Promise<WeeklyClass> {
  const result = await apiRequest({
    method: "DELETE",
    path: `/classes/${encodeURIComponent(classId)}/cancellations/${date}`,
    token,
    schema: ClassRestoreResultSchema,
  });
  return result.class;
}

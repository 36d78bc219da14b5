// PUT /api/v1/classes/:classId/cancellations/:date: "Hủy buổi này". The server stops the
// meeting's reminders and tells those already reminded; repeating it changes nothing.
import { ClassCancellationResultSchema, type ClassCancellationResult } from "@hocso/shared/classes";
import { apiRequest } from "../../../app/api-client.ts";

export function putCancellation(token: string, classId: string, date: string): Promise<ClassCancellationResult> {
  return apiRequest({
    method: "PUT",
    path: `/classes/${encodeURIComponent(classId)}/cancellations/${date}`,
    token,
    schema: ClassCancellationResultSchema,
  });
}

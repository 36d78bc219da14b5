// PATCH /api/v1/classes/:classId: the fields that changed; residents already reminded of a
// meeting whose time or place changed are told by the server.
import { WeeklyClassSchema, type PatchClassRequest, type WeeklyClass } from "@hocso/shared/classes";
import { apiRequest } from "../../../app/api-client.ts";

export function patchClass(token: string, classId: string, patch: PatchClassRequest): Promise<WeeklyClass> {
  return apiRequest({
    method: "PATCH",
    path: `/classes/${encodeURIComponent(classId)}`,
    body: patch,
    token,
    schema: WeeklyClassSchema,
  });
}

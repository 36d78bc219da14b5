// POST /api/v1/classes: a new weekly class; a 400 names every field to fix, a 409 says the
// TDP already has a class at that weekday and time.
import { WeeklyClassSchema, type CreateClassRequest, type WeeklyClass } from "@hocso/shared/classes";
import { apiRequest } from "../../../app/api-client.ts";

export function postClass(token: string, request: CreateClassRequest): Promise<WeeklyClass> {
  return apiRequest({ method: "POST", path: "/classes", body: request, token, schema: WeeklyClassSchema });
}

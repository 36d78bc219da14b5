// POST /api/v1/attendance/check-in: a resident checks in at a class with the code the
// facilitator shows. Needs the progress consent; 404 for a wrong or expired code.
import { CheckInResultSchema, type CheckInResult } from "@hocso/shared/attendance";
import { apiRequest } from "../../../app/api-client.ts";

export function postCheckIn(token: string, code: string): Promise<CheckInResult> {
  return apiRequest({ method: "POST", path: "/attendance/check-in", body: { code }, token, schema: CheckInResultSchema });
}

// GET /api/v1/classroom/answers?tdpId=&date=: a TDP's (tổ dân phố) counts of one day, for the
// summary and so that reopening the lesson shows what was already recorded.
import { ClassroomAnswerListSchema, type ClassroomAnswerList } from "@hocso/shared/classroom";
import { apiRequest } from "../../../app/api-client.ts";

export function getClassroomAnswers(token: string, tdpId: string, date: string): Promise<ClassroomAnswerList> {
  const query = new URLSearchParams({ tdpId, date });
  return apiRequest({ method: "GET", path: `/classroom/answers?${query}`, token, schema: ClassroomAnswerListSchema });
}

// PUT /api/v1/classroom/answers: how many of the room answered one question right; asking it
// again the same day replaces the counts. The server answers with the stored row.
import { ClassroomAnswerSchema, type ClassroomAnswer, type ClassroomAnswerRequest } from "@hocso/shared/classroom";
import { apiRequest } from "../../../app/api-client.ts";

export function putClassroomAnswer(token: string, body: ClassroomAnswerRequest): Promise<ClassroomAnswer> {
  return apiRequest({ method: "PUT", path: "/classroom/answers", body, token, schema: ClassroomAnswerSchema });
}

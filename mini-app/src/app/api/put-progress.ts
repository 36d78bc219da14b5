// PUT /api/v1/progress/:lessonId: the learner's place in one lesson. Idempotent, so sending
// the same record again after a lost answer is harmless.
import { z } from "zod";
import type { ProgressPut } from "@hocso/shared/api";
import { apiRequest } from "../api-client.ts";

export async function putProgress(token: string, lessonId: string, body: ProgressPut): Promise<void> {
  await apiRequest({
    method: "PUT",
    path: `/progress/${encodeURIComponent(lessonId)}`,
    body,
    token,
    schema: z.unknown(),
  });
}

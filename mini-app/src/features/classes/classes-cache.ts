// The last class list fetched for the learner's TDP (key hocso:classes), shown when the phone
// is offline, with the time it was fetched.
import * as z from "zod/mini";
import type { ClassOccurrenceView } from "@hocso/shared/api";
import { createDeviceStore } from "../../app/device-store.ts";

export const CLASSES_KEY = "hocso:classes";

const MeetingSchema = z.object({
  classId: z.string(),
  tdpId: z.string(),
  date: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  topic: z.string(),
  bring: z.string(),
  lessonIds: z.array(z.string()),
  going: z.nullable(z.boolean()),
});

const CachedClassesSchema = z.nullable(
  z.object({ tdpId: z.string(), fetchedAt: z.string(), items: z.array(MeetingSchema) }),
);
export type CachedClasses = z.infer<typeof CachedClassesSchema>;

export const classesCache = createDeviceStore<CachedClasses>(CLASSES_KEY, CachedClassesSchema, null);

/** Keep the learner's new answer in the cached list too. */
export function rememberAnswer(answered: ClassOccurrenceView): void {
  classesCache.set((cached) =>
    cached && {
      ...cached,
      items: cached.items.map((m) => (m.classId === answered.classId && m.date === answered.date ? { ...m, going: answered.going } : m)),
    },
  );
}

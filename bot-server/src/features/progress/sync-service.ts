// POST /api/v1/sync: a batch of learning events from the phone's offline queue. All or
// nothing: the whole batch is checked first; then one transaction stores each event id once
// per learner and moves the progress rows of the lessons it touched.
import type { SyncRequest, SyncResponse } from "@hocso/shared/api";
import type { Db } from "../../db/database.ts";
import { insertLearningEvent, type LearningEvent } from "../../db/learning-events.ts";
import { findProgress, listProgress, saveProgress, toProgress } from "../../db/progress.ts";
import { requireConsent } from "../../lib/consent.ts";
import type { FindLesson } from "../../lib/content.ts";
import { applyEvents, sameStoredProgress } from "./progress-events.ts";
import type { ProgressDeps } from "./progress-service.ts";
import { checkEvents } from "./sync-rules.ts";

export function syncEvents(deps: ProgressDeps, userId: number, request: SyncRequest): SyncResponse {
  requireConsent(deps.db, userId, "progress");
  const now = deps.clock.now();
  const events = checkEvents(deps.findLesson, request.events, now);
  return deps.db.transaction((): SyncResponse => {
    const accepted: string[] = [];
    const duplicates: string[] = [];
    const stored: LearningEvent[] = [];
    for (const event of events) {
      if (insertLearningEvent(deps.db, userId, event, now.toISOString())) {
        accepted.push(event.id);
        stored.push(event);
      } else {
        duplicates.push(event.id);
      }
    }
    moveProgress(deps.db, deps.findLesson, userId, stored, now);
    return { accepted, duplicates, progress: listProgress(deps.db, userId).map(toProgress) };
  })();
}

/** Applies newly stored events lesson by lesson; a row is written only when it changes. */
function moveProgress(db: Db, findLesson: FindLesson, userId: number, events: LearningEvent[], now: Date): void {
  const byLesson = new Map<string, LearningEvent[]>();
  for (const e of events) byLesson.set(e.lessonId, [...(byLesson.get(e.lessonId) ?? []), e]);
  for (const [lessonId, lessonEvents] of byLesson) {
    const lesson = findLesson(lessonId);
    if (!lesson) throw new Error(`lesson ${lessonId} passed the checks but is not in the course`);
    const previous = findProgress(db, userId, lessonId);
    const next = applyEvents(previous, lesson, lessonEvents);
    if (!next || (previous && sameStoredProgress(previous, next))) continue;
    saveProgress(db, userId, { ...next, updatedAt: now.toISOString() });
  }
}

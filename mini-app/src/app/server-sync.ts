// The server half of sync.ts, loaded only once the learner consented: it signs in and sends
// what the phone holds. Every write is idempotent, so anything that could not be sent (no
// network, server down) is simply sent again on the next start or when back online.
import type { Progress, ProgressPut } from "@hocso/shared/api";
import { messageOf } from "./api-client.ts";
import { getProgress } from "./api/get-progress.ts";
import { patchMe } from "./api/patch-me.ts";
import { putProgress } from "./api/put-progress.ts";
import { learnerStore } from "./learner-store.ts";
import { markSynced, progressStore, type LessonProgress } from "./progress-store.ts";
import { withSession } from "./session.ts";
import type { SaveOutcome } from "./sync.ts";

async function attempt(work: () => Promise<void>): Promise<SaveOutcome> {
  try {
    await work();
    return { kind: "server" };
  } catch (error) {
    return { kind: "failed", message: messageOf(error) };
  }
}

export const sendPending = () => attempt(pending);
export const sendConsents = () => attempt(consents);
export const sendLesson = (lessonId: string) => attempt(() => lesson(lessonId));
export const sendPendingAndPull = () =>
  attempt(async () => {
    await pending();
    mergeServerProgress(await withSession(getProgress));
  });

async function pending(): Promise<void> {
  const learner = learnerStore.get();
  if (learner.consents && !learner.consents.synced) await consents();
  if (learner.profile && !learner.profile.synced) await profile();
  for (const [lessonId, record] of Object.entries(progressStore.get())) {
    if (!record.synced) await lesson(lessonId);
  }
}

async function consents(): Promise<void> {
  const decided = learnerStore.get().consents;
  if (!decided) return;
  await withSession((token) =>
    patchMe(token, {
      consents: { progress: decided.progress, reminders: decided.reminders },
      consentVersion: decided.version,
    }),
  );
  learnerStore.set((learner) =>
    learner.consents?.decidedAt === decided.decidedAt
      ? { ...learner, consents: { ...learner.consents, synced: true } }
      : learner,
  );
}

async function profile(): Promise<void> {
  const saved = learnerStore.get().profile;
  if (!saved || saved.ageBand === "duoi-16") return;
  const { tdpId, audience, ageBand } = saved;
  await withSession((token) => patchMe(token, { tdpId, audience, ageBand }));
  learnerStore.set((learner) =>
    learner.profile?.tdpId === tdpId && learner.profile.audience === audience && learner.profile.ageBand === ageBand
      ? { ...learner, profile: { ...learner.profile, synced: true } }
      : learner,
  );
}

async function lesson(lessonId: string): Promise<void> {
  const record = progressStore.get()[lessonId];
  if (!record || record.synced) return;
  await withSession((token) => putProgress(token, lessonId, toProgressPut(record)));
  markSynced(lessonId, record.updatedAt);
}

function toProgressPut(record: LessonProgress): ProgressPut {
  // The server keeps the best score itself; a finished lesson reports its latest attempt.
  if (record.completed && record.total !== null) {
    return {
      stepIndex: record.stepIndex,
      completed: true,
      quiz: { correct: record.lastCorrect ?? record.bestCorrect ?? 0, total: record.total },
    };
  }
  return { stepIndex: record.stepIndex, completed: false };
}

/** Take the server's record where it knows more than the phone (another phone, a reinstall). */
function mergeServerProgress(items: Progress[]): void {
  progressStore.set((all) => {
    const merged = { ...all };
    for (const item of items) {
      const local = merged[item.lessonId];
      const serverCompleted = item.completedAt !== null;
      if (!local) {
        merged[item.lessonId] = {
          stepIndex: item.stepIndex,
          completed: serverCompleted,
          bestCorrect: item.bestCorrect,
          lastCorrect: item.lastCorrect,
          total: item.total,
          updatedAt: item.updatedAt,
          synced: true,
        };
        continue;
      }
      if (!local.synced) continue; // the phone's newer change is on its way
      merged[item.lessonId] = {
        ...local,
        completed: local.completed || serverCompleted,
        bestCorrect:
          item.bestCorrect === null ? local.bestCorrect : Math.max(local.bestCorrect ?? 0, item.bestCorrect),
        total: local.total ?? item.total,
      };
    }
    return merged;
  });
}

// The server half of sync.ts, loaded only once the learner consented: it signs in, sends the
// consents and profile, empties the outbox in batches and takes in the server's progress.
// Events leave the outbox only when the server acknowledged them (accepted or duplicate); a
// lost connection or a server error keeps them for the next try, so a batch may be sent twice
// and the server, which stores each event id once, counts it once.
import type { Progress, SyncEvent, SyncResponse } from "@hocso/shared/api";
import { ApiError, messageOf } from "./api-client.ts";
import { getProgress } from "./api/get-progress.ts";
import { patchMe } from "./api/patch-me.ts";
import { postSync } from "./api/post-sync.ts";
import { learnerStore } from "./learner-store.ts";
import { outboxStore, removeEvents, syncStatus } from "./outbox.ts";
import { progressStore, type LessonProgress } from "./progress-store.ts";
import { withSession } from "./session.ts";
import { strings } from "./strings.ts";
import type { SaveOutcome } from "./sync.ts";

/** SyncRequest allows at most this many events */
export const MAX_BATCH_EVENTS = 200;
/** the server reads sync bodies up to 64 kB (bot-server sync-routes.ts); a batch stays below */
export const MAX_BATCH_BYTES = 60_000;

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
export const pullProgress = () =>
  attempt(async () => mergeServerProgress(await withSession(getProgress), pendingLessons()));

async function pending(): Promise<void> {
  const learner = learnerStore.get();
  if (learner.consents && !learner.consents.synced) await consents();
  if (learner.profile && !learner.profile.synced) await profile();
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
  // under 16: nothing about the learner goes to the server until a guardian confirms
  if (!saved || saved.ageBand === "duoi-16") return;
  const { tdpId, audience, ageBand } = saved;
  await withSession((token) => patchMe(token, { tdpId, audience, ageBand }));
  learnerStore.set((learner) =>
    learner.profile?.tdpId === tdpId && learner.profile.audience === audience && learner.profile.ageBand === ageBand
      ? { ...learner, profile: { ...learner.profile, synced: true } }
      : learner,
  );
}

/** Lessons with events still on the phone: there the phone knows more than the server. */
function pendingLessons(): Set<string> {
  return new Set(outboxStore.get().map((e) => e.lessonId));
}

/** The oldest events that fit one request. */
export function nextBatch(events: readonly SyncEvent[], maxEvents = MAX_BATCH_EVENTS, maxBytes = MAX_BATCH_BYTES): SyncEvent[] {
  const batch: SyncEvent[] = [];
  let bytes = '{"events":[]}'.length;
  for (const event of events) {
    if (batch.length >= maxEvents) break;
    // every field is ASCII (UUIDs, kebab-case ids, ISO times), so characters are bytes
    const size = JSON.stringify(event).length + 1;
    if (batch.length > 0 && bytes + size > maxBytes) break;
    batch.push(event);
    bytes += size;
  }
  return batch;
}

/** Send the outbox, batch after batch, until it is empty or something stops it. */
export async function flushOutbox(): Promise<SaveOutcome> {
  /** shrinks after a 413, in case the server's body limit is lower than we think */
  let batchLimit = MAX_BATCH_EVENTS;
  for (;;) {
    const batch = nextBatch(outboxStore.get(), batchLimit);
    if (batch.length === 0) {
      syncStatus.set({ state: { kind: "idle" } });
      return { kind: "server" };
    }
    syncStatus.set({ state: { kind: "sending" } });
    let answer: SyncResponse;
    try {
      answer = await withSession((token) => postSync(token, batch));
    } catch (error) {
      if (error instanceof ApiError && error.code === "payload_too_large" && batch.length > 1) {
        batchLimit = Math.ceil(batch.length / 2);
        continue;
      }
      const refused = refusedEvents(error, batch);
      if (refused.size === 0) return failure(error);
      // only the events the server named are dropped; ids and counts only, nothing personal
      console.warn(`sync: the server refused ${refused.size} event(s)`, (error as ApiError).requestId ?? "");
      removeEvents(refused);
      syncStatus.refuse(refused);
      continue;
    }
    const acknowledged = new Set([...answer.accepted, ...answer.duplicates]);
    removeEvents(acknowledged);
    mergeServerProgress(answer.progress, pendingLessons());
    if (!batch.some((e) => acknowledged.has(e.id))) {
      // a 200 that acknowledges nothing of the batch: try again later instead of spinning
      return failure(new ApiError(strings.errors.unexpected, "unexpected", 200));
    }
  }
}

/**
 * The events a 4xx answer names, by their place in the batch (`events.3.choice`, the zod
 * path the server reports) or by id (`events.<uuid>`). Session, consent and rate-limit
 * answers name none: the whole batch waits.
 */
function refusedEvents(error: unknown, batch: readonly SyncEvent[]): Set<string> {
  const named = new Set<string>();
  if (!(error instanceof ApiError) || error.status < 400 || error.status >= 500) return named;
  if (error.code === "unauthorized" || error.code === "forbidden" || error.code === "rate_limited") return named;
  for (const field of error.fields) {
    const [root, key] = field.path.split(".");
    if (root !== "events" || key === undefined) continue;
    const byIndex = /^\d+$/.test(key) ? batch[Number(key)] : undefined;
    const event = byIndex ?? batch.find((e) => e.id === key);
    if (event) named.add(event.id);
  }
  return named;
}

function failure(error: unknown): SaveOutcome {
  const message = messageOf(error);
  const offline = error instanceof ApiError && error.code === "network";
  syncStatus.set({ state: offline ? { kind: "offline" } : { kind: "failed", message } });
  return { kind: "failed", message };
}

/**
 * Take in the server's records (another phone, a reinstall): per lesson the newer `updatedAt`
 * wins, except for lessons with events still waiting on this phone, which knows more. Finishing
 * and the best score only ever grow, whichever side wins.
 */
export function mergeServerProgress(items: readonly Progress[], pendingLessons: ReadonlySet<string>): void {
  if (items.length === 0) return;
  progressStore.set((all) => {
    const merged = { ...all };
    for (const item of items) {
      const local = merged[item.lessonId];
      const server: LessonProgress = {
        stepIndex: item.stepIndex,
        completed: item.completedAt !== null,
        bestCorrect: item.bestCorrect,
        lastCorrect: item.lastCorrect,
        total: item.total,
        updatedAt: item.updatedAt,
      };
      if (!local) {
        merged[item.lessonId] = server;
        continue;
      }
      const serverNewer = !pendingLessons.has(item.lessonId) && Date.parse(server.updatedAt) > Date.parse(local.updatedAt);
      const winner = serverNewer ? server : local;
      const best = [local.bestCorrect, server.bestCorrect].filter((n): n is number => n !== null);
      merged[item.lessonId] = {
        ...winner,
        completed: local.completed || server.completed,
        bestCorrect: best.length > 0 ? Math.max(...best) : null,
        total: winner.total ?? local.total ?? server.total,
      };
    }
    return merged;
  });
}

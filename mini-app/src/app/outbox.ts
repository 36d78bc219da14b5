// The outbox of learning events (key hocso:outbox): every step reached, every answer and every
// finished quiz, each with an id made on the phone. An event is written here at once and leaves
// only after the server acknowledged it (server-sync.ts), so the learner never waits for the
// network and nothing is lost to it. Without the progress consent, or for an under-16 learner,
// events simply stay here.
import { useSyncExternalStore } from "react";
import * as z from "zod/mini";
import type { SyncEvent } from "@hocso/shared/api";
import { createDeviceStore } from "./device-store.ts";

export const OUTBOX_KEY = "hocso:outbox";

/** Beyond this many waiting events the oldest step events go first, then the oldest of any kind. */
export const OUTBOX_CAP = 2000;

const Base = { id: z.string(), lessonId: z.string(), at: z.string() };
const EventSchema = z.discriminatedUnion("type", [
  z.object({ ...Base, type: z.literal("step"), stepIndex: z.int() }),
  z.object({
    ...Base,
    type: z.literal("answer"),
    questionId: z.string(),
    choice: z.int(),
    source: z.enum(["quiz", "review"]),
  }),
  z.object({ ...Base, type: z.literal("quiz-finished"), correct: z.int(), total: z.int() }),
]);

export const outboxStore = createDeviceStore<SyncEvent[]>(OUTBOX_KEY, z.array(EventSchema), []);

type WithoutStamp<E> = E extends SyncEvent ? Omit<E, "id" | "at"> : never;
/** an event as the screens describe it; the outbox adds its id and time */
export type NewEvent = WithoutStamp<SyncEvent>;

export function appendEvent(event: NewEvent, now = new Date()): SyncEvent {
  const stamped = { ...event, id: newEventId(), at: now.toISOString() } as SyncEvent;
  outboxStore.set((all) => capOutbox([...all, stamped]));
  return stamped;
}

/** Forget the events the server acknowledged (or refused by name). */
export function removeEvents(ids: ReadonlySet<string>): void {
  if (ids.size === 0) return;
  outboxStore.set((all) => (all.some((e) => ids.has(e.id)) ? all.filter((e) => !ids.has(e.id)) : all));
}

/** Keep at most `cap` events: drop the oldest step events first (only the latest place matters). */
export function capOutbox(events: SyncEvent[], cap = OUTBOX_CAP): SyncEvent[] {
  let excess = events.length - cap;
  if (excess <= 0) return events;
  const dropped = new Set<string>();
  for (const event of events) {
    if (excess === 0) break;
    if (event.type === "step") {
      dropped.add(event.id);
      excess--;
    }
  }
  const kept = events.filter((e) => !dropped.has(e.id));
  return kept.length > cap ? kept.slice(kept.length - cap) : kept;
}

/** A version 4 UUID; crypto.randomUUID is missing in older web views and on plain http. */
export function newEventId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// ---- how the last attempt to send went (in memory: a new visit simply tries again) ----

export type SyncState =
  | { kind: "idle" }
  | { kind: "sending" }
  | { kind: "offline" }
  | { kind: "failed"; message: string };

interface SyncStatus {
  state: SyncState;
  /** events the server refused by name: they left the outbox without being saved */
  refused: ReadonlySet<string>;
}

let status: SyncStatus = { state: { kind: "idle" }, refused: new Set() };
const statusListeners = new Set<() => void>();

export const syncStatus = {
  get: (): SyncStatus => status,
  set(next: Partial<SyncStatus>): void {
    status = { ...status, ...next };
    for (const listener of statusListeners) listener();
  },
  refuse(ids: Iterable<string>): void {
    syncStatus.set({ refused: new Set([...status.refused, ...ids]) });
  },
  reset(): void {
    syncStatus.set({ state: { kind: "idle" }, refused: new Set() });
  },
  subscribe(listener: () => void): () => void {
    statusListeners.add(listener);
    return () => statusListeners.delete(listener);
  },
};

export function useSyncStatus(): SyncStatus {
  return useSyncExternalStore(syncStatus.subscribe, syncStatus.get, syncStatus.get);
}

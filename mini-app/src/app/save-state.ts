// Where one event (e.g. a finished quiz) stands, for the screen that made it: kept on the phone
// only, on its way, waiting for the network, or saved on the server.
import { useDeviceStore } from "./device-store.ts";
import { learnerStore, mayUseServer } from "./learner-store.ts";
import { outboxStore, useSyncStatus } from "./outbox.ts";
import { strings } from "./strings.ts";

export type EventSaveState =
  | { kind: "device" }
  | { kind: "saving" }
  | { kind: "saved" }
  | { kind: "offline" }
  | { kind: "failed"; message: string };

/** Where one event (e.g. a finished quiz) stands: on the phone only, on its way, or saved. */
export function useEventSaveState(eventId: string): EventSaveState {
  const learner = useDeviceStore(learnerStore);
  const outbox = useDeviceStore(outboxStore);
  const { state, refused } = useSyncStatus();
  if (!mayUseServer(learner)) return { kind: "device" };
  if (refused.has(eventId)) return { kind: "failed", message: strings.errors.badRequest };
  if (!outbox.some((e) => e.id === eventId)) return { kind: "saved" };
  if (state.kind === "offline" || !navigator.onLine) return { kind: "offline" };
  if (state.kind === "failed") return { kind: "failed", message: state.message };
  return { kind: "saving" };
}

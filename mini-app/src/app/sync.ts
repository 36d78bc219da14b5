// What the learner does is saved on the phone first, always. These functions then decide
// whether it may go to the server (only with the progress consent, never for under-16s) and
// only in that case load the server code (server-sync.ts, with the API client and its
// schemas), so a learner who never consents never downloads it.
//
// The one path to the server for learning is the outbox (outbox.ts): it is sent when the app
// starts, when an event is added, when the connection returns and every 30 s while anything
// waits. Consents and the profile are small records sent beside it.
import { learnerStore, mayUseServer, type LocalProfile } from "./learner-store.ts";
import { outboxStore, syncStatus } from "./outbox.ts";
import { sessionStore } from "./session-store.ts";
import { strings } from "./strings.ts";
import { onNetworkChange } from "./zalo.ts";

export type SaveOutcome = { kind: "server" } | { kind: "device" } | { kind: "failed"; message: string };

const DEVICE: SaveOutcome = { kind: "device" };

/** how often waiting events are tried again while the app is open */
export const RETRY_INTERVAL_MS = 30_000;

let learnerRules: Promise<typeof import("@hocso/shared/learner")> | undefined;

/**
 * shared/learner builds zod schemas with zod's full API; loading it beside the first screen
 * instead of inside it keeps that screen's script smaller. The app starts this at launch.
 */
export function loadLearnerRules(): Promise<typeof import("@hocso/shared/learner")> {
  learnerRules ??= import("@hocso/shared/learner").catch((error: unknown) => {
    learnerRules = undefined; // try again next time
    throw error;
  });
  return learnerRules;
}

type ServerCode = typeof import("./server-sync.ts");

async function onServer(work: (server: ServerCode) => Promise<SaveOutcome>): Promise<SaveOutcome> {
  let server: ServerCode;
  try {
    server = await import("./server-sync.ts");
  } catch (error) {
    // offline before the server code was ever loaded
    console.warn("could not load the server code", error);
    syncStatus.set({ state: { kind: "offline" } });
    return { kind: "failed", message: strings.errors.network };
  }
  return work(server);
}

/** The server has an account for this learner: this phone signed in at least once. */
export function serverKnowsLearner(): boolean {
  return learnerStore.get().signedInVia !== null || sessionStore.get() !== null;
}

/**
 * Record the learner's answer to the consent notice. With the progress consent this signs
 * in and tells the server (the reminders choice rides along), then sends what waited on the
 * phone and takes in what the server knows; without it nothing leaves the phone, except a
 * withdrawal of a consent the server already knows.
 */
export async function recordConsents(choice: { progress: boolean; reminders: boolean }): Promise<SaveOutcome> {
  let version: string;
  try {
    version = (await loadLearnerRules()).CONSENT_TEXT_VERSION;
  } catch (error) {
    console.warn("could not load the consent rules", error);
    return { kind: "failed", message: strings.errors.network };
  }
  const before = learnerStore.get().consents;
  learnerStore.set((learner) => ({
    ...learner,
    onboarded: true,
    consents: { ...choice, version, decidedAt: new Date().toISOString(), synced: false },
  }));
  if (choice.progress) {
    if (!mayUseServer(learnerStore.get())) return DEVICE;
    const outcome = await onServer((s) => s.sendPending());
    if (outcome.kind === "server") {
      await onServer((s) => s.pullProgress()); // another phone's progress, before the first lesson
      void requestSync(); // what was learned before consenting
    }
    return outcome;
  }
  // never sign in just to say no: only a server that already knows the learner is told
  return before && serverKnowsLearner() ? onServer((s) => s.sendConsents()) : DEVICE;
}

/** Save the TDP, audience group and age band. */
export async function saveProfile(profile: Omit<LocalProfile, "synced">): Promise<SaveOutcome> {
  learnerStore.set((learner) => ({ ...learner, profile: { ...profile, synced: false } }));
  return mayUseServer(learnerStore.get()) ? onServer((s) => s.sendPending()) : DEVICE;
}

let flushing: Promise<void> | null = null;
let again = false;

/**
 * Send the outbox now, when the learner allows it. One run at a time: a request made during
 * a run makes it go round once more. Never throws; the outcome is in `syncStatus`.
 */
export function requestSync(): Promise<void> {
  if (flushing) {
    again = true;
    return flushing;
  }
  if (!mayUseServer(learnerStore.get()) || outboxStore.get().length === 0) return Promise.resolve();
  flushing = (async () => {
    let outcome: SaveOutcome;
    do {
      again = false;
      outcome = await onServer((s) => s.flushOutbox());
    } while (again && outcome.kind === "server" && mayUseServer(learnerStore.get()) && outboxStore.get().length > 0);
  })().finally(() => {
    flushing = null;
  });
  return flushing;
}

/** Resolves once no batch is on its way (e.g. before deleting the account). */
export function whenSyncIdle(): Promise<void> {
  return flushing ?? Promise.resolve();
}

/**
 * On start and when back online: send what is still only on the phone (consents, profile,
 * events), then take in the server's progress (another phone, a reinstall).
 */
export async function syncOnStart(): Promise<SaveOutcome> {
  const learner = learnerStore.get();
  if (mayUseServer(learner)) {
    await onServer((s) => s.sendPending()); // a failure stays pending for next time
    await requestSync();
    return onServer((s) => s.pullProgress());
  }
  // a withdrawal decided offline still has to reach the server that holds the data
  if (learner.consents && !learner.consents.synced && serverKnowsLearner()) return onServer((s) => s.sendConsents());
  return DEVICE;
}

/** Start sending in the background; returns the function that stops it. */
export function startSync(): () => void {
  void syncOnStart();
  const stopListening = onNetworkChange(() => void syncOnStart());
  const timer = window.setInterval(() => {
    if (outboxStore.get().length > 0) void requestSync();
  }, RETRY_INTERVAL_MS);
  return () => {
    stopListening();
    window.clearInterval(timer);
  };
}

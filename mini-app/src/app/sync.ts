// What the learner does is saved on the phone first, always. These functions then decide
// whether it may go to the server (only with the progress consent, never for under-16s) and
// only in that case load the server code (server-sync.ts, with the API client and its
// schemas), so a learner who never consents never downloads it.
import { learnerStore, mayUseServer, type LocalProfile } from "./learner-store.ts";
import { strings } from "./strings.ts";

export type SaveOutcome = { kind: "server" } | { kind: "device" } | { kind: "failed"; message: string };

const DEVICE: SaveOutcome = { kind: "device" };

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

async function onServer(work: (server: typeof import("./server-sync.ts")) => Promise<SaveOutcome>): Promise<SaveOutcome> {
  let server: typeof import("./server-sync.ts");
  try {
    server = await import("./server-sync.ts");
  } catch (error) {
    console.warn("could not load the server code", error);
    return { kind: "failed", message: strings.errors.network };
  }
  return work(server);
}

/**
 * Record the learner's answer to the consent notice. With the progress consent this signs
 * in and tells the server (the reminders choice rides along); without it nothing leaves the
 * phone, except a withdrawal of a consent the server already knows.
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
    return mayUseServer(learnerStore.get()) ? onServer((s) => s.sendPending()) : DEVICE;
  }
  return before?.progress === true ? onServer((s) => s.sendConsents()) : DEVICE;
}

/** Save the TDP, audience group and age band. */
export async function saveProfile(profile: Omit<LocalProfile, "synced">): Promise<SaveOutcome> {
  learnerStore.set((learner) => ({ ...learner, profile: { ...profile, synced: false } }));
  return mayUseServer(learnerStore.get()) ? onServer((s) => s.sendPending()) : DEVICE;
}

/** Mirror one lesson's progress record, already saved on the phone. */
export async function syncLesson(lessonId: string): Promise<SaveOutcome> {
  return mayUseServer(learnerStore.get()) ? onServer((s) => s.sendLesson(lessonId)) : DEVICE;
}

/** On start and when back online: send what is still only on the phone, take in the rest. */
export async function syncOnStart(): Promise<SaveOutcome> {
  return mayUseServer(learnerStore.get()) ? onServer((s) => s.sendPendingAndPull()) : DEVICE;
}

// Start each test from a phone that has never run the app.
import { learnerStore } from "../app/learner-store.ts";
import { progressStore } from "../app/progress-store.ts";
import { sessionStore } from "../app/session-store.ts";

export function freshDevice(): void {
  window.localStorage.clear();
  learnerStore.reload();
  progressStore.reload();
  sessionStore.reload();
}

export function stored(key: string): unknown {
  const raw = window.localStorage.getItem(key);
  return raw === null ? null : JSON.parse(raw);
}

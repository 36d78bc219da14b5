// Start each test from a phone that has never run the app.
import { clearAllDeviceData } from "../app/device-store.ts";
import { syncStatus } from "../app/outbox.ts";

export function freshDevice(): void {
  window.localStorage.clear();
  clearAllDeviceData(); // every store in memory back to its initial value
  syncStatus.reset();
}

export function stored(key: string): unknown {
  const raw = window.localStorage.getItem(key);
  return raw === null ? null : JSON.parse(raw);
}

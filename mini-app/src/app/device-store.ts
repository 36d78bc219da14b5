// A small observable value kept in device storage under one `hocso:*` key. React reads it
// through useSyncExternalStore; a damaged or outdated stored value falls back to the initial
// one instead of breaking the app.
import { useSyncExternalStore } from "react";
import type { ZodMiniType } from "zod/mini";
import { clearDeviceStorage, deviceStorage } from "./zalo.ts";

/** every store made so far, so that wiping the phone also resets what is held in memory */
const stores = new Set<DeviceStore<unknown>>();

export interface DeviceStore<T> {
  readonly key: string;
  get(): T;
  set(next: T | ((current: T) => T)): void;
  subscribe(listener: () => void): () => void;
  /** forget the stored value (Dữ liệu của tôi → xóa) */
  clear(): void;
  /** read storage again, e.g. after another tab or a test changed it */
  reload(): void;
}

export function createDeviceStore<T>(key: string, schema: ZodMiniType<T>, initial: T): DeviceStore<T> {
  const listeners = new Set<() => void>();
  let value = read();

  function read(): T {
    const raw = deviceStorage.getItem(key);
    if (raw === null) return initial;
    try {
      const parsed = schema.safeParse(JSON.parse(raw));
      if (parsed.success) return parsed.data;
    } catch {
      // not JSON: treat like a missing value
    }
    console.warn(`ignoring unreadable ${key} in device storage`);
    return initial;
  }

  function notify(): void {
    for (const listener of listeners) listener();
  }

  const store: DeviceStore<T> = {
    key,
    get: () => value,
    set(next) {
      value = typeof next === "function" ? (next as (current: T) => T)(value) : next;
      deviceStorage.setItem(key, JSON.stringify(value));
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    clear() {
      deviceStorage.removeItem(key);
      value = initial;
      notify();
    },
    reload() {
      value = read();
      notify();
    },
  };
  stores.add(store as DeviceStore<unknown>);
  return store;
}

/**
 * Remove every `hocso:*` key from this phone (Dữ liệu của tôi → xóa), including keys of
 * screens not opened in this visit, and reset the stores in memory to their initial values.
 */
export function clearAllDeviceData(): void {
  clearDeviceStorage("hocso:");
  for (const store of stores) store.reload();
}

export function useDeviceStore<T>(store: DeviceStore<T>): T {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}

/**
 * The current value of every store this visit has opened, by key, leaving out `omit` (the
 * session token is no data about the learner): the phone's half of "Tải dữ liệu về".
 */
export function snapshotDeviceStores(omit: readonly string[]): Record<string, unknown> {
  const snapshot: Record<string, unknown> = {};
  for (const store of [...stores].sort((a, b) => a.key.localeCompare(b.key))) {
    if (!omit.includes(store.key)) snapshot[store.key] = store.get();
  }
  return snapshot;
}

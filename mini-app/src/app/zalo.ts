// The one module that talks to Zalo's SDK (TOOLCHAIN.md §3). Everything Zalo-specific sits
// behind these few functions so the app also runs in a desktop browser, in the end-to-end
// test and in component tests, where zmp-sdk's calls reject with -2000.
import { configAppView, getAccessToken, nativeStorage } from "zmp-sdk/apis";

/**
 * Inside the Zalo app a mini app is served from h5.zdn.vn/zapps/<id>; zmp-sdk itself uses this
 * host test to decide whether native APIs exist. On localhost zmp-sdk fakes some of them
 * (storage under prefixed keys, an empty token), which we do not want: there we behave like
 * any browser.
 */
export const insideZalo = typeof window !== "undefined" && window.location.hostname.includes("h5.zdn.vn");

interface SdkError {
  code?: unknown;
  api?: unknown;
}

function isOrphanLoginRejection(reason: unknown): boolean {
  const error = reason as SdkError | null;
  return typeof error === "object" && error !== null && error.api === "login" && error.code === -2000;
}

// Importing zmp-sdk fires an automatic `login` that nobody awaits; outside Zalo it rejects
// with -2000 and would surface as an unhandled rejection on every page load. Only that one
// rejection is silenced; every other error still reaches the console.
if (typeof window !== "undefined") {
  window.addEventListener("unhandledrejection", (event) => {
    if (isOrphanLoginRejection(event.reason)) event.preventDefault();
  });
}

export class ZaloSignInError extends Error {
  constructor(readonly code: number | undefined) {
    super(`zmp-sdk getAccessToken failed${code === undefined ? "" : ` with ${code}`}`);
    this.name = "ZaloSignInError";
  }
}

/**
 * The user's Zalo access token, which the server exchanges for the user id via graph /me.
 * Resolves null outside Zalo, where sign-in goes through the Zalo sandbox instead.
 * https://mini.zalo.me/documents/api/getAccessToken/
 */
export async function getZaloAccessToken(): Promise<string | null> {
  if (!insideZalo) return null;
  try {
    const token = await getAccessToken();
    return token || null;
  } catch (error) {
    throw new ZaloSignInError((error as { code?: number } | null)?.code);
  }
}

/**
 * Hide Zalo's own action bar: every page draws its header with a large back button and the
 * page title, and two stacked bars would waste a tenth of a small screen.
 * https://mini.zalo.me/documents/api/configAppView/
 */
export function hideZaloActionBar(): void {
  if (!insideZalo) return;
  configAppView({ actionBar: { hide: true } }).catch((error: unknown) => {
    console.warn("configAppView failed; Zalo's action bar stays visible", error);
  });
}

/** Key-value text storage that survives restarts: what every `hocso:*` key is written to. */
export interface DeviceStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const browserStorage: DeviceStorage = {
  getItem: (key) => {
    try {
      return window.localStorage.getItem(key);
    } catch {
      return null; // storage disabled (private mode): the app still works for this visit
    }
  },
  setItem: (key, value) => {
    try {
      window.localStorage.setItem(key, value);
    } catch (error) {
      console.warn("localStorage.setItem failed", key, error);
    }
  },
  removeItem: (key) => {
    try {
      window.localStorage.removeItem(key);
    } catch {
      // nothing stored, nothing to remove
    }
  },
};

/**
 * Zalo's nativeStorage inside Zalo (it survives Zalo clearing the web view's cache), the
 * browser's localStorage elsewhere or whenever a native call throws (old Zalo versions).
 * https://mini.zalo.me/documents/api/nativeStorage/
 */
export const deviceStorage: DeviceStorage = insideZalo
  ? {
      getItem: (key) => {
        try {
          return nativeStorage.getItem(key) || null;
        } catch {
          return browserStorage.getItem(key);
        }
      },
      setItem: (key, value) => {
        try {
          nativeStorage.setItem(key, value);
        } catch {
          browserStorage.setItem(key, value);
        }
      },
      removeItem: (key) => {
        try {
          nativeStorage.removeItem(key);
        } catch {
          // fall through: the value may have been written by the fallback
        }
        browserStorage.removeItem(key);
      },
    }
  : browserStorage;

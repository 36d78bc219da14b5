// The one module that talks to Zalo's SDK (TOOLCHAIN.md §3). Everything Zalo-specific sits
// behind these few functions so the app also runs in a desktop browser, in the end-to-end
// test and in component tests, where zmp-sdk's calls reject with -2000.
//
// zmp-sdk is ~45 KB gzip, a third of what the first screen could afford, and the first
// screen needs none of it: outside Zalo it is never loaded; inside Zalo it loads right
// after the first render (startZalo) and storage mirrors into nativeStorage from then on.
type ZaloSdk = typeof import("zmp-sdk/apis");
let sdkLoading: Promise<ZaloSdk> | undefined;
let sdk: ZaloSdk | undefined;

function loadSdk(): Promise<ZaloSdk> {
  sdkLoading ??= import("zmp-sdk/apis").then((loaded) => (sdk = loaded));
  return sdkLoading;
}

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
    const token = await (await loadSdk()).getAccessToken();
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
  loadSdk()
    .then((zalo) => zalo.configAppView({ actionBar: { hide: true } }))
    .catch((error: unknown) => {
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
 * Inside Zalo, nativeStorage is the durable copy (it survives Zalo clearing the web view's
 * cache); localStorage answers synchronously while zmp-sdk is still loading. Writes go to
 * both (to nativeStorage as soon as the SDK is there); a key the first screen found empty
 * is looked up in nativeStorage once the SDK loads, and if the web view had lost it, it is
 * restored and the app reloads once with it. Elsewhere it is the browser's localStorage.
 * https://mini.zalo.me/documents/api/nativeStorage/
 */
const pendingNativeWrites = new Map<string, string | null>();
const keysFoundEmpty = new Set<string>();

function writeNative(key: string, value: string | null): void {
  if (!sdk) {
    pendingNativeWrites.set(key, value);
    return;
  }
  try {
    if (value === null) sdk.nativeStorage.removeItem(key);
    else sdk.nativeStorage.setItem(key, value);
  } catch (error) {
    console.warn("nativeStorage write failed; localStorage keeps the value", key, error);
  }
}

export const deviceStorage: DeviceStorage = insideZalo
  ? {
      getItem: (key) => {
        const value = browserStorage.getItem(key);
        if (value === null && !sdk) keysFoundEmpty.add(key);
        if (value !== null || !sdk) return value;
        try {
          return sdk.nativeStorage.getItem(key) || null;
        } catch {
          return null;
        }
      },
      setItem: (key, value) => {
        keysFoundEmpty.delete(key);
        browserStorage.setItem(key, value);
        writeNative(key, value);
      },
      removeItem: (key) => {
        keysFoundEmpty.delete(key);
        browserStorage.removeItem(key);
        writeNative(key, null);
      },
    }
  : browserStorage;

const RESTORED_FLAG = "hocso-restored-from-native";

/**
 * Inside Zalo, after the first render: load zmp-sdk, copy the writes made meanwhile into
 * nativeStorage, and bring back what the web view lost. Outside Zalo it does nothing.
 */
export async function startZalo(): Promise<void> {
  if (!insideZalo) return;
  const zalo = await loadSdk();
  for (const [key, value] of pendingNativeWrites) writeNative(key, value);
  pendingNativeWrites.clear();
  let restored = 0;
  for (const key of keysFoundEmpty) {
    try {
      const kept = zalo.nativeStorage.getItem(key);
      if (kept) {
        browserStorage.setItem(key, kept);
        restored++;
      }
    } catch {
      // an old Zalo without nativeStorage: localStorage is all there is
    }
  }
  keysFoundEmpty.clear();
  if (restored > 0 && !window.sessionStorage.getItem(RESTORED_FLAG)) {
    window.sessionStorage.setItem(RESTORED_FLAG, "1");
    window.location.reload();
  }
}

/**
 * Remove every key starting with `prefix`. Inside Zalo the mini app's native storage holds
 * only our keys, so it is cleared whole (it cannot list its keys); the browser's
 * localStorage is cleared key by key.
 * https://mini.zalo.me/documents/api/nativeStorage/
 */
export function clearDeviceStorage(prefix: string): void {
  if (insideZalo) {
    pendingNativeWrites.clear();
    loadSdk()
      .then((zalo) => zalo.nativeStorage.clear())
      .catch((error: unknown) => console.warn("nativeStorage.clear failed", error));
  }
  try {
    const keys: string[] = [];
    for (let i = 0; i < window.localStorage.length; i++) {
      const key = window.localStorage.key(i);
      if (key?.startsWith(prefix)) keys.push(key);
    }
    for (const key of keys) window.localStorage.removeItem(key);
  } catch {
    // storage disabled: nothing was kept there
  }
}

/**
 * Call `listener` when the phone's connection changes: the browser's `online` event and,
 * inside Zalo, zmp-sdk's NetworkChanged (the web view does not always fire `online`).
 * Returns the function that stops listening.
 * https://mini.zalo.me/documents/api/events/
 */
export function onNetworkChange(listener: () => void): () => void {
  window.addEventListener("online", listener);
  let stopped = false;
  if (insideZalo) {
    void loadSdk().then((zalo) => {
      if (!stopped) zalo.events.on(zalo.EventName.NetworkChanged, listener);
    });
  }
  return () => {
    stopped = true;
    window.removeEventListener("online", listener);
    if (sdk) sdk.events.off(sdk.EventName.NetworkChanged, listener);
  };
}

/** The feature exists only in the Zalo app (zmp-sdk fakes or refuses it elsewhere). */
export class OutsideZaloError extends Error {
  constructor(api: string) {
    super(`${api} works only inside the Zalo app`);
    this.name = "OutsideZaloError";
  }
}

/** Zalo's answer when the learner said no in its dialog (-201, or -2002 USER_DENIED). */
export class ZaloDeniedError extends Error {
  constructor(readonly code: number | undefined) {
    super(`the learner declined${code === undefined ? "" : ` (${code})`}`);
    this.name = "ZaloDeniedError";
  }
}

const DENIED_CODES = new Set([-201, -2002, -2003]);

async function zaloOnly(api: string, call: () => Promise<unknown>): Promise<void> {
  if (!insideZalo) throw new OutsideZaloError(api);
  try {
    await call();
  } catch (error) {
    const code = (error as { code?: number } | null)?.code;
    if (code !== undefined && DENIED_CODES.has(code)) throw new ZaloDeniedError(code);
    throw error;
  }
}

/**
 * Follow ("quan tâm") the ward's Official Account, after Zalo's own confirmation dialog.
 * https://mini.zalo.me/documents/api/followOA/
 */
export function followWardOA(oaId: string): Promise<void> {
  return zaloOnly("followOA", async () => (await loadSdk()).followOA({ id: oaId, showDialogConfirm: true }));
}

/**
 * Ask Zalo's permission for the mini app's OA to send this learner notifications.
 * https://mini.zalo.me/documents/api/requestSendNotification/
 */
export function allowNotifications(): Promise<void> {
  return zaloOnly("requestSendNotification", async () => (await loadSdk()).requestSendNotification());
}

/** A page of this mini app, as Zalo's share sheet shows it in a chat. */
export interface MiniAppPageShare {
  /** up to 100 characters */
  title: string;
  /** up to 400 characters */
  description: string;
  /** the route inside the mini app, e.g. "/bai/quet-vietqr" */
  path: string;
  /** an absolute http(s) URL of the picture shown with the link */
  thumbnail: string;
}

/**
 * Open Zalo's share sheet with a deep link to a page of this mini app; the learner picks the
 * chat or group and sends it. Resolves false when the learner closed the sheet without
 * sending. Outside Zalo it rejects with OutsideZaloError (zmp-sdk would fake a success on
 * localhost), so the caller can offer the browser's own way to share.
 * https://mini.zalo.me/documents/api/openShareSheet/
 */
export async function shareMiniAppPage(page: MiniAppPageShare): Promise<boolean> {
  if (!insideZalo) throw new OutsideZaloError("openShareSheet");
  const result = await (await loadSdk()).openShareSheet({
    type: "zmp_deep_link",
    data: {
      title: page.title.slice(0, 100),
      description: page.description.slice(0, 400),
      path: page.path,
      thumbnail: page.thumbnail,
    },
  });
  return result?.status !== 0;
}

/**
 * Open Zalo's share sheet with a ready text (an announcement for an ordinary group the OA
 * cannot post in); the facilitator picks the group and sends it. Resolves false when they
 * closed the sheet without sending. Outside Zalo it rejects with OutsideZaloError, so the
 * caller can copy the text instead.
 * https://mini.zalo.me/documents/api/openShareSheet/
 */
export async function shareTextInZalo(text: string): Promise<boolean> {
  if (!insideZalo) throw new OutsideZaloError("openShareSheet");
  const result = await (await loadSdk()).openShareSheet({ type: "text", data: { text } });
  return result?.status !== 0;
}

/**
 * Open Zalo's QR scanner (the camera) and resolve the text the scanned code carries, e.g. a
 * class's check-in link https://zalo.me/s/<id>/diem-danh?ma=<code>. Outside Zalo it rejects
 * with OutsideZaloError, so the caller offers typing the code instead; closing the scanner or
 * refusing the camera rejects with ZaloDeniedError.
 * https://mini.zalo.me/documents/api/scanQRCode/
 */
export async function scanQRCode(): Promise<string> {
  let content = "";
  await zaloOnly("scanQRCode", async () => {
    content = (await (await loadSdk()).scanQRCode()).content;
  });
  return content;
}

// Inside Zalo the first screen reads localStorage while zmp-sdk loads; nativeStorage is the
// durable copy. These tests run the adapter as it runs in Zalo's web view (host h5.zdn.vn),
// with a stand-in for Zalo's native key-value store.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const native = new Map<string, string>();

vi.mock("zmp-sdk/apis", () => ({
  nativeStorage: {
    getItem: (key: string) => native.get(key) ?? "",
    setItem: (key: string, value: string) => void native.set(key, value),
    removeItem: (key: string) => void native.delete(key),
    clear: () => native.clear(),
  },
  events: { on: () => undefined, off: () => undefined },
  EventName: { NetworkChanged: "h5.event.connection.changed" },
}));

type Adapter = typeof import("./zalo.ts");

async function adapterInsideZalo(): Promise<Adapter> {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL("https://h5.zdn.vn/zapps/123/");
  vi.resetModules();
  return import("./zalo.ts");
}

beforeEach(() => {
  native.clear();
  localStorage.clear();
  sessionStorage.clear();
});
afterEach(() => vi.restoreAllMocks());

describe("device storage inside Zalo", () => {
  it("answers from localStorage at once and copies writes into nativeStorage once zmp-sdk loads", async () => {
    const zalo = await adapterInsideZalo();
    expect(zalo.insideZalo).toBe(true);
    zalo.deviceStorage.setItem("hocso:progress", '{"a":1}');
    expect(zalo.deviceStorage.getItem("hocso:progress")).toBe('{"a":1}');
    expect(native.has("hocso:progress")).toBe(false);

    await zalo.startZalo();
    expect(native.get("hocso:progress")).toBe('{"a":1}');
    zalo.deviceStorage.setItem("hocso:progress", '{"a":2}');
    expect(native.get("hocso:progress")).toBe('{"a":2}');
  });

  it("brings back what the web view lost from nativeStorage and reloads once", async () => {
    native.set("hocso:learner", '{"onboarded":true}');
    const zalo = await adapterInsideZalo();
    const reload = vi.fn();
    vi.spyOn(window, "location", "get").mockReturnValue({ ...window.location, reload } as Location);
    expect(zalo.deviceStorage.getItem("hocso:learner")).toBeNull();

    await zalo.startZalo();
    expect(localStorage.getItem("hocso:learner")).toBe('{"onboarded":true}');
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it("removes a key from both stores", async () => {
    const zalo = await adapterInsideZalo();
    await zalo.startZalo();
    zalo.deviceStorage.setItem("hocso:review", "[]");
    zalo.deviceStorage.removeItem("hocso:review");
    expect(localStorage.getItem("hocso:review")).toBeNull();
    expect(native.has("hocso:review")).toBe(false);
  });
});

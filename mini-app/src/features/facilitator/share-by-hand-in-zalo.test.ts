// @vitest-environment-options {"url": "https://h5.zdn.vn/zapps/4242/"}
// Sharing a message by hand inside Zalo (the page is on h5.zdn.vn, so app/zalo.ts knows it is in
// Zalo): zmp-sdk's share sheet with the message as text, through the app/zalo.ts adapter.
import { afterEach, describe, expect, it, vi } from "vitest";
import { shareByHand } from "./share-by-hand.ts";

const sdk = vi.hoisted(() => ({ openShareSheet: vi.fn() }));

vi.mock("zmp-sdk/apis", async () => ({ ...(await import("../../test/zmp-sdk-stub.ts")), ...sdk }));

const text = "📢 Thông báo — Tổ dân phố Nhóm Thường\n\nHọp tổ tối thứ Bảy.";

afterEach(() => vi.restoreAllMocks());

describe("Chia sẻ vào nhóm inside Zalo", () => {
  it("opens Zalo's share sheet with the message as text", async () => {
    expect(window.location.hostname).toBe("h5.zdn.vn");
    sdk.openShareSheet.mockResolvedValue({ status: 2, shareType: 2, numberOfUser: 1 });
    const share = vi.fn();
    Object.defineProperty(window.navigator, "share", { value: share, configurable: true });
    expect(await shareByHand(text)).toEqual({ kind: "shared" });
    expect(sdk.openShareSheet.mock.calls).toEqual([[{ type: "text", data: { text } }]]);
    expect(share).not.toHaveBeenCalled();
  });

  it("says the facilitator closed the sheet without sending", async () => {
    sdk.openShareSheet.mockResolvedValue({ status: 0, shareType: 0, numberOfUser: 0 });
    expect(await shareByHand(text)).toEqual({ kind: "cancelled" });
  });

  it("copies the text when Zalo's sheet fails (an old Zalo)", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    sdk.openShareSheet.mockRejectedValue({ code: -1404, message: "client too old" });
    Object.defineProperty(window.navigator, "share", { value: undefined, configurable: true });
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(window.navigator, "clipboard", { value: { writeText }, configurable: true });
    expect(await shareByHand(text)).toEqual({ kind: "copied" });
    expect(writeText).toHaveBeenCalledWith(text);
  });
});

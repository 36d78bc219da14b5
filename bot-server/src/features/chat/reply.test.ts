// Replies leave within Zalo's limits, composed (NFC), whatever the content gives them.
import { describe, expect, it } from "vitest";
import { toZaloMessage } from "../../platform/zalo-oa.ts";
import { chunkButtons, toOaMessage } from "./reply.ts";

describe("toOaMessage", () => {
  it("normalises text and buttons to NFC", () => {
    const nfd = (s: string) => s.normalize("NFD");
    const message = toOaMessage({ text: nfd("Lịch học"), buttons: [{ title: nfd("Học"), payload: nfd("học") }] });
    expect(message.text).toBe("Lịch học".normalize("NFC"));
    expect(message.buttons).toEqual([{ title: "Học", payload: "học" }]);
  });

  it("cuts text to 2,000 characters and titles to 100, ending in …, and keeps at most five buttons", () => {
    const buttons = Array.from({ length: 7 }, (_, i) => ({ title: "ô".repeat(150), payload: `p${i}` }));
    const message = toOaMessage({ text: "ă".repeat(2500), buttons });
    expect([...message.text]).toHaveLength(2000);
    expect(message.text.endsWith("…")).toBe(true);
    expect(message.buttons).toHaveLength(5);
    expect([...message.buttons![0]!.title]).toHaveLength(100);
    expect(() => toZaloMessage(message)).not.toThrow();
  });

  it("splits many buttons into messages of five", () => {
    const buttons = Array.from({ length: 12 }, (_, i) => ({ title: `t${i}`, payload: `p${i}` }));
    expect(chunkButtons(buttons).map((c) => c.length)).toEqual([5, 5, 2]);
  });
});

describe("toZaloMessage", () => {
  it("sends buttons as a template of oa.query.show buttons, and plain text without an attachment", () => {
    expect(toZaloMessage({ text: "Chào bác" })).toEqual({ text: "Chào bác" });
    expect(toZaloMessage({ text: "Chọn", buttons: [{ title: "Học", payload: "học" }] })).toEqual({
      text: "Chọn",
      attachment: { type: "template", payload: { buttons: [{ title: "Học", type: "oa.query.show", payload: "học" }] } },
    });
  });

  it("refuses a message over Zalo's limits before any call", () => {
    expect(() => toZaloMessage({ text: "x".repeat(2001) })).toThrow(RangeError);
    const six = Array.from({ length: 6 }, () => ({ title: "t", payload: "p" }));
    expect(() => toZaloMessage({ text: "x", buttons: six })).toThrow(RangeError);
  });
});

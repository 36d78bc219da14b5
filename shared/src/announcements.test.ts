import { describe, expect, it } from "vitest";
import {
  ANNOUNCEMENT_TEXT_LIMIT,
  announcementChannelOf,
  announcementLength,
  announcementTextProblem,
  countDeliveries,
  CreateAnnouncementRequestSchema,
  renderAnnouncement,
} from "./announcements.ts";
import { ZALO_TEXT_LIMIT, zaloLength } from "./zalo-text.ts";

const tdp = "Tổ dân phố Giải Phóng";

describe("renderAnnouncement", () => {
  it("puts a header naming the group above the facilitator's text", () => {
    const message = renderAnnouncement({ text: "Tối nay 19:00 học ở nhà văn hóa.", groupName: tdp, urgent: false });
    expect(message).toBe("📢 Thông báo — Tổ dân phố Giải Phóng\n\nTối nay 19:00 học ở nhà văn hóa.");
  });

  it("says khẩn in the header of an urgent announcement", () => {
    const message = renderAnnouncement({ text: "Bão vào, nghỉ học.", groupName: tdp, urgent: true });
    expect(message.split("\n")[0]).toBe("📢 Thông báo khẩn — Tổ dân phố Giải Phóng");
  });

  it("normalises to NFC, trims, and defuses [@…] mentions a writer typed", () => {
    const decomposed = "Ho\u0323c so\u0302\u0301 [@everyone]   \n\n\n\nhe\u0302\u0301t  ";
    const message = renderAnnouncement({ text: `  ${decomposed}`, groupName: tdp, urgent: false });
    expect(message).toBe(message.normalize("NFC"));
    expect(message).not.toContain("[@");
    expect(message.endsWith("\n\nhết")).toBe(true);
    expect(message).toContain("Học số [\u2060@everyone]\n\nhết");
  });

  it("stays within Zalo's 2,000 characters for the longest allowed text and a very long group name", () => {
    const text = "ệ".repeat(ANNOUNCEMENT_TEXT_LIMIT);
    expect(announcementTextProblem(text)).toBeNull();
    const message = renderAnnouncement({ text, groupName: "Tổ ".repeat(400), urgent: true });
    expect(zaloLength(message)).toBeLessThanOrEqual(ZALO_TEXT_LIMIT);
    expect(message.split("\n")[0]!.endsWith("…")).toBe(true);
  });

  it("counts the text as residents receive it: escaped mentions count, surrounding spaces do not", () => {
    expect(announcementLength("  abc  ")).toBe(3);
    expect(announcementLength("[@x]")).toBe(5);
    expect(announcementLength("e\u0301")).toBe(1);
  });
});

describe("announcementTextProblem", () => {
  it("refuses blank text and text over the limit, and accepts the limit exactly", () => {
    expect(announcementTextProblem(" \n\t ")).toBe("blank");
    expect(announcementTextProblem("a".repeat(ANNOUNCEMENT_TEXT_LIMIT))).toBeNull();
    expect(announcementTextProblem("a".repeat(ANNOUNCEMENT_TEXT_LIMIT + 1))).toBe("too-long");
  });

  it("counts mention escapes, so text cannot grow past Zalo's limit after escaping", () => {
    const text = "[@".repeat(ANNOUNCEMENT_TEXT_LIMIT / 2);
    expect(text.length).toBe(ANNOUNCEMENT_TEXT_LIMIT);
    expect(announcementTextProblem(text)).toBe("too-long");
  });
});

describe("the announcement request", () => {
  it("defaults to sending now, not urgent", () => {
    const r = CreateAnnouncementRequestSchema.parse({ text: "Chào cả tổ", tdpIds: ["giai-phong"] });
    expect(r).toEqual({ text: "Chào cả tổ", tdpIds: ["giai-phong"], sendAt: null, urgent: false });
  });

  it("names every bad field at once", () => {
    const r = CreateAnnouncementRequestSchema.safeParse({ text: "   ", tdpIds: ["a", "a"], sendAt: "tomorrow", extra: 1 });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join(".") || i.code);
    expect(paths).toEqual(expect.arrayContaining(["text", "tdpIds", "sendAt", "unrecognized_keys"]));
    expect(r.error!.issues.find((i) => i.path[0] === "tdpIds")?.message).toContain("a more than once");
  });

  it("refuses an empty group list and more than 500 groups", () => {
    expect(CreateAnnouncementRequestSchema.safeParse({ text: "x", tdpIds: [] }).success).toBe(false);
    const many = Array.from({ length: 501 }, (_, i) => `to-${i}`);
    expect(CreateAnnouncementRequestSchema.safeParse({ text: "x", tdpIds: many }).success).toBe(false);
  });

  it("accepts a time with an offset", () => {
    const r = CreateAnnouncementRequestSchema.parse({ text: "x", tdpIds: ["a"], sendAt: "2026-11-28T19:00:00+07:00" });
    expect(r.sendAt).toBe("2026-11-28T19:00:00+07:00");
  });
});

describe("announcementChannelOf", () => {
  it("posts through the OA only where the group's id is known; otherwise the facilitator shares by hand", () => {
    expect(announcementChannelOf({ channel: "oa-group", zaloGroupId: "g1" })).toBe("oa-group");
    expect(announcementChannelOf({ channel: "sandbox", zaloGroupId: "sandbox-1" })).toBe("sandbox");
    expect(announcementChannelOf({ channel: "oa-group", zaloGroupId: null })).toBe("share");
    expect(announcementChannelOf({ channel: "share", zaloGroupId: "g1" })).toBe("share");
  });
});

describe("countDeliveries", () => {
  it("counts every status, zero included", () => {
    expect(countDeliveries([{ status: "sent" }, { status: "sent" }, { status: "share-by-hand" }])).toEqual({
      sent: 2,
      waiting: 0,
      failed: 0,
      expired: 0,
      cancelled: 0,
      "share-by-hand": 1,
    });
  });
});

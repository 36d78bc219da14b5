// An outbox message as a mini app notification: what the resident reads in Zalo's notice.
import { describe, expect, it } from "vitest";
import { DEFAULT_NOTIFICATION_TEMPLATE_ID } from "../../platform/miniapp-notify.ts";
import { toNotification } from "./channel-adapters.ts";

describe("toNotification", () => {
  it("titles the notice with the first line and describes it with the rest", () => {
    expect(toNotification({ text: "Lớp học tối nay\nLúc 19:00 tại Nhà văn hóa." }, "hocso")).toEqual({
      templateId: DEFAULT_NOTIFICATION_TEMPLATE_ID,
      templateData: {
        title: "Lớp học tối nay",
        contentTitle: "Lớp học tối nay",
        contentDescription: "Lúc 19:00 tại Nhà văn hóa.",
        buttonText: "Mở Học Số",
        buttonUrl: "https://zalo.me/s/hocso/",
      },
    });
  });

  it("repeats a one-line message as its description rather than leaving it empty", () => {
    expect(toNotification({ text: "Lớp học tạm nghỉ." }, "hocso").templateData.contentDescription).toBe("Lớp học tạm nghỉ.");
  });

  it("cuts a long first line to Zalo's 32-character title, and to 100 as the content title, ending in an ellipsis", () => {
    const data = toNotification({ text: "ă".repeat(150) }, "hocso").templateData;
    expect([...data.title]).toHaveLength(32);
    expect(data.title.endsWith("…")).toBe(true);
    expect([...data.contentTitle]).toHaveLength(100);
    expect(data.contentTitle.endsWith("…")).toBe(true);
  });

  it("composes Vietnamese typed decomposed (NFD) before sending", () => {
    const decomposed = "Lớp học".normalize("NFD");
    expect(toNotification({ text: decomposed }, "hocso").templateData.title).toBe("Lớp học".normalize("NFC"));
  });
});

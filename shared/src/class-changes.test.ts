import { describe, expect, it } from "vitest";
import { changeNoticeText, changesWhatResidentsActOn } from "./class-changes.ts";
import { wardInstant } from "./dates.ts";
import { cancellationKey, changeKey } from "./reminders.ts";
import { ZALO_TEXT_LIMIT, zaloLength } from "./zalo-text.ts";

const tdpName = "Tổ dân phố Giải Phóng";
const place = "Nhà văn hóa Tổ dân phố Giải Phóng";

function meeting(date: string, start: string, minutes = 90) {
  const startsAt = wardInstant(date, start);
  return { date, startsAt, endsAt: new Date(startsAt.getTime() + minutes * 60_000) };
}

const lines = (text: string) => text.split("\n");

describe("changeNoticeText", () => {
  it("names a new start time with the old one", () => {
    const text = changeNoticeText({
      tdpName,
      placeBefore: place,
      placeAfter: place,
      was: meeting("2026-12-05", "19:00"),
      now: meeting("2026-12-05", "18:30"),
    });
    expect(lines(text)).toEqual([
      "⚠️ Thay đổi lịch học — Tổ dân phố Giải Phóng",
      "Buổi học Thứ Bảy, 05/12/2026 nay bắt đầu lúc 18:30 (trước đây 19:00).",
      "📍 Nhà văn hóa Tổ dân phố Giải Phóng",
      "Xin lỗi bác vì sự thay đổi này.",
    ]);
  });

  it("names only what changed: the end, both ends, or the place", () => {
    const was = meeting("2026-12-05", "19:00");
    const line = (now: ReturnType<typeof meeting>, placeAfter = place) =>
      lines(changeNoticeText({ tdpName, placeBefore: place, placeAfter, was, now })).slice(1, 3);
    expect(line(meeting("2026-12-05", "19:00", 120))).toEqual([
      "Buổi học Thứ Bảy, 05/12/2026 nay kết thúc lúc 21:00 (trước đây 20:30).",
      `📍 ${place}`,
    ]);
    expect(line(meeting("2026-12-05", "18:00", 60))[0]).toBe(
      "Buổi học Thứ Bảy, 05/12/2026 nay học từ 18:00 đến 19:00 (trước đây 19:00–20:30).",
    );
    expect(line(meeting("2026-12-05", "19:00"), "Hội trường khu phố")).toEqual([
      "Buổi học Thứ Bảy, 05/12/2026 (19:00–20:30) đổi địa điểm.",
      `📍 Địa điểm mới: Hội trường khu phố (trước đây: ${place})`,
    ]);
  });

  it("says where a meeting moved to, or that it no longer takes place", () => {
    const was = meeting("2026-12-05", "19:00");
    const moved = changeNoticeText({ tdpName, placeBefore: place, placeAfter: place, was, now: meeting("2026-12-06", "08:00") });
    expect(lines(moved)[1]).toBe("Buổi học Thứ Bảy, 05/12/2026 (19:00) nay chuyển sang Chủ Nhật, 06/12/2026, 08:00–09:30.");
    const gone = changeNoticeText({ tdpName, placeBefore: place, placeAfter: "Chỗ khác", was, now: undefined });
    expect(lines(gone).slice(1, 3)).toEqual([
      "Buổi học Thứ Bảy, 05/12/2026 (19:00–20:30) không còn diễn ra.",
      `Bác không cần đến: ${place}`,
    ]);
  });

  it("is NFC, mention-safe and within Zalo's 2,000 characters however long the place", () => {
    const text = changeNoticeText({
      tdpName: "Tổ dân phố Giải Phóng".normalize("NFD"),
      placeBefore: "[@everyone] ".repeat(300),
      placeAfter: "Nhà văn hóa ".repeat(300),
      was: meeting("2026-12-05", "19:00"),
      now: meeting("2026-12-05", "18:30"),
    });
    expect(text).toBe(text.normalize("NFC"));
    expect(text).not.toContain("[@");
    expect(zaloLength(text)).toBeLessThanOrEqual(ZALO_TEXT_LIMIT);
    expect(text).toContain("nay bắt đầu lúc 18:30 (trước đây 19:00).");
  });
});

describe("changesWhatResidentsActOn", () => {
  const cls = { weekday: 6, startTime: "19:00", durationMinutes: 90, place };
  it("is true for the weekday, time, length or place, and false for anything else", () => {
    expect(changesWhatResidentsActOn(cls, { ...cls })).toBe(false);
    for (const change of [{ weekday: 7 }, { startTime: "18:30" }, { durationMinutes: 60 }, { place: "Khác" }]) {
      expect(changesWhatResidentsActOn(cls, { ...cls, ...change })).toBe(true);
    }
  });
});

describe("notice keys", () => {
  it("keeps the first cancellation's key as it was and counts the later ones; counts every change", () => {
    expect(cancellationKey("c", "2026-12-05", "g")).toBe("cancellation:c:2026-12-05:g");
    expect(cancellationKey("c", "2026-12-05", "g", 2)).toBe("cancellation:c:2026-12-05:g:2");
    expect(changeKey("c", "2026-12-05", "g", 1)).toBe("change:c:2026-12-05:g:1");
  });
});

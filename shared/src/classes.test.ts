import { describe, expect, it } from "vitest";
import { occurrencesBetween, type WeeklyClass } from "./classes.ts";
import { formatWardDate, wardDate } from "./dates.ts";

const saturdayEvening: WeeklyClass = {
  id: "c1",
  tdpId: "giai-phong",
  weekday: 6,
  startTime: "19:00",
  durationMinutes: 90,
  place: "Nhà văn hóa",
  topic: "VietQR",
  lessonIds: [],
  bring: "",
  firstDate: "2026-11-07",
  lastDate: "2026-12-26",
  cancelledDates: ["2026-12-05"],
};

describe("a weekly class's meetings", () => {
  it("falls on its weekday, skips cancelled dates and stops at the last date", () => {
    const dates = occurrencesBetween(saturdayEvening, "2026-11-25", "2027-01-31").map((o) => o.date);
    expect(dates).toEqual(["2026-11-28", "2026-12-12", "2026-12-19", "2026-12-26"]);
  });

  it("starts at the ward's local time, UTC+7", () => {
    const [first] = occurrencesBetween(saturdayEvening, "2026-11-28", "2026-11-28");
    expect(first?.startsAt.toISOString()).toBe("2026-11-28T12:00:00.000Z");
    expect(first?.endsAt.toISOString()).toBe("2026-11-28T13:30:00.000Z");
  });

  it("does not meet before its first date", () => {
    expect(occurrencesBetween(saturdayEvening, "2026-10-01", "2026-11-06")).toEqual([]);
  });
});

describe("ward dates", () => {
  it("reads a date the way residents do", () => {
    expect(formatWardDate("2026-11-29")).toBe("Chủ Nhật, 29/11/2026");
    expect(formatWardDate("2026-11-28")).toBe("Thứ Bảy, 28/11/2026");
  });

  it("turns to the next day at midnight in Vietnam, not in UTC", () => {
    expect(wardDate(new Date("2026-11-28T16:59:00Z"))).toBe("2026-11-28");
    expect(wardDate(new Date("2026-11-28T17:00:00Z"))).toBe("2026-11-29");
  });
});

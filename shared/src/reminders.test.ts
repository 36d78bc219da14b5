// The reminder planner's pure core, driven the way the server drives it: a tick every minute
// over a year of weekly classes, each plan stored once by its key (the outbox's INSERT OR
// IGNORE), with the server down now and then.
import { beforeAll, describe, expect, it } from "vitest";
import { occurrencesBetween, type Occurrence, type WeeklyClass } from "./classes.ts";
import { addDays, wardInstant } from "./dates.ts";
import { isQuiet, nextSendableTime } from "./quiet-hours.ts";
import {
  cancellationText,
  groupRecipient,
  personRecipient,
  planDueReminders,
  REMINDER_FAILURES,
  reminderSlots,
  reminderText,
  relativeDay,
  WardSettingsSchema,
  type ClassAudience,
  type PlannedReminder,
  type ReminderRecipient,
  type WardSettings,
} from "./reminders.ts";
import { ZALO_TEXT_LIMIT, zaloLength } from "./zalo-text.ts";

const MINUTE = 60_000;
const SETTINGS: WardSettings = {
  reminders: { dayBeforeAt: "19:00", hoursBefore: 2 },
  quietHours: { start: "21:00", end: "06:30" },
};

function weekly(fields: Pick<WeeklyClass, "id" | "tdpId" | "weekday" | "startTime"> & Partial<WeeklyClass>): WeeklyClass {
  return {
    durationMinutes: 90,
    place: "Nhà văn hóa Tổ dân phố Giải Phóng",
    topic: "An toàn khi thanh toán bằng mã QR",
    lessonIds: ["quet-vietqr"],
    bring: "Điện thoại đã sạc pin",
    firstDate: "2026-12-01",
    lastDate: null,
    cancelledDates: [],
    ...fields,
  };
}

/** A year of classes: evenings, mornings, an early class inside quiet hours, one at night, one that ends. */
const YEAR_CLASSES: WeeklyClass[] = [
  weekly({ id: "gp-toi-t7", tdpId: "giai-phong", weekday: 6, startTime: "19:00", cancelledDates: ["2027-01-30", "2027-09-04"] }),
  weekly({ id: "gp-sang-cn", tdpId: "giai-phong", weekday: 7, startTime: "08:00" }),
  weekly({ id: "m1-som-t4", tdpId: "mau-1", weekday: 3, startTime: "06:00", durationMinutes: 60 }),
  weekly({ id: "m1-chieu-t3", tdpId: "mau-1", weekday: 2, startTime: "14:00", lastDate: "2027-06-29" }),
  weekly({ id: "m2-toi-t6", tdpId: "mau-2", weekday: 5, startTime: "20:30", cancelledDates: ["2027-02-05"] }),
  weekly({ id: "m2-sang-t2", tdpId: "mau-2", weekday: 1, startTime: "07:00", firstDate: "2027-03-01" }),
  weekly({ id: "m3-dem-t5", tdpId: "mau-3", weekday: 4, startTime: "00:30", durationMinutes: 45 }),
];

const AUDIENCES: Record<string, ClassAudience> = {
  "giai-phong": {
    tdpName: "Tổ dân phố Giải Phóng",
    recipients: [
      groupRecipient({ id: "giai-phong", channel: "sandbox", zaloGroupId: "sandbox-giai-phong" })!,
      personRecipient("oa-user", "oa-1001"),
      personRecipient("miniapp-notify", "app-2002"),
    ],
  },
  "mau-1": {
    tdpName: "Tổ dân phố mẫu 1",
    recipients: [groupRecipient({ id: "mau-1", channel: "share", zaloGroupId: null })!],
  },
  "mau-2": {
    tdpName: "Tổ dân phố mẫu 2",
    recipients: [groupRecipient({ id: "mau-2", channel: "oa-group", zaloGroupId: "g-mau-2" })!],
  },
  "mau-3": {
    tdpName: "Tổ dân phố mẫu 3",
    recipients: [groupRecipient({ id: "mau-3", channel: "sandbox", zaloGroupId: "sandbox-mau-3" })!],
  },
};

interface Stored extends PlannedReminder {
  /** the tick that stored it */
  plannedAt: Date;
}

interface Simulation {
  store: Map<string, Stored>;
  /** instants of the ticks that ran */
  ticks: number;
  problems: string[];
}

/**
 * Ticks every `stepMinutes` from `from` to `to` (ward dates, inclusive), except while the
 * server is down; each tick's plans are stored unless their key is, as the outbox does.
 */
function simulate(options: {
  classes: WeeklyClass[];
  audiences: Record<string, ClassAudience>;
  settings?: WardSettings;
  from: string;
  to: string;
  stepMinutes?: number;
  down?: Array<[Date, Date]>;
}): Simulation {
  const settings = options.settings ?? SETTINGS;
  const store = new Map<string, Stored>();
  const problems: string[] = [];
  const step = (options.stepMinutes ?? 1) * MINUTE;
  const end = wardInstant(addDays(options.to, 1), "00:00").getTime();
  let ticks = 0;
  for (let t = wardInstant(options.from, "00:00").getTime(); t < end; t += step) {
    if (options.down?.some(([a, b]) => t >= a.getTime() && t < b.getTime())) continue;
    const now = new Date(t);
    ticks += 1;
    const plans = planDueReminders({
      now,
      settings,
      classes: options.classes,
      audienceOf: (tdpId) => options.audiences[tdpId],
      miniAppId: "hocso-test",
      isStored: (key) => store.has(key),
    });
    for (const plan of plans) {
      if (plan.dueAt > now) problems.push(`${plan.dedupeKey} planned before it was due`);
      if (store.has(plan.dedupeKey)) problems.push(`${plan.dedupeKey} planned again though stored`);
      store.set(plan.dedupeKey, { ...plan, plannedAt: now });
    }
  }
  return { store, ticks, problems };
}

function startOf(cls: WeeklyClass, date: string): Date {
  return wardInstant(date, cls.startTime);
}

/** Rows of one meeting and recipient, by offset. */
function rowsOf(sim: Simulation, cls: WeeklyClass, date: string, r: ReminderRecipient) {
  return {
    dayBefore: sim.store.get(`reminder:${cls.id}:${date}:day-before:${r.keyPart}`),
    sameDay: sim.store.get(`reminder:${cls.id}:${date}:same-day:${r.keyPart}`),
  };
}

/** Invariants every stored plan keeps, whatever the classes, settings or downtime. */
function checkInvariants(sim: Simulation, classes: WeeklyClass[], settings: WardSettings = SETTINGS): string[] {
  const problems = [...sim.problems];
  const byMeeting = new Map<string, Stored[]>();
  for (const [key, row] of sim.store) {
    const cls = classes.find((c) => c.id === row.classId)!;
    const start = startOf(cls, row.date);
    if (row.expiresAt > start) problems.push(`${key}: deadline after the class starts`);
    if (row.dedupeKey !== key) problems.push(`${key} stored under another key`);
    if (!/^reminder:[^:]+:\d{4}-\d{2}-\d{2}:(day-before|same-day):[^:]+$/.test(key)) problems.push(`${key}: bad key`);
    if (zaloLength(row.text) > ZALO_TEXT_LIMIT) problems.push(`${key}: text too long`);
    if (row.text !== row.text.normalize("NFC")) problems.push(`${key}: text not NFC`);
    if (row.sendAt < row.plannedAt) problems.push(`${key}: to be sent before it was planned`);
    if (row.sendAt < row.dueAt) problems.push(`${key}: to be sent before it is due`);
    if (row.state === "expired") {
      if (!Object.values(REMINDER_FAILURES).includes(row.failure as never)) problems.push(`${key}: bad failure`);
    } else {
      if (row.failure !== null) problems.push(`${key}: failure on a live row`);
      if (row.sendAt >= row.expiresAt) problems.push(`${key}: would go at or after its deadline`);
      if (isQuiet(row.sendAt, settings.quietHours)) problems.push(`${key}: would go in quiet hours`);
      if (row.state !== (row.channel === "share" ? "manual" : "pending")) problems.push(`${key}: wrong state`);
    }
    const meeting = key.split(":").slice(1, 3).join(":") + ":" + (row.recipient ?? row.tdpId);
    byMeeting.set(meeting, [...(byMeeting.get(meeting) ?? []), row]);
  }
  // Never two reminders at once: a live earlier one goes before the later one is even due.
  for (const [meeting, rows] of byMeeting) {
    const live = rows.filter((r) => r.state !== "expired").sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
    for (let i = 1; i < live.length; i++) {
      if (live[i - 1]!.sendAt >= live[i]!.dueAt) problems.push(`${meeting}: two reminders at once`);
    }
  }
  return problems;
}

describe("a year of weekly classes, a tick every minute", () => {
  const from = "2026-12-01";
  const to = "2027-11-30";
  let sim: Simulation;
  beforeAll(() => {
    sim = simulate({ classes: YEAR_CLASSES, audiences: AUDIENCES, from, to });
  });

  it("ran every minute of the year", () => {
    expect(sim.ticks).toBe(365 * 24 * 60);
  });

  it("keeps every invariant: due before planned, live rows outside quiet hours and before the class, NFC, ≤ 2,000", () => {
    expect(checkInvariants(sim, YEAR_CLASSES)).toEqual([]);
  });

  it("gives every meeting exactly one day-before and one same-day row per group, one day-before per resident", () => {
    const missing: string[] = [];
    let meetings = 0;
    for (const cls of YEAR_CLASSES) {
      // Meetings whose reminders fall inside the simulated year.
      for (const o of occurrencesBetween(cls, addDays(from, 1), to)) {
        meetings += 1;
        for (const r of AUDIENCES[cls.tdpId]!.recipients) {
          const { dayBefore, sameDay } = rowsOf(sim, cls, o.date, r);
          if (!dayBefore) missing.push(`${cls.id} ${o.date} day-before ${r.keyPart}`);
          const wantsSameDay = r.offsets.includes("same-day");
          if (wantsSameDay !== (sameDay !== undefined)) missing.push(`${cls.id} ${o.date} same-day ${r.keyPart}`);
        }
      }
    }
    expect(meetings).toBeGreaterThan(300);
    expect(missing).toEqual([]);
  });

  it("sends the ordinary ones exactly on time: day-before at 19:00, same-day two hours before", () => {
    const cls = YEAR_CLASSES[0]!;
    const group = AUDIENCES["giai-phong"]!.recipients[0]!;
    const { dayBefore, sameDay } = rowsOf(sim, cls, "2027-03-06", group);
    expect(dayBefore).toMatchObject({ state: "pending", failure: null });
    expect(dayBefore!.sendAt.toISOString()).toBe("2027-03-05T12:00:00.000Z");
    expect(dayBefore!.expiresAt.toISOString()).toBe("2027-03-05T17:00:00.000Z"); // midnight after "Tối mai"
    expect(sameDay!.sendAt.toISOString()).toBe("2027-03-06T10:00:00.000Z");
    expect(sameDay!.expiresAt.toISOString()).toBe("2027-03-06T12:00:00.000Z"); // the class start
    expect(dayBefore!.text.split("\n")[1]).toBe("Tối mai, Thứ Bảy, 06/03/2027");
    expect(sameDay!.text.split("\n")[1]).toBe("Tối nay, Thứ Bảy, 06/03/2027");
  });

  it("holds a same-day reminder that falls in quiet hours until they end, when that is still before the class", () => {
    const cls = YEAR_CLASSES[1]!; // Sundays 08:00: 06:00 is quiet until 06:30
    const group = AUDIENCES["giai-phong"]!.recipients[0]!;
    for (const o of occurrencesBetween(cls, "2027-01-01", "2027-11-30")) {
      const { sameDay } = rowsOf(sim, cls, o.date, group);
      expect(sameDay).toMatchObject({ state: "pending" });
      expect(sameDay!.dueAt).toEqual(wardInstant(o.date, "06:00"));
      expect(sameDay!.sendAt).toEqual(wardInstant(o.date, "06:30"));
      expect(sameDay!.text).toContain("\nSáng nay, Chủ Nhật,");
    }
  });

  it("records an early class's same-day reminder as expired when quiet hours last until the class", () => {
    const cls = YEAR_CLASSES[2]!; // Wednesdays 06:00, share group
    const group = AUDIENCES["mau-1"]!.recipients[0]!;
    const meetings = occurrencesBetween(cls, "2026-12-02", "2027-11-30");
    for (const o of meetings) {
      const { dayBefore, sameDay } = rowsOf(sim, cls, o.date, group);
      expect(dayBefore).toMatchObject({ state: "manual", channel: "share", recipient: null });
      expect(sameDay).toMatchObject({ state: "expired", failure: REMINDER_FAILURES.quietUntilClass });
    }
    expect(meetings.length).toBeGreaterThan(50);
  });

  it("gives a night class's reminders the day's words, not a part of the day", () => {
    const cls = YEAR_CLASSES[6]!; // Thursdays 00:30: same-day at 22:30 is quiet until after the class
    const group = AUDIENCES["mau-3"]!.recipients[0]!;
    const { dayBefore, sameDay } = rowsOf(sim, cls, "2027-04-01", group);
    expect(dayBefore!.text.split("\n")[1]).toBe("Ngày mai, Thứ Năm, 01/04/2027");
    expect(sameDay).toMatchObject({ state: "expired", failure: REMINDER_FAILURES.quietUntilClass });
  });

  it("plans nothing for cancelled dates or after a class's last date", () => {
    const keys = [...sim.store.keys()];
    expect(keys.filter((k) => k.includes(":2027-01-30:") || k.includes(":2027-09-04:")).filter((k) => k.includes("gp-toi-t7"))).toEqual([]);
    expect(keys.filter((k) => k.startsWith("reminder:m2-toi-t6:2027-02-05:"))).toEqual([]);
    expect(keys.filter((k) => k.startsWith("reminder:m1-chieu-t3:") && k.split(":")[2]! > "2027-06-29")).toEqual([]);
    expect(keys.filter((k) => k.startsWith("reminder:m2-sang-t2:") && k.split(":")[2]! < "2027-03-01")).toEqual([]);
  });

  it("gives residents who asked only the day-before reminder, with how to stop them", () => {
    const cls = YEAR_CLASSES[0]!;
    const [, chat, learner] = AUDIENCES["giai-phong"]!.recipients;
    const viaChat = rowsOf(sim, cls, "2027-05-01", chat!);
    const viaApp = rowsOf(sim, cls, "2027-05-01", learner!);
    expect(viaChat.sameDay).toBeUndefined();
    expect(viaChat.dayBefore).toMatchObject({ channel: "oa-user", recipient: "oa-1001", state: "pending" });
    expect(viaChat.dayBefore!.text).toContain("Bác gõ DỪNG nếu không muốn nhận tin nhắc nữa.");
    expect(viaApp.dayBefore).toMatchObject({ channel: "miniapp-notify", recipient: "app-2002" });
    expect(viaApp.dayBefore!.text).toContain("mục “Dữ liệu của tôi”");
  });
});

describe("ticks the server missed", () => {
  const cls = YEAR_CLASSES[0]!; // Saturdays 19:00
  const group = AUDIENCES["giai-phong"]!.recipients[0]!;
  const audiences = { "giai-phong": AUDIENCES["giai-phong"]! };

  it("after a whole day down, sends only the latest reminder and records the earlier one as superseded", () => {
    // Down from Friday 18:00 to Saturday 18:00: both reminders of Saturday 20/3 were missed.
    const down: [Date, Date] = [wardInstant("2027-03-19", "18:00"), wardInstant("2027-03-20", "18:00")];
    const sim = simulate({ classes: [cls], audiences, from: "2027-03-10", to: "2027-03-31", down: [down] });
    expect(checkInvariants(sim, [cls])).toEqual([]);
    const { dayBefore, sameDay } = rowsOf(sim, cls, "2027-03-20", group);
    expect(dayBefore).toMatchObject({ state: "expired", failure: REMINDER_FAILURES.superseded });
    expect(sameDay).toMatchObject({ state: "pending" });
    expect(sameDay!.sendAt).toEqual(wardInstant("2027-03-20", "18:00"));
    // The chat resident only gets day-before reminders: theirs still goes, late, as the one reminder.
    const chat = rowsOf(sim, cls, "2027-03-20", AUDIENCES["giai-phong"]!.recipients[1]!);
    expect(chat.dayBefore).toMatchObject({ state: "pending" });
    expect(chat.dayBefore!.text.split("\n")[1]).toBe("Tối nay, Thứ Bảy, 20/03/2027");
    // The weeks around it are untouched.
    for (const date of ["2027-03-13", "2027-03-27"]) {
      const week = rowsOf(sim, cls, date, group);
      expect([week.dayBefore?.state, week.sameDay?.state]).toEqual(["pending", "pending"]);
    }
  });

  it("catches up a day-before reminder missed in the evening on the next morning, with the right words", () => {
    // Down Friday 18:00–23:00: at 23:00 it is quiet, so the reminder waits for 06:30 Saturday.
    const down: [Date, Date] = [wardInstant("2027-03-19", "18:00"), wardInstant("2027-03-19", "23:00")];
    const sim = simulate({ classes: [cls], audiences, from: "2027-03-15", to: "2027-03-21", down: [down] });
    expect(checkInvariants(sim, [cls])).toEqual([]);
    const { dayBefore, sameDay } = rowsOf(sim, cls, "2027-03-20", group);
    expect(dayBefore).toMatchObject({ state: "pending" });
    expect(dayBefore!.plannedAt).toEqual(wardInstant("2027-03-19", "23:00"));
    expect(dayBefore!.sendAt).toEqual(wardInstant("2027-03-20", "06:30"));
    expect(dayBefore!.text.split("\n")[1]).toBe("Tối nay, Thứ Bảy, 20/03/2027");
    expect(sameDay!.sendAt).toEqual(wardInstant("2027-03-20", "17:00"));
  });

  it("plans nothing for a meeting the server was down through", () => {
    const down: [Date, Date] = [wardInstant("2027-03-19", "18:00"), wardInstant("2027-03-20", "21:00")];
    const sim = simulate({ classes: [cls], audiences, from: "2027-03-15", to: "2027-03-21", down: [down] });
    const { dayBefore, sameDay } = rowsOf(sim, cls, "2027-03-20", group);
    expect([dayBefore, sameDay]).toEqual([undefined, undefined]);
  });

  it("supersedes a day-before reminder that quiet hours would hold past the same-day one", () => {
    // Sunday 08:00; a tick first at 21:30 Saturday: 06:30 Sunday is after the same-day's 06:00.
    const sunday = YEAR_CLASSES[1]!;
    const down: [Date, Date] = [wardInstant("2027-03-20", "18:00"), wardInstant("2027-03-20", "21:30")];
    const sim = simulate({ classes: [sunday], audiences, from: "2027-03-15", to: "2027-03-21", down: [down] });
    expect(checkInvariants(sim, [sunday])).toEqual([]);
    const { dayBefore, sameDay } = rowsOf(sim, sunday, "2027-03-21", group);
    expect(dayBefore).toMatchObject({ state: "expired", failure: REMINDER_FAILURES.superseded });
    expect(sameDay).toMatchObject({ state: "pending" });
    expect(sameDay!.sendAt).toEqual(wardInstant("2027-03-21", "06:30"));
  });
});

/** A small seeded generator (mulberry32): the same cases on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

describe("random classes, settings and outages (seeded)", () => {
  for (let seed = 1; seed <= 12; seed++) {
    it(`keeps every invariant and plans every reachable reminder once (seed ${seed})`, () => {
      const rnd = random(seed);
      const pick = (n: number) => Math.floor(rnd() * n);
      const quietHours = { start: hhmm(20 * 60 + pick(24) * 10), end: hhmm(5 * 60 + pick(18) * 10) };
      let dayBeforeMinutes: number;
      do dayBeforeMinutes = pick(24 * 12) * 5;
      while (isQuiet(wardInstant("2027-01-01", hhmm(dayBeforeMinutes)), quietHours));
      const settings = WardSettingsSchema.parse({
        reminders: { dayBeforeAt: hhmm(dayBeforeMinutes), hoursBefore: pick(13) },
        quietHours,
      });
      const classes = Array.from({ length: 3 + pick(4) }, (_, i) =>
        weekly({
          id: `c${i}`,
          tdpId: "giai-phong",
          weekday: 1 + pick(7),
          startTime: hhmm(pick(24 * 12) * 5),
          durationMinutes: 15 + pick(20) * 10,
          firstDate: "2027-01-01",
          lastDate: rnd() < 0.3 ? "2027-02-15" : null,
          cancelledDates: [],
        }),
      ).map((c) => ({
        ...c,
        cancelledDates: occurrencesBetween(c, "2027-01-01", "2027-03-31")
          .filter(() => rnd() < 0.15)
          .map((o) => o.date),
      }));
      const down = Array.from({ length: pick(4) }, (): [Date, Date] => {
        const start = wardInstant("2027-01-05", "00:00").getTime() + pick(70 * 24 * 12) * 5 * MINUTE;
        return [new Date(start), new Date(start + (10 + pick(36 * 6)) * 10 * MINUTE)];
      });
      const audiences = { "giai-phong": AUDIENCES["giai-phong"]! };
      const sim = simulate({ classes, audiences, settings, from: "2027-01-01", to: "2027-03-31", stepMinutes: 5, down });
      expect(checkInvariants(sim, classes, settings)).toEqual([]);

      const isUp = (t: number) => !down.some(([a, b]) => t >= a.getTime() && t < b.getTime());
      const problems: string[] = [];
      for (const cls of classes) {
        for (const o of occurrencesBetween(cls, "2027-01-03", "2027-03-31")) {
          for (const r of audiences["giai-phong"].recipients) {
            for (const slot of reminderSlots(o, settings).filter((s) => r.offsets.includes(s.offset))) {
              const key = `reminder:${cls.id}:${o.date}:${slot.offset}:${r.keyPart}`;
              // Reachable: some 5-minute tick in [due, start) with the server up.
              let reachable = false;
              const firstTick = Math.ceil(slot.dueAt.getTime() / (5 * MINUTE)) * 5 * MINUTE;
              for (let t = firstTick; t < o.startsAt.getTime() && !reachable; t += 5 * MINUTE) reachable = isUp(t);
              if (reachable !== sim.store.has(key)) problems.push(`${key}: reachable ${reachable}`);
            }
          }
        }
        for (const date of cls.cancelledDates) {
          if ([...sim.store.keys()].some((k) => k.startsWith(`reminder:${cls.id}:${date}:`))) {
            problems.push(`${cls.id} ${date}: reminded though cancelled`);
          }
        }
      }
      expect(problems).toEqual([]);
    });
  }
});

describe("reminderSlots", () => {
  const saturday: Occurrence = {
    classId: "c",
    date: "2027-03-06",
    startsAt: wardInstant("2027-03-06", "08:00"),
    endsAt: wardInstant("2027-03-06", "09:30"),
  };

  it("has no same-day reminder when hoursBefore is 0", () => {
    const slots = reminderSlots(saturday, { ...SETTINGS, reminders: { dayBeforeAt: "19:00", hoursBefore: 0 } });
    expect(slots.map((s) => s.offset)).toEqual(["day-before"]);
  });

  it("has no same-day reminder unless it comes after the day-before one", () => {
    // 08:00 − 12 h = 20:00 the evening before: the same moment as the day-before reminder.
    const slots = reminderSlots(saturday, { ...SETTINGS, reminders: { dayBeforeAt: "20:00", hoursBefore: 12 } });
    expect(slots.map((s) => s.offset)).toEqual(["day-before"]);
    const later = reminderSlots(saturday, { ...SETTINGS, reminders: { dayBeforeAt: "20:00", hoursBefore: 11 } });
    expect(later.map((s) => [s.offset, s.dueAt.toISOString()])).toEqual([
      ["day-before", "2027-03-05T13:00:00.000Z"],
      ["same-day", "2027-03-05T14:00:00.000Z"],
    ]);
  });
});

describe("the reminder text", () => {
  const occurrence = {
    date: "2026-11-28",
    startsAt: wardInstant("2026-11-28", "19:00"),
    endsAt: wardInstant("2026-11-28", "20:30"),
  };
  const cls = {
    startTime: "19:00",
    place: "Nhà văn hóa Tổ dân phố Giải Phóng",
    topic: "An toàn khi thanh toán bằng mã QR",
    bring: "Điện thoại đã sạc pin",
    lessonIds: ["quet-vietqr"],
  };

  it("reads as short lines, one idea each", () => {
    const text = reminderText({
      tdpName: "Tổ dân phố Giải Phóng",
      cls,
      occurrence,
      sendAt: wardInstant("2026-11-27", "19:00"),
      miniAppId: "hocso-app",
      personal: null,
    });
    expect(text).toBe(
      [
        "📚 Nhắc lịch học kỹ năng số — Tổ dân phố Giải Phóng",
        "Tối mai, Thứ Bảy, 28/11/2026",
        "🕖 19:00–20:30",
        "📍 Nhà văn hóa Tổ dân phố Giải Phóng",
        "Chủ đề: An toàn khi thanh toán bằng mã QR",
        "Mang theo: điện thoại đã sạc pin.",
        "Xem trước bài học: https://zalo.me/s/hocso-app/bai/quet-vietqr",
      ].join("\n"),
    );
  });

  it("picks the day's words from when it is read and when the class starts", () => {
    const at = (date: string, time: string) => wardInstant(date, time);
    expect(relativeDay("2026-11-28", "19:00", at("2026-11-28", "17:00"))).toBe("Tối nay");
    expect(relativeDay("2026-11-28", "07:30", at("2026-11-27", "19:00"))).toBe("Sáng mai");
    expect(relativeDay("2026-11-28", "07:30", at("2026-11-28", "06:30"))).toBe("Sáng nay");
    expect(relativeDay("2026-11-28", "11:30", at("2026-11-28", "09:30"))).toBe("Trưa nay");
    expect(relativeDay("2026-11-28", "14:00", at("2026-11-27", "19:00"))).toBe("Chiều mai");
    expect(relativeDay("2026-11-28", "00:30", at("2026-11-27", "19:00"))).toBe("Ngày mai");
    expect(relativeDay("2026-11-28", "23:00", at("2026-11-28", "21:00"))).toBe("Hôm nay");
    expect(relativeDay("2026-11-28", "19:00", at("2026-11-26", "19:00"))).toBeNull();
    // Late on the evening before, in UTC it is already the class's day: ward dates decide.
    expect(relativeDay("2026-11-28", "08:00", new Date("2026-11-27T16:59:00Z"))).toBe("Sáng mai");
  });

  it("composes decomposed Vietnamese (NFC) and keeps a facilitator's [@…] from mentioning anyone", () => {
    const text = reminderText({
      tdpName: "Tổ dân phố Giải Phóng".normalize("NFD"),
      cls: { ...cls, place: "Nhà văn hóa [@everyone]".normalize("NFD"), lessonIds: [] },
      occurrence,
      sendAt: wardInstant("2026-11-28", "17:00"),
      miniAppId: "hocso-app",
      personal: null,
    });
    expect(text).toBe(text.normalize("NFC"));
    expect(text).toContain("Tổ dân phố Giải Phóng");
    expect(text).not.toContain("[@");
    expect(text).not.toContain("Xem trước bài học");
  });

  it("cuts very long place, topic and what to bring so the message stays within 2,000 characters", () => {
    const long = (word: string) => Array.from({ length: 400 }, () => word).join(" ");
    const text = reminderText({
      tdpName: "Tổ dân phố Giải Phóng",
      cls: { ...cls, place: long("Nhà văn hóa"), topic: long("Chủ đề"), bring: long("Điện thoại\n") },
      occurrence,
      sendAt: wardInstant("2026-11-28", "17:00"),
      miniAppId: "hocso-app",
      personal: "oa-user",
    });
    expect(zaloLength(text)).toBeLessThanOrEqual(ZALO_TEXT_LIMIT);
    const lines = text.split("\n");
    expect(lines).toHaveLength(8);
    expect(lines[3]).toMatch(/^📍 Nhà văn hóa .*…$/);
    expect(lines[4]).toMatch(/^Chủ đề: Chủ đề .*…$/);
    expect(lines[5]).toMatch(/^Mang theo: điện thoại .*…$/);
    expect(lines[6]).toBe("Xem trước bài học: https://zalo.me/s/hocso-app/bai/quet-vietqr");
    expect(lines[7]).toBe("Bác gõ DỪNG nếu không muốn nhận tin nhắc nữa.");
  });

  it("keeps whole what fits when nothing is long", () => {
    const text = reminderText({
      tdpName: "Tổ dân phố Giải Phóng",
      cls: { ...cls, place: "x".repeat(200), topic: "y".repeat(200), bring: "z".repeat(300) },
      occurrence,
      sendAt: wardInstant("2026-11-28", "17:00"),
      miniAppId: "hocso-app",
      personal: null,
    });
    expect(text).toContain("x".repeat(200));
    expect(text).toContain("z".repeat(300));
  });

  it("keeps an acronym at the start of what to bring", () => {
    const text = reminderText({
      tdpName: "Tổ dân phố Giải Phóng",
      cls: { ...cls, bring: "CCCD gắn chip và điện thoại" },
      occurrence,
      sendAt: wardInstant("2026-11-28", "17:00"),
      miniAppId: "hocso-app",
      personal: null,
    });
    expect(text).toContain("Mang theo: CCCD gắn chip và điện thoại.");
  });

  it("tells residents a meeting will not take place, and when the next one is", () => {
    const text = cancellationText({
      tdpName: "Tổ dân phố Giải Phóng",
      cls,
      occurrence: { date: "2026-12-05", startsAt: wardInstant("2026-12-05", "19:00"), endsAt: wardInstant("2026-12-05", "20:30") },
      next: { date: "2026-12-12", startsAt: wardInstant("2026-12-12", "19:00") },
    });
    expect(text).toBe(
      [
        "📢 Thông báo nghỉ học — Tổ dân phố Giải Phóng",
        "Buổi học kỹ năng số ngày Thứ Bảy, 05/12/2026 (19:00–20:30) được nghỉ.",
        "Chủ đề dự kiến: An toàn khi thanh toán bằng mã QR",
        "Bác không cần đến: Nhà văn hóa Tổ dân phố Giải Phóng",
        "Buổi học sau: Thứ Bảy, 12/12/2026, 19:00.",
        "Xin lỗi bác vì sự thay đổi này.",
      ].join("\n"),
    );
  });
});

describe("the ward settings", () => {
  it("refuse an evening reminder time inside quiet hours, naming the field", () => {
    const parsed = WardSettingsSchema.safeParse({
      reminders: { dayBeforeAt: "21:30", hoursBefore: 2 },
      quietHours: { start: "21:00", end: "06:30" },
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join("."))).toEqual(["reminders.dayBeforeAt"]);
  });

  it("accept the ward file's defaults", () => {
    expect(WardSettingsSchema.parse(SETTINGS)).toEqual(SETTINGS);
    expect(nextSendableTime(wardInstant("2027-01-01", "19:00"), SETTINGS.quietHours)).toEqual(
      wardInstant("2027-01-01", "19:00"),
    );
  });
});

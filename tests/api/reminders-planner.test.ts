// The reminder planner against a real SQLite file: who gets a reminder on which channel, what
// it says, and that a key is stored once however the ticks fall: two connections taking
// turns, four processes planning at the same instant, a restart, a tick after an outage.
// The week: Thứ Sáu 04/12/2026 19:00 ward time is the evening before Saturday's classes.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { saveChatReminders, saveChatTdp } from "@hocso/bot-server/db/chat-residents";
import { recordConsent } from "@hocso/bot-server/db/consents";
import { openDatabase, type Db } from "@hocso/bot-server/db/database";
import { findOutboxByKey, type OutboxRow } from "@hocso/bot-server/db/outbox";
import { setUpDatabase } from "@hocso/bot-server/db/setup";
import { findOrCreateUser, linkOaUser, updateProfile } from "@hocso/bot-server/db/users";
import { planReminders } from "@hocso/bot-server/features/reminders/planner";
import type { Clock } from "@hocso/bot-server/lib/clock";
import { wardFile } from "@hocso/bot-server/lib/content";
import { createLogger } from "@hocso/bot-server/lib/logger";
import { createTestApp, type TestApp } from "@hocso/bot-server/testing/test-app";
import { TestClock } from "@hocso/bot-server/testing/test-clock";
import { weeklyClass } from "../support/classes.ts";
import { wardInstant } from "@hocso/shared/dates";
import type { Ward } from "@hocso/shared/ward";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

const MINI_APP_ID = "hocso-test";
const OA_GROUP_ID = "f414c8f76fa586fbdfb4";
const FRIDAY_19 = "2026-12-04T12:00:00.000Z";
const logger = createLogger("silent");

/** The ward file with a 'share' TDP, an OA-group TDP and a TDP whose group has no id yet. */
const ward: Ward = {
  ...wardFile,
  residentialGroups: wardFile.residentialGroups.map((g) => {
    if (g.id === "mau-1") return { id: g.id, name: g.name, adultPopulation: g.adultPopulation, channel: "share" };
    if (g.id === "mau-2") return { ...g, channel: "oa-group", zaloGroupId: OA_GROUP_ID };
    if (g.id === "mau-3") return { id: g.id, name: g.name, adultPopulation: g.adultPopulation, channel: "sandbox" };
    return g;
  }),
  weeklyClasses: [
    ...wardFile.weeklyClasses,
    weeklyClass({ id: "mau-1-toi-thu-bay", tdpId: "mau-1", weekday: 6, startTime: "19:00", lessonIds: ["cuoc-goi-mao-danh"] }),
    weeklyClass({ id: "mau-2-toi-thu-bay", tdpId: "mau-2", weekday: 6, startTime: "19:00" }),
    weeklyClass({ id: "mau-2-som-chu-nhat", tdpId: "mau-2", weekday: 7, startTime: "06:00" }),
    weeklyClass({ id: "mau-3-toi-thu-bay", tdpId: "mau-3", weekday: 6, startTime: "19:00" }),
  ],
};

let app: TestApp;
let clock: TestClock;
const extra: Db[] = [];

function plan(db: Db = app.db, at: Clock = clock) {
  return planReminders({ db, clock: at, logger, miniAppId: MINI_APP_ID });
}

function learner(zaloId: string, tdpId: string | null, reminders: boolean | null, oaUserId?: string): void {
  const { db } = app;
  const now = clock.now();
  const { user } = findOrCreateUser(db, zaloId, now);
  if (tdpId) updateProfile(db, user.id, { tdpId }, now);
  recordConsent(db, user.id, { purpose: "progress", granted: true, textVersion: "2026-11-v2", decidedAt: now.toISOString() });
  if (reminders !== null) {
    recordConsent(db, user.id, { purpose: "reminders", granted: reminders, textVersion: "2026-11-v2", decidedAt: now.toISOString() });
  }
  if (oaUserId) linkOaUser(db, user.id, oaUserId, now);
}

function chatResident(oaUserId: string, tdpId: string, reminders: boolean | null): void {
  saveChatTdp(app.db, oaUserId, tdpId, clock.now());
  if (reminders !== null) {
    saveChatReminders(app.db, oaUserId, {
      granted: reminders,
      textVersion: "oa-chat-2026-11-v2",
      decidedAt: clock.now().toISOString(),
    });
  }
}

beforeEach(() => {
  clock = new TestClock(FRIDAY_19);
  app = createTestApp({ clock });
  setUpDatabase(app.db, ward, clock.now());
  chatResident("oa-yes", "giai-phong", true);
  chatResident("oa-no", "giai-phong", false);
  chatResident("oa-undecided", "giai-phong", null);
  chatResident("oa-yes-mau-2", "mau-2", true);
  learner("zalo-yes", "giai-phong", true);
  learner("zalo-progress-only", "giai-phong", null);
  learner("zalo-withdrew", "giai-phong", false);
  learner("zalo-no-tdp", null, true);
  // Said yes in the chat, then withdrew in the mini app: the account's decision counts.
  chatResident("oa-linked-withdrew", "giai-phong", true);
  learner("zalo-linked-withdrew", "giai-phong", false, "oa-linked-withdrew");
  // Yes in both places: one reminder, through the mini app; the TDP comes from the chat.
  chatResident("oa-linked-yes", "giai-phong", true);
  learner("zalo-linked-yes", null, true, "oa-linked-yes");
});
afterEach(() => {
  for (const db of extra.splice(0)) db.close();
  app.close();
});

function rows(db: Db = app.db): OutboxRow[] {
  const keys = db.prepare("SELECT dedupe_key FROM outbox ORDER BY dedupe_key").all() as Array<{ dedupe_key: string }>;
  return keys.map((k) => findOutboxByKey(db, k.dedupe_key)!);
}

function summary(db: Db = app.db): Array<[string, string, string | null, string]> {
  return rows(db).map((r) => [r.dedupeKey, r.channel, r.recipient, r.state]);
}

/** Saturday 05/12's evening-before reminders, as the planner must write them at 19:00 Friday. */
const SATURDAY_EVE: Array<[string, string, string | null, string]> = [
  ["reminder:giai-phong-toi-thu-bay:2026-12-05:day-before:oa-yes", "oa-user", "oa-yes", "pending"],
  ["reminder:giai-phong-toi-thu-bay:2026-12-05:day-before:sandbox-giai-phong", "sandbox", "sandbox-giai-phong", "pending"],
  ["reminder:giai-phong-toi-thu-bay:2026-12-05:day-before:zalo-linked-yes", "miniapp-notify", "zalo-linked-yes", "pending"],
  ["reminder:giai-phong-toi-thu-bay:2026-12-05:day-before:zalo-yes", "miniapp-notify", "zalo-yes", "pending"],
  ["reminder:mau-1-toi-thu-bay:2026-12-05:day-before:mau-1", "share", null, "manual"],
  [`reminder:mau-2-toi-thu-bay:2026-12-05:day-before:${OA_GROUP_ID}`, "oa-group", OA_GROUP_ID, "pending"],
  ["reminder:mau-2-toi-thu-bay:2026-12-05:day-before:oa-yes-mau-2", "oa-user", "oa-yes-mau-2", "pending"],
];

describe("who gets which reminder", () => {
  it("writes one row per group and per resident who said yes, on their channel, and none for anyone else", () => {
    expect(plan()).toEqual({ planned: SATURDAY_EVE.length, expired: 0 });
    expect(summary()).toEqual(SATURDAY_EVE);
  });

  it("writes the group's reminder for elderly readers, due now, expiring at midnight", () => {
    plan();
    const row = findOutboxByKey(app.db, "reminder:giai-phong-toi-thu-bay:2026-12-05:day-before:sandbox-giai-phong")!;
    expect(row).toMatchObject({
      kind: "reminder",
      tdpId: "giai-phong",
      classId: "giai-phong-toi-thu-bay",
      occurrenceDate: "2026-12-05",
      urgent: false,
      dueAt: FRIDAY_19,
      nextAttemptAt: FRIDAY_19,
      expiresAt: "2026-12-04T17:00:00.000Z",
    });
    expect(row.message).toEqual({
      text: [
        "📚 Nhắc lịch học kỹ năng số — Tổ dân phố Giải Phóng",
        "Tối mai, Thứ Bảy, 05/12/2026",
        "🕖 19:00–20:30",
        "📍 Nhà văn hóa Tổ dân phố Giải Phóng (địa điểm mẫu)",
        "Chủ đề: An toàn khi thanh toán bằng mã QR",
        "Mang theo: điện thoại đã sạc pin, thẻ căn cước gắn chip.",
        `Xem trước bài học: https://zalo.me/s/${MINI_APP_ID}/bai/quet-vietqr`,
      ].join("\n"),
    });
  });

  it("tells a chat resident how to stop, with a button, and a learner where to turn reminders off", () => {
    plan();
    const chat = findOutboxByKey(app.db, "reminder:giai-phong-toi-thu-bay:2026-12-05:day-before:oa-yes")!;
    expect(chat.message.text).toContain("Bác gõ DỪNG nếu không muốn nhận tin nhắc nữa.");
    expect(chat.message.buttons).toEqual([{ title: "Dừng nhắc lịch", payload: "dừng" }]);
    const app_ = findOutboxByKey(app.db, "reminder:giai-phong-toi-thu-bay:2026-12-05:day-before:zalo-yes")!;
    expect(app_.message.text).toContain("Tắt tin nhắc trong ứng dụng Học Số, mục “Dữ liệu của tôi”.");
    expect(app_.message.buttons).toBeUndefined();
  });

  it("sends the same-day reminder to groups only, two hours before", () => {
    plan();
    clock.advance(22 * 3_600_000); // Saturday 17:00
    expect(plan()).toEqual({ planned: 3, expired: 0 });
    const sameDay = summary().filter(([key]) => key.includes(":same-day:"));
    expect(sameDay).toEqual([
      ["reminder:giai-phong-toi-thu-bay:2026-12-05:same-day:sandbox-giai-phong", "sandbox", "sandbox-giai-phong", "pending"],
      ["reminder:mau-1-toi-thu-bay:2026-12-05:same-day:mau-1", "share", null, "manual"],
      [`reminder:mau-2-toi-thu-bay:2026-12-05:same-day:${OA_GROUP_ID}`, "oa-group", OA_GROUP_ID, "pending"],
    ]);
    const row = findOutboxByKey(app.db, "reminder:giai-phong-toi-thu-bay:2026-12-05:same-day:sandbox-giai-phong")!;
    expect(row.message.text.split("\n")[1]).toBe("Tối nay, Thứ Bảy, 05/12/2026");
    expect(row.expiresAt).toBe("2026-12-05T12:00:00.000Z");
  });

  it("stops a resident's reminders once they say stop", () => {
    saveChatReminders(app.db, "oa-yes", { granted: false, textVersion: "oa-chat-2026-11-v2", decidedAt: FRIDAY_19 });
    plan();
    expect(summary().map(([key]) => key)).not.toContain("reminder:giai-phong-toi-thu-bay:2026-12-05:day-before:oa-yes");
  });
});

describe("one row per key", () => {
  it("keeps one row per key when two connections tick in turns, at the same minutes and after", () => {
    const other = openDatabase(app.config.databasePath);
    extra.push(other);
    const instants = [
      "2026-12-04T12:00:00.000Z",
      "2026-12-04T12:00:00.000Z",
      "2026-12-04T12:01:00.000Z",
      "2026-12-04T23:30:00.000Z",
      "2026-12-05T10:00:00.000Z",
      "2026-12-05T10:00:00.000Z",
      "2026-12-05T11:59:00.000Z",
    ];
    let planned = 0;
    for (const iso of instants) {
      const at: Clock = { now: () => new Date(iso) };
      planned += plan(app.db, at).planned;
      planned += plan(other, at).planned;
    }
    // 7 evening-before rows, 3 same-day rows, each written once.
    expect(planned).toBe(10);
    expect(rows().length).toBe(10);
    expect(summary(other)).toEqual(summary());
  });

  it("keeps one row per key when four processes plan the same instant twenty times each", async () => {
    const planner = fileURLToPath(new URL("../../bot-server/src/features/reminders/planner.ts", import.meta.url));
    const database = fileURLToPath(new URL("../../bot-server/src/db/database.ts", import.meta.url));
    const log = fileURLToPath(new URL("../../bot-server/src/lib/logger.ts", import.meta.url));
    const script = `
      const { openDatabase } = await import(${JSON.stringify(database)});
      const { planReminders } = await import(${JSON.stringify(planner)});
      const { createLogger } = await import(${JSON.stringify(log)});
      const db = openDatabase(process.env.DB_PATH);
      const clock = { now: () => new Date(process.env.AT) };
      let planned = 0;
      for (let i = 0; i < 20; i++) {
        planned += planReminders({ db, clock, logger: createLogger("silent"), miniAppId: "${MINI_APP_ID}" }).planned;
      }
      db.close();
      process.stdout.write(JSON.stringify({ planned }));
    `;
    const run = () =>
      new Promise<number>((resolve, reject) => {
        const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
          env: { ...process.env, DB_PATH: app.config.databasePath, AT: FRIDAY_19 },
          stdio: ["ignore", "pipe", "pipe"],
        });
        let out = "";
        let err = "";
        child.stdout.on("data", (d: Buffer) => (out += d.toString()));
        child.stderr.on("data", (d: Buffer) => (err += d.toString()));
        child.on("error", reject);
        child.on("close", (code) =>
          code === 0 ? resolve((JSON.parse(out) as { planned: number }).planned) : reject(new Error(err)),
        );
      });
    const planned = await Promise.all([run(), run(), run(), run()]);
    expect(planned.reduce((a, b) => a + b, 0)).toBe(SATURDAY_EVE.length);
    expect(summary()).toEqual(SATURDAY_EVE);
  });

  it("writes nothing new after a restart: close the database, open it again, set it up, plan", () => {
    const path = app.config.databasePath;
    const first = openDatabase(path);
    expect(plan(first).planned).toBe(SATURDAY_EVE.length);
    first.close();
    const reopened = openDatabase(path);
    extra.push(reopened);
    setUpDatabase(reopened, ward, clock.now());
    expect(plan(reopened)).toEqual({ planned: 0, expired: 0 });
    clock.advance(60_000);
    expect(plan(reopened)).toEqual({ planned: 0, expired: 0 });
    expect(summary(reopened)).toEqual(SATURDAY_EVE);
  });
});

describe("ticks after an outage, and quiet hours", () => {
  it("after missing both of a meeting's times, sends a group only the later one and records the earlier as superseded", () => {
    clock.advance(22 * 3_600_000 + 30 * 60_000); // Saturday 17:30, nothing planned since Thursday
    const result = plan();
    expect(result).toEqual({ planned: 7, expired: 3 });
    const gp = "reminder:giai-phong-toi-thu-bay:2026-12-05";
    expect(findOutboxByKey(app.db, `${gp}:day-before:sandbox-giai-phong`)).toMatchObject({
      state: "expired",
      failure: "Đã có tin nhắc sau thay thế",
    });
    expect(findOutboxByKey(app.db, `${gp}:same-day:sandbox-giai-phong`)).toMatchObject({
      state: "pending",
      dueAt: "2026-12-05T10:00:00.000Z",
      nextAttemptAt: "2026-12-05T10:30:00.000Z",
    });
    // A resident's only reminder is the day-before one: it still goes, now.
    expect(findOutboxByKey(app.db, `${gp}:day-before:oa-yes`)).toMatchObject({
      state: "pending",
      nextAttemptAt: "2026-12-05T10:30:00.000Z",
    });
  });

  it("holds a reminder due in quiet hours until they end, and records it expired when they last until the class", () => {
    clock.advance(24 * 3_600_000); // Saturday 19:00: Sunday's evening-before reminders
    plan();
    clock.advance(9 * 3_600_000); // Sunday 04:00: the 06:00 class's same-day time, deep in quiet hours
    expect(plan()).toEqual({ planned: 0, expired: 1 });
    expect(findOutboxByKey(app.db, `reminder:mau-2-som-chu-nhat:2026-12-06:same-day:${OA_GROUP_ID}`)).toMatchObject({
      state: "expired",
      failure: "Giờ yên lặng kéo dài tới giờ học",
    });
    clock.advance(2 * 3_600_000); // Sunday 06:00: the 08:00 class's, held until 06:30
    expect(plan()).toEqual({ planned: 1, expired: 0 });
    const held = findOutboxByKey(app.db, "reminder:mau-1-sang-chu-nhat:2026-12-06:same-day:mau-1")!;
    expect(held).toMatchObject({ state: "manual", dueAt: "2026-12-05T23:00:00.000Z" });
    expect(held.nextAttemptAt).toBe(wardInstant("2026-12-06", "06:30").toISOString());
    expect(held.message.text.split("\n")[1]).toBe("Sáng nay, Chủ Nhật, 06/12/2026");
  });
});

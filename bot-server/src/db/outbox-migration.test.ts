// 007-change-notices.sql rebuilds the outbox to allow the 'change' kind: on a real file that
// ran up to 006 and holds rows of every kind and state, the migration keeps every row, column
// for column, with its indexes, constraints and foreign keys.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { wardFile } from "../lib/content.ts";
import { insertAnnouncement } from "./announcements.ts";
import { openDatabase, type Db } from "./database.ts";
import { loadMigrations, migrate } from "./migrate.ts";
import { upsertResidentialGroups } from "./residential-groups.ts";
import { findOrCreateUser } from "./users.ts";
import { insertMissingWeeklyClasses } from "./weekly-classes.ts";

let dir: string;
let path: string;
let db: Db;
const now = new Date("2026-12-04T12:00:00.000Z");
const at = now.toISOString();

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "hocso-migrate-"));
  path = join(dir, "hocso.sqlite");
  db = openDatabase(path);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const upTo006 = () => loadMigrations().filter((m) => m.version <= 6);

/** A database as a server of the previous release left it: 001–006 and a week of messages. */
function databaseOf006(): void {
  expect(migrate(db, upTo006())).toEqual([1, 2, 3, 4, 5, 6]);
  upsertResidentialGroups(db, wardFile.residentialGroups, now);
  insertMissingWeeklyClasses(db, wardFile.weeklyClasses, now);
  const { user } = findOrCreateUser(db, "123456789012345678", now);
  const announcement = { authorId: user.id, text: "Họp tổ.", urgent: true, sendAt: now, createdAt: now };
  const announcementId = insertAnnouncement(db, announcement);
  const insert = db.prepare(
    `INSERT INTO outbox (dedupe_key, kind, channel, recipient, tdp_id, announcement_id, class_id, occurrence_date,
       message, urgent, state, in_doubt, attempts, due_at, next_attempt_at, expires_at, lease_until, sent_at,
       provider_message_id, failure, last_error, created_at, updated_at)
     VALUES (@key, @kind, @channel, @recipient, @tdp, @announcement, @cls, @date, @message, @urgent, @state, @inDoubt,
       @attempts, @at, @next, @expires, @lease, @sent, @provider, @failure, @lastError, @at, @at)`,
  );
  const cls = "giai-phong-toi-thu-bay";
  const base = {
    kind: "reminder",
    channel: "sandbox",
    recipient: "sandbox-giai-phong",
    tdp: "giai-phong",
    announcement: null,
    cls,
    date: "2026-12-05",
    message: JSON.stringify({ text: "📚 Nhắc lịch học kỹ năng số — Tổ dân phố Giải Phóng" }),
    urgent: 0,
    inDoubt: 0,
    attempts: 1,
    at,
    next: at,
    expires: "2026-12-05T12:00:00.000Z",
    lease: null,
    sent: null,
    provider: null,
    failure: null,
    lastError: null,
  };
  const failed = "Zalo OA không còn trong nhóm này (-403).";
  const rows = [
    { key: `reminder:${cls}:2026-12-05:day-before:sandbox-giai-phong`, state: "sent", sent: at, provider: "msg-1" },
    {
      key: `reminder:${cls}:2026-12-05:same-day:sandbox-giai-phong`,
      state: "sending",
      lease: at,
      inDoubt: 1,
      attempts: 2,
      lastError: "-32 /v3.0/oa/group/message",
    },
    {
      key: `reminder:${cls}:2026-12-05:day-before:oa-1`,
      channel: "oa-user",
      recipient: "oa-1",
      state: "pending",
      next: "2026-12-05T00:00:00.000Z",
      message: JSON.stringify({ text: "Nhắc", buttons: [{ title: "Dừng nhắc lịch", payload: "dừng" }] }),
    },
    { key: `reminder:${cls}:2026-12-05:day-before:mau-1`, channel: "share", recipient: null, tdp: "mau-1", state: "manual" },
    {
      key: `reminder:${cls}:2026-11-28:day-before:zalo-1`,
      channel: "miniapp-notify",
      recipient: "zalo-1",
      date: "2026-11-28",
      state: "expired",
      failure: "Đã quá giờ học: tin nhắc không còn kịp gửi.",
    },
    {
      key: `cancellation:${cls}:2026-12-05:sandbox-giai-phong`,
      kind: "cancellation",
      state: "cancelled",
      urgent: 1,
      failure: "Buổi học được học lại như lịch cũ",
    },
    {
      key: `broadcast:${announcementId}:giai-phong`,
      kind: "broadcast",
      cls: null,
      date: null,
      announcement: announcementId,
      expires: null,
      state: "failed",
      failure: failed,
    },
    {
      key: "reply:7:1",
      kind: "reply",
      channel: "oa-user",
      recipient: "oa-1",
      tdp: null,
      cls: null,
      date: null,
      expires: null,
      state: "sent",
      sent: at,
    },
  ];
  for (const row of rows) insert.run({ ...base, ...row });
}

function outboxRows(): unknown[] {
  return db.prepare("SELECT * FROM outbox ORDER BY id").all();
}

function schemaOf(kind: "index" | "fk"): unknown[] {
  return kind === "index"
    ? db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'outbox' ORDER BY name").all()
    : db.prepare("SELECT * FROM pragma_foreign_key_list('outbox') ORDER BY id, seq").all();
}

describe("007-change-notices.sql", () => {
  it("keeps every outbox row, column for column, with the same indexes and foreign keys", () => {
    databaseOf006();
    const rows = outboxRows();
    const columns = db.prepare("SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('outbox')").all();
    const [indexes, keys] = [schemaOf("index"), schemaOf("fk")];
    expect(rows).toHaveLength(8);
    db.close();

    db = openDatabase(path); // the next release starts on the same file
    expect(migrate(db, loadMigrations().filter((m) => m.version <= 7))).toEqual([7]);
    expect(outboxRows()).toEqual(rows);
    expect(db.prepare("SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('outbox')").all()).toEqual(columns);
    expect(schemaOf("index")).toEqual(indexes);
    expect(schemaOf("fk")).toEqual(keys);
    expect(db.prepare("PRAGMA foreign_key_check").all()).toEqual([]);
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'outbox_0%'").all()).toEqual([]);
  });

  it("accepts a 'change' notice, which 006 refused, and still refuses what 006 refused", () => {
    databaseOf006();
    const change = db.prepare(
      `INSERT INTO outbox (dedupe_key, kind, channel, recipient, message, state, due_at, next_attempt_at, sent_at,
         failure, created_at, updated_at)
       VALUES (?, ?, 'sandbox', 'g', '{"text":"x"}', ?, ?, ?, NULL, NULL, ?, ?)`,
    );
    const row = (key: string, kind: string, state = "pending") => change.run(key, kind, state, at, at, at, at);
    expect(() => row("change:a", "change")).toThrow(/CHECK/);
    migrate(db);
    row("change:a", "change");
    expect(() => row("other:a", "other")).toThrow(/CHECK/);
    expect(() => row("change:b", "change", "sent")).toThrow(/CHECK/); // sent needs sent_at
    expect(() => row("change:a", "change")).toThrow(/UNIQUE/);
    expect(() =>
      db.prepare("UPDATE outbox SET class_id = 'no-such-class' WHERE dedupe_key = 'change:a'").run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it("still follows a class's deletion (ON DELETE CASCADE) after the rebuild", () => {
    databaseOf006();
    migrate(db);
    db.prepare("DELETE FROM weekly_class_cancellations").run();
    db.prepare("DELETE FROM class_rsvps").run();
    db.prepare("DELETE FROM weekly_classes WHERE id = 'giai-phong-toi-thu-bay'").run();
    expect(
      (db.prepare("SELECT kind FROM outbox ORDER BY id").all() as Array<{ kind: string }>).map((r) => r.kind),
    ).toEqual(["broadcast", "reply"]);
  });
});

// The SQLite layer on a real file: pragmas, migrations, constraints and cascades.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { wardFile } from "../lib/content.ts";
import { openDatabase, type Db } from "./database.ts";
import { loadMigrations, migrate } from "./migrate.ts";
import { listResidentialGroups } from "./residential-groups.ts";
import { setUpDatabase } from "./setup.ts";
import { findOrCreateUser } from "./users.ts";
import { findWeeklyClass } from "./weekly-classes.ts";

let dir: string;
let db: Db;
const now = new Date("2026-11-28T01:00:00Z");

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "hocso-db-"));
  db = openDatabase(join(dir, "nested", "hocso.sqlite"));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function count(table: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

function tablesWithUserId(): string[] {
  const rows = db
    .prepare(
      `SELECT m.name FROM sqlite_master m WHERE m.type = 'table'
         AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) c WHERE c.name = 'user_id') ORDER BY m.name`,
    )
    .all() as Array<{ name: string }>;
  return rows.map((r) => r.name);
}

describe("database", () => {
  it("opens in WAL mode with foreign keys on and a busy timeout, creating its folder", () => {
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(db.pragma("busy_timeout", { simple: true })).toBe(5000);
  });

  it("applies the numbered migrations once, in order, and records each", () => {
    const versions = loadMigrations().map((m) => m.version);
    expect(migrate(db)).toEqual(versions);
    expect(migrate(db)).toEqual([]);
    const recorded = db.prepare("SELECT version, name FROM schema_migrations ORDER BY version").all();
    expect(recorded).toEqual(loadMigrations().map((m) => ({ version: m.version, name: m.name })));
  });

  it("seeds every TDP from the ward file and updates a renamed one on the next start", () => {
    setUpDatabase(db, wardFile, now);
    expect(listResidentialGroups(db).map((g) => g.id)).toEqual(wardFile.residentialGroups.map((g) => g.id));
    const first = wardFile.residentialGroups[0]!;
    const renamed = { ...wardFile, residentialGroups: [{ ...first, name: "Tổ dân phố đổi tên" }] };
    setUpDatabase(db, renamed, now);
    expect(listResidentialGroups(db).find((g) => g.id === first.id)?.name).toBe("Tổ dân phố đổi tên");
    expect(count("residential_groups")).toBe(wardFile.residentialGroups.length);
  });

  it("deletes every row about a user, in every table with a user_id, with the user", () => {
    setUpDatabase(db, wardFile, now);
    const { user } = findOrCreateUser(db, "123456789012345678", now);
    const classId = wardFile.weeklyClasses[0]!.id;
    const at = now.toISOString();
    db.prepare("INSERT INTO consents VALUES (?, 'progress', 1, 'v', ?)").run(user.id, at);
    db.prepare("INSERT INTO sessions VALUES ('h', ?, ?, ?)").run(user.id, at, at);
    db.prepare("INSERT INTO progress (user_id, lesson_id, step_index, updated_at) VALUES (?, 'l', 0, ?)").run(user.id, at);
    db.prepare(
      "INSERT INTO learning_events (user_id, event_id, type, lesson_id, at, received_at) VALUES (?, 'e', 'answer', 'l', ?, ?)",
    ).run(user.id, at, at);
    db.prepare("INSERT INTO answer_attempts VALUES (?, 'e', 'l', 'q', 0, 1, 'quiz', ?)").run(user.id, at);
    db.prepare("INSERT INTO class_rsvps VALUES (?, ?, '2026-12-05', 1, ?)").run(user.id, classId, at);
    db.prepare("DELETE FROM users WHERE id = ?").run(user.id);
    for (const table of tablesWithUserId()) expect({ table, rows: count(table) }).toEqual({ table, rows: 0 });
  });

  it("makes every table with a user_id column follow the user's deletion (ON DELETE CASCADE)", () => {
    migrate(db);
    const tables = tablesWithUserId();
    expect(tables).toEqual(expect.arrayContaining(["consents", "sessions", "progress", "learning_events", "answer_attempts", "class_rsvps"]));
    for (const table of tables) {
      const keys = db.prepare(`SELECT "table", "from", on_delete FROM pragma_foreign_key_list(?)`).all(table);
      expect({ table, keys }).toEqual({
        table,
        keys: expect.arrayContaining([{ table: "users", from: "user_id", on_delete: "CASCADE" }]),
      });
    }
  });

  it("refuses a self-reported certification date before binhdanhocvuso.gov.vn opened, even bypassing the API", () => {
    setUpDatabase(db, wardFile, now);
    const { user } = findOrCreateUser(db, "123456789012345678", now);
    expect(() => db.prepare("UPDATE users SET certified_on = '2025-03-25' WHERE id = ?").run(user.id)).toThrow(/CHECK/);
    db.prepare("UPDATE users SET certified_on = '2025-03-26' WHERE id = ?").run(user.id);
  });

  it("refuses to store an under-16 learner without a guardian's confirmation, even bypassing the API", () => {
    setUpDatabase(db, wardFile, now);
    const { user } = findOrCreateUser(db, "123456789012345678", now);
    expect(() => db.prepare("UPDATE users SET age_band = 'duoi-16' WHERE id = ?").run(user.id)).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE users SET tdp_id = 'no-such-tdp' WHERE id = ?").run(user.id)).toThrow(/FOREIGN KEY/);
  });

  it("finds the same user for the same Zalo id instead of creating a second", () => {
    setUpDatabase(db, wardFile, now);
    const first = findOrCreateUser(db, "123456789012345678", now);
    const again = findOrCreateUser(db, "123456789012345678", now);
    expect([first.created, again.created]).toEqual([true, false]);
    expect(again.user.id).toBe(first.user.id);
    expect(count("users")).toBe(1);
  });
});

describe("weekly classes seeded from the ward file", () => {
  const cls = wardFile.weeklyClasses[0]!;

  it("inserts every class of the ward file with its cancelled dates on the first start", () => {
    const withCancellation = { ...wardFile, weeklyClasses: [{ ...cls, cancelledDates: ["2026-12-05"] }] };
    expect(setUpDatabase(db, withCancellation, now).classesAdded).toEqual([cls.id]);
    expect(findWeeklyClass(db, cls.id)).toEqual({ ...cls, cancelledDates: ["2026-12-05"] });
    expect(count("weekly_class_cancellations")).toBe(1);
  });

  it("never overwrites a stored class on a later start, even when the ward file changed it", () => {
    setUpDatabase(db, wardFile, now);
    db.prepare("UPDATE weekly_classes SET place = 'Phòng họp mới' WHERE id = ?").run(cls.id);
    const edited = { ...wardFile, weeklyClasses: [{ ...cls, topic: "Chủ đề khác", cancelledDates: ["2026-12-05"] }] };
    expect(setUpDatabase(db, edited, now).classesAdded).toEqual([]);
    expect(findWeeklyClass(db, cls.id)).toMatchObject({ place: "Phòng họp mới", topic: cls.topic, cancelledDates: [] });
  });

  it("adds a class that appears in the ward file later", () => {
    setUpDatabase(db, wardFile, now);
    const added = { ...cls, id: "lop-moi" };
    const later = { ...wardFile, weeklyClasses: [...wardFile.weeklyClasses, added] };
    expect(setUpDatabase(db, later, now).classesAdded).toEqual(["lop-moi"]);
    expect(count("weekly_classes")).toBe(wardFile.weeklyClasses.length + 1);
  });

  it("refuses to start when a class names a TDP the ward does not have, naming the class", () => {
    const stray = { ...wardFile, weeklyClasses: [{ ...cls, id: "lop-lac", tdpId: "to-khong-co" }] };
    expect(() => setUpDatabase(db, stray, now)).toThrow(/"lop-lac" \(tdpId "to-khong-co"\)/);
  });
});

// 008-ward-office.sql rebuilds consents to allow the 'share-progress' purpose: on a file that
// ran up to 007 with learners' decisions in it, every decision is kept as it was, and the new
// purpose can be stored while an unknown one still cannot.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { wardFile } from "../lib/content.ts";
import { openDatabase, type Db } from "./database.ts";
import { loadMigrations, migrate } from "./migrate.ts";
import { upsertResidentialGroups } from "./residential-groups.ts";
import { findOrCreateUser } from "./users.ts";

let dir: string;
let path: string;
let db: Db;
const now = new Date("2026-12-04T12:00:00.000Z");

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "hocso-migrate-"));
  path = join(dir, "hocso.sqlite");
  db = openDatabase(path);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const consentRows = () => db.prepare("SELECT * FROM consents ORDER BY user_id, purpose").all();

describe("008-ward-office.sql", () => {
  it("keeps every consent decision and accepts the share-progress purpose", () => {
    expect(migrate(db, loadMigrations().filter((m) => m.version <= 7))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    upsertResidentialGroups(db, wardFile.residentialGroups, now);
    const sql = "INSERT INTO consents (user_id, purpose, granted, text_version, decided_at) VALUES (?, ?, ?, ?, ?)";
    let insert = db.prepare(sql);
    for (const [n, zaloId] of ["100000000000000001", "100000000000000002"].entries()) {
      const { user } = findOrCreateUser(db, zaloId, now);
      insert.run(user.id, "progress", 1, "2026-09", now.toISOString());
      insert.run(user.id, "reminders", n, "2026-09", now.toISOString());
    }
    const before = consentRows();
    expect(before).toHaveLength(4);
    db.close();

    db = openDatabase(path);
    expect(migrate(db)).toEqual([8]);
    expect(consentRows()).toEqual(before);
    insert = db.prepare(sql);
    insert.run((before[0] as { user_id: number }).user_id, "share-progress", 1, "2026-12", now.toISOString());
    expect(() => insert.run((before[0] as { user_id: number }).user_id, "marketing", 1, "2026-12", now.toISOString())).toThrow(
      /CHECK constraint failed/,
    );
    expect(db.prepare("PRAGMA foreign_key_check").all()).toEqual([]);
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'consents_0%'").all()).toEqual([]);
  });
});

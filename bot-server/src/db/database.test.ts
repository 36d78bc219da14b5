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

  it("deletes a user's consents, sessions and progress with the user", () => {
    setUpDatabase(db, wardFile, now);
    const { user } = findOrCreateUser(db, "123456789012345678", now);
    const at = now.toISOString();
    db.prepare("INSERT INTO consents VALUES (?, 'progress', 1, 'v', ?)").run(user.id, at);
    db.prepare("INSERT INTO sessions VALUES ('h', ?, ?, ?)").run(user.id, at, at);
    db.prepare("INSERT INTO progress VALUES (?, 'l', 0, NULL, NULL, NULL, NULL, ?)").run(user.id, at);
    db.prepare("DELETE FROM users WHERE id = ?").run(user.id);
    expect([count("consents"), count("sessions"), count("progress")]).toEqual([0, 0, 0]);
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

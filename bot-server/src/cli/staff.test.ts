// The staff command as an operator runs it: against a real SQLite file, by Zalo id.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../db/database.ts";
import { setUpDatabase } from "../db/setup.ts";
import { findOrCreateUser } from "../db/users.ts";
import { wardFile } from "../lib/content.ts";
import { loadStaff } from "../lib/policies.ts";
import { runStaffCommand, UsageError } from "./staff.ts";

const now = new Date("2026-11-25T03:00:00Z");
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
let dir: string;
let db: Db;
let path: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "hocso-staff-"));
  path = join(dir, "hocso.sqlite");
  db = openDatabase(path);
  setUpDatabase(db, wardFile, now);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("pnpm staff", () => {
  it("makes a signed-in account an admin with every policy", () => {
    const { user } = findOrCreateUser(db, "111111111111111111", now);
    expect(runStaffCommand(db, ["grant", "admin", "111111111111111111"], now)).toMatch(/is now an admin/);
    expect(loadStaff(db, user.id)).toMatchObject({ role: "admin", tdpIds: [] });
    expect(loadStaff(db, user.id)?.policies).toContain("role:grant");
  });

  it("makes a facilitator of named TDPs and lists them", () => {
    const { user } = findOrCreateUser(db, "222222222222222222", now);
    runStaffCommand(db, ["grant", "facilitator", "222222222222222222", "mau-1", "giai-phong"], now);
    expect(loadStaff(db, user.id)).toMatchObject({ role: "facilitator", tdpIds: ["giai-phong", "mau-1"] });
    expect(runStaffCommand(db, ["list"], now)).toBe("222222222222222222  facilitator  giai-phong, mau-1");
  });

  it("refuses an unknown TDP or an account that never opened Học Số, saying what to do", () => {
    findOrCreateUser(db, "333333333333333333", now);
    expect(() => runStaffCommand(db, ["grant", "facilitator", "333333333333333333", "khong-co"], now)).toThrow(
      /No such tổ dân phố: khong-co/,
    );
    expect(() => runStaffCommand(db, ["grant", "admin", "999999999999999999"], now)).toThrow(/must open Học Số once/);
    expect(() => runStaffCommand(db, ["promote"], now)).toThrow(UsageError);
    expect(runStaffCommand(db, ["list"], now)).toMatch(/No staff yet/);
  });

  it("takes a role away", () => {
    const { user } = findOrCreateUser(db, "444444444444444444", now);
    runStaffCommand(db, ["grant", "facilitator", "444444444444444444", "mau-2"], now);
    expect(runStaffCommand(db, ["revoke", "444444444444444444"], now)).toMatch(/Removed/);
    expect(loadStaff(db, user.id)).toBeUndefined();
    expect(db.prepare("SELECT count(*) AS n FROM staff_tdps").get()).toEqual({ n: 0 });
  });

  it("runs as a command with the database from DATABASE_PATH, exiting 2 with the usage on a wrong call", () => {
    findOrCreateUser(db, "555555555555555555", now);
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ["--import", "tsx", join(root, "bot-server/src/cli/staff.ts"), ...args], {
        cwd: root,
        encoding: "utf8",
        env: { ...process.env, DATABASE_PATH: path, LOG_LEVEL: "silent" },
      });
    const granted = run("grant", "admin", "555555555555555555");
    expect(granted.status).toBe(0);
    expect(granted.stdout).toContain("555555555555555555 is now an admin");
    const wrong = run("grant");
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain("pnpm staff grant admin <zalo-id>");
  });
});

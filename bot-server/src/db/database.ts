// Opens the SQLite file the way every process here uses it: WAL for concurrent readers,
// foreign keys enforced, and a busy timeout instead of an immediate SQLITE_BUSY.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";

export type Db = Database.Database;

export function openDatabase(path: string): Db {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  db.pragma("synchronous = NORMAL");
  return db;
}

/** A cheap query that fails if the file is gone or locked beyond the busy timeout. */
export function pingDatabase(db: Db): void {
  db.prepare("SELECT 1").get();
}

// Numbered SQL migrations (migrations/NNN-name.sql), applied in order, each in its own
// transaction together with its row in schema_migrations, so a crash never half-applies one.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Db } from "./database.ts";

const MIGRATIONS_DIR = join(import.meta.dirname, "migrations");
const FILE_PATTERN = /^(\d{3})-[a-z0-9-]+\.sql$/;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const migrations = readdirSync(dir)
    .filter((f) => f.endsWith(".sql"))
    .map((name) => {
      const match = FILE_PATTERN.exec(name);
      if (!match) throw new Error(`Migration file ${name} must be named NNN-some-name.sql`);
      return { version: Number(match[1]), name, sql: readFileSync(join(dir, name), "utf8") };
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migrations must be numbered 001, 002, … without gaps; found ${m.name}`);
  });
  return migrations;
}

/** Applies every migration not yet recorded; returns the versions it applied. */
export function migrate(db: Db, migrations = loadMigrations()): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const applied = new Set(
    (db.prepare("SELECT version FROM schema_migrations").all() as Array<{ version: number }>).map((r) => r.version),
  );
  const record = db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)");
  const done: number[] = [];
  for (const migration of migrations) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
    }).immediate();
    done.push(migration.version);
  }
  return done;
}

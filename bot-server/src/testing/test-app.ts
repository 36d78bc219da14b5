// Builds the real app for tests: a real SQLite file in a fresh temp folder, migrated and
// seeded from the ward file like main.ts does, a test clock, and a config made from an
// explicit environment (never the developer's own).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type express from "express";
import { createApp } from "../app.ts";
import { openDatabase, type Db } from "../db/database.ts";
import { setUpDatabase } from "../db/setup.ts";
import { loadEnv, type Config } from "../env.ts";
import { wardFile } from "../lib/content.ts";
import type { Logger } from "../lib/logger.ts";
import { TestClock } from "./test-clock.ts";

export interface TestApp {
  app: express.Express;
  db: Db;
  config: Config;
  clock: TestClock;
  /** the temp folder holding the database (and a mini app build if a test writes one) */
  dir: string;
  close(): void;
}

export interface TestAppOptions {
  /** extra environment, e.g. ZALO_SANDBOX_URL of a sandbox started by the test */
  env?: Record<string, string>;
  /** adjusts the parsed config, e.g. a tighter session rate limit */
  configure?: (config: Config) => Config;
  /** a clock made beforehand, e.g. one the Zalo sandbox also reads */
  clock?: TestClock;
  /** a logger the test reads (the default is silent) */
  logger?: Logger;
}

export function createTestApp(options: TestAppOptions = {}): TestApp {
  const dir = mkdtempSync(join(tmpdir(), "hocso-bot-"));
  const parsed = loadEnv({
    DATABASE_PATH: join(dir, "data", "hocso.sqlite"),
    MINI_APP_DIR: join(dir, "www"),
    LOG_LEVEL: "silent",
    ...options.env,
  });
  const config = options.configure ? options.configure(parsed) : parsed;
  const clock = options.clock ?? new TestClock();
  const db = openDatabase(config.databasePath);
  setUpDatabase(db, wardFile, clock.now());
  const app = createApp({ db, config, clock, ...(options.logger ? { logger: options.logger } : {}) });
  return {
    app,
    db,
    config,
    clock,
    dir,
    close() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// The ward's reminder times and quiet hours (ward_settings, one row): seeded once from the
// ward file, then changed by admins through PUT /api/v1/ward/settings. A restart never puts
// the file's values back over an admin's change.
import type { StoredWardSettings, WardSettings } from "@hocso/shared/reminders";
import type { Ward } from "@hocso/shared/ward";
import type { Db } from "./database.ts";

interface Row {
  day_before_at: string;
  hours_before: number;
  quiet_start: string;
  quiet_end: string;
  updated_at: string;
}

/** Stores the ward file's settings unless settings are stored already; true if it stored them. */
export function seedWardSettings(db: Db, ward: Pick<Ward, "reminders" | "quietHours">, now: Date): boolean {
  return (
    db
      .prepare(
        `INSERT INTO ward_settings (id, day_before_at, hours_before, quiet_start, quiet_end, updated_at)
         VALUES (1, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
      )
      .run(
        ward.reminders.dayBeforeAt,
        ward.reminders.hoursBefore,
        ward.quietHours.start,
        ward.quietHours.end,
        now.toISOString(),
      ).changes === 1
  );
}

export function findWardSettings(db: Db): StoredWardSettings | undefined {
  const row = db
    .prepare("SELECT day_before_at, hours_before, quiet_start, quiet_end, updated_at FROM ward_settings WHERE id = 1")
    .get() as Row | undefined;
  return (
    row && {
      reminders: { dayBeforeAt: row.day_before_at, hoursBefore: row.hours_before },
      quietHours: { start: row.quiet_start, end: row.quiet_end },
      updatedAt: row.updated_at,
    }
  );
}

/** The stored settings; setUpDatabase seeds them, so their absence is a broken database. */
export function loadWardSettings(db: Db): StoredWardSettings {
  const settings = findWardSettings(db);
  if (!settings) throw new Error("ward_settings is empty: the database was not set up from the ward file");
  return settings;
}

/** Replaces the settings (one row, so concurrent saves simply apply in turn). */
export function saveWardSettings(db: Db, settings: WardSettings, now: Date): StoredWardSettings {
  db.prepare(
    `INSERT INTO ward_settings (id, day_before_at, hours_before, quiet_start, quiet_end, updated_at)
     VALUES (1, @dayBeforeAt, @hoursBefore, @quietStart, @quietEnd, @at)
     ON CONFLICT (id) DO UPDATE SET day_before_at = excluded.day_before_at, hours_before = excluded.hours_before,
       quiet_start = excluded.quiet_start, quiet_end = excluded.quiet_end, updated_at = excluded.updated_at`,
  ).run({
    dayBeforeAt: settings.reminders.dayBeforeAt,
    hoursBefore: settings.reminders.hoursBefore,
    quietStart: settings.quietHours.start,
    quietEnd: settings.quietHours.end,
    at: now.toISOString(),
  });
  return loadWardSettings(db);
}

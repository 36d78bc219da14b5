// Brings a database to the current schema, the ward's current TDP list and its starting
// weekly classes and its reminder settings; run at every start.
import type { Ward } from "@hocso/shared/ward";
import type { Db } from "./database.ts";
import { migrate } from "./migrate.ts";
import { residentialGroupExists, upsertResidentialGroups } from "./residential-groups.ts";
import { seedWardSettings } from "./ward-settings.ts";
import { insertMissingWeeklyClasses } from "./weekly-classes.ts";

export function setUpDatabase(db: Db, ward: Ward, now: Date): { applied: number[]; classesAdded: string[] } {
  const applied = migrate(db);
  upsertResidentialGroups(db, ward.residentialGroups, now);
  checkClassTdps(db, ward);
  const classesAdded = insertMissingWeeklyClasses(db, ward.weeklyClasses, now);
  // Reminder times and quiet hours: the file's only until an admin changes them.
  seedWardSettings(db, ward, now);
  return { applied, classesAdded };
}

/** A class of a TDP we do not know would break the foreign key; say which one instead. */
function checkClassTdps(db: Db, ward: Ward): void {
  const strays = ward.weeklyClasses.filter((c) => !residentialGroupExists(db, c.tdpId));
  if (strays.length > 0) {
    const list = strays.map((c) => `"${c.id}" (tdpId "${c.tdpId}")`).join(", ");
    throw new Error(`content/ward.yaml: weekly classes name a TDP that residentialGroups does not list: ${list}`);
  }
}

// Brings a database to the current schema and the ward's current TDP list; run at every start.
import type { Ward } from "@hocso/shared/ward";
import type { Db } from "./database.ts";
import { migrate } from "./migrate.ts";
import { upsertResidentialGroups } from "./residential-groups.ts";

export function setUpDatabase(db: Db, ward: Ward, now: Date): { applied: number[] } {
  const applied = migrate(db);
  upsertResidentialGroups(db, ward.residentialGroups, now);
  return { applied };
}

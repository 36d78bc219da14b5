// Who the signed-in user is as staff: their role, the TDPs (tổ dân phố) they may act on and
// their named policies, for the mini app's facilitator screens. The policies and the scope
// come from lib/policies.ts; nothing here tests a role.
import { announcementChannelOf, type StaffMe } from "@hocso/shared/announcements";
import type { QuietHours } from "@hocso/shared/quiet-hours";
import type { Db } from "../../db/database.ts";
import { findWardSettings } from "../../db/ward-settings.ts";
import { AppError } from "../../lib/errors.ts";
import { allows, loadStaff } from "../../lib/policies.ts";
import { listTdpChannels } from "../../db/residential-groups.ts";

export interface StaffDeps {
  db: Db;
  /** the ward file's quiet hours, for a database whose settings were never stored */
  defaultQuietHours: QuietHours;
}

/** The staff profile; 403 for a learner (an account without a staff role). */
export function staffProfile({ db, defaultQuietHours }: StaffDeps, userId: number): StaffMe {
  const staff = loadStaff(db, userId);
  if (!staff) {
    throw new AppError("forbidden", "This account has no staff role: only facilitators and ward officers have one");
  }
  const tdps = listTdpChannels(db).filter((tdp) => staff.policies.some((policy) => allows(staff, policy, [tdp.id])));
  return {
    role: staff.role,
    tdps: tdps.map((tdp) => ({ id: tdp.id, name: tdp.name, channel: announcementChannelOf(tdp) })),
    policies: [...staff.policies],
    quietHours: findWardSettings(db)?.quietHours ?? defaultQuietHours,
  };
}

// "Bạn phụ trách …": the line under a staff screen's heading saying whose data it shows.
import type { StaffMe } from "@hocso/shared/announcements";
import { strings } from "../../app/strings.ts";

export function scopeText(staff: StaffMe): string {
  const t = strings.facilitator;
  if (staff.role === "admin") return t.scopeWard;
  if (staff.tdps.length === 1) return t.scopeOne(staff.tdps[0]!.name);
  return t.scopeMany(staff.tdps.length);
}

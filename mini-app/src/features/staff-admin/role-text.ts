// How the ward office's screens name a role and its TDPs (tổ dân phố) in words: "Người hướng
// dẫn", "của Tổ dân phố Giải Phóng", "Tài khoản số 12" for someone who gave no name.
import type { StaffRole } from "@hocso/shared/announcements";
import { strings } from "../../app/strings.ts";

export type TdpNames = ReadonlyMap<string, string>;

export function tdpNamesOf(tdps: ReadonlyArray<{ id: string; name: string }>): TdpNames {
  return new Map(tdps.map((tdp) => [tdp.id, tdp.name]));
}

/** "Tổ dân phố Giải Phóng, Tổ dân phố mẫu 1": names in the order given, an unknown id as it is. */
export function listTdps(ids: readonly string[], names: TdpNames): string {
  return ids.map((id) => names.get(id) ?? id).join(", ");
}

/** "người hướng dẫn của Tổ dân phố Giải Phóng", "cán bộ phường" */
export function roleAndScope(role: StaffRole, tdpIds: readonly string[], names: TdpNames): string {
  const t = strings.staffAdmin;
  if (role === "admin") return t.roleLower.admin;
  return t.roleOf(t.roleLower.facilitator, listTdps(tdpIds, names));
}

export function personName(member: { userId: number; displayName: string | null }): string {
  return member.displayName ?? strings.staffAdmin.account(member.userId);
}

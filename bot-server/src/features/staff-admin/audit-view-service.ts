// Reading the audit log (docs/API.md "Staff, invitations and the audit log"): newest first,
// a page at a time, each entry with its actor's display name when they gave one. Policy
// "audit:view" (the ward office).
import type { AuditPage } from "@hocso/shared/staff-admin";
import { selectAuditRows } from "../../db/audit-log.ts";
import type { Db } from "../../db/database.ts";
import { displayNamesOf } from "../../db/staff-invitations.ts";
import { authorize } from "../../lib/policies.ts";

/** 403 unless the caller may read the audit log. Asked before their input is read. */
export function auditReader({ db }: { db: Db }, userId: number): void {
  authorize(db, userId, "audit:view");
}

export function readAuditLog(
  deps: { db: Db },
  userId: number,
  query: { before?: number | undefined; limit: number },
): AuditPage {
  const { db } = deps;
  auditReader(deps, userId);
  // One more than asked: whether there is an older page.
  const rows = selectAuditRows(db, {
    limit: query.limit + 1,
    ...(query.before === undefined ? {} : { beforeId: query.before }),
  });
  const page = rows.slice(0, query.limit);
  const names = displayNamesOf(
    db,
    page.flatMap((r) => (r.actorId === null ? [] : [r.actorId])),
  );
  return {
    entries: page.map((r) => ({ ...r, actorName: r.actorId === null ? null : (names.get(r.actorId) ?? null) })),
    nextBefore: rows.length > query.limit ? page[page.length - 1]!.id : null,
  };
}

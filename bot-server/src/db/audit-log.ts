// The audit log as stored (migration 008): one row per privileged action. lib/audit.ts is
// what features call; this module only reads and writes rows.
import type { Db } from "./database.ts";

export type AuditActorRole = "admin" | "facilitator" | "operator";

export interface AuditRow {
  id: number;
  at: string;
  actorId: number | null;
  actorRole: AuditActorRole;
  action: string;
  tdpId: string | null;
  subject: string | null;
  details: Record<string, unknown>;
}

export function insertAuditRow(db: Db, row: Omit<AuditRow, "id">): number {
  const result = db
    .prepare(
      `INSERT INTO audit_log (at, actor_id, actor_role, action, tdp_id, subject, details)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(row.at, row.actorId, row.actorRole, row.action, row.tdpId, row.subject, JSON.stringify(row.details));
  return Number(result.lastInsertRowid);
}

/**
 * Newest first, `limit` rows with ids below `beforeId` (the previous page's last id). With
 * `tdpIds`, only entries about those TDPs (and none about the ward as a whole).
 */
export function selectAuditRows(
  db: Db,
  query: { limit: number; beforeId?: number; tdpIds?: readonly string[] },
): AuditRow[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (query.beforeId !== undefined) {
    where.push("id < ?");
    params.push(query.beforeId);
  }
  if (query.tdpIds) {
    where.push(`tdp_id IN (SELECT value FROM json_each(?))`);
    params.push(JSON.stringify(query.tdpIds));
  }
  const rows = db
    .prepare(
      `SELECT id, at, actor_id, actor_role, action, tdp_id, subject, details FROM audit_log
       ${where.length > 0 ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY id DESC LIMIT ?`,
    )
    .all(...params, query.limit) as Array<{
    id: number;
    at: string;
    actor_id: number | null;
    actor_role: AuditActorRole;
    action: string;
    tdp_id: string | null;
    subject: string | null;
    details: string;
  }>;
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actorId: r.actor_id,
    actorRole: r.actor_role,
    action: r.action,
    tdpId: r.tdp_id,
    subject: r.subject,
    details: JSON.parse(r.details) as Record<string, unknown>,
  }));
}

// GET /api/v1/audit?before=&limit=: a page of the audit log, newest first ("audit:view").
import { AuditPageSchema, type AuditPage } from "@hocso/shared/staff-admin";
import { apiRequest } from "../../../app/api-client.ts";

export function getAudit(token: string, before: number | null, limit = 30): Promise<AuditPage> {
  const query = new URLSearchParams({ limit: String(limit) });
  if (before !== null) query.set("before", String(before));
  return apiRequest({ method: "GET", path: `/audit?${query.toString()}`, token, schema: AuditPageSchema });
}

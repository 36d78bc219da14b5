// GET /api/v1/reports/dashboard?quarter=: the quarter's rows for the TDPs the staff member may
// see (and the ward's, for an admin); no quarter = the current one by the server's ward date.
import { ReportSchema, type Report } from "@hocso/shared/reports";
import { apiRequest } from "../../../app/api-client.ts";

export function getDashboard(token: string, quarter: string | null): Promise<Report> {
  const query = quarter === null ? "" : `?quarter=${encodeURIComponent(quarter)}`;
  return apiRequest({ method: "GET", path: `/reports/dashboard${query}`, token, schema: ReportSchema });
}

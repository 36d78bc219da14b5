// The ward dashboard and the quarterly report (docs/API.md "Reports", docs/REPORTS.md):
// GET /api/v1/reports/dashboard (report:view), GET /api/v1/reports/quarterly.csv and
// …/quarterly.xlsx (report:export). Every route needs a session; a learner gets 403 before
// the query is read. Staff data: never cached.
import { Router, type RequestHandler } from "express";
import { z } from "zod";
import { sessionUserId } from "../../lib/authenticate.ts";
import { onlyMethods } from "../../lib/http.ts";
import { parseInput } from "../../lib/validate.ts";
import { CONTENT_TYPES, exportQuarterlyReport, type ReportFormat } from "./report-export.ts";
import { dashboardReport, reportExporter, reportViewer, type ReportDeps } from "./report-service.ts";

/** the quarter is checked by the service, which names what is wrong with it */
const quarterParam = z.string().min(1).max(20).optional();
const DashboardQuerySchema = z.strictObject({
  /** "2026-Q4"; omitted: the current quarter (ward date) */
  quarter: quarterParam,
  /** TDP = tổ dân phố; omitted: every TDP in the caller's scope */
  tdpId: z.string().min(1).max(64).optional(),
});
const ExportQuerySchema = z.strictObject({ quarter: quarterParam });

const NO_STORE = { "Cache-Control": "private, no-store" };

export function reportRoutes(deps: ReportDeps & { requireSession: RequestHandler }): Router {
  const router = Router();

  router
    .route("/reports/dashboard")
    .get(deps.requireSession, (req, res) => {
      const userId = sessionUserId(res);
      reportViewer(deps, userId);
      const query = parseInput(DashboardQuerySchema, req.query);
      const report = dashboardReport(deps, userId, query);
      req.log.info({ userId, quarter: report.quarter, tdpId: query.tdpId, rows: report.rows.length }, "dashboard read");
      res.set(NO_STORE).json(report);
    })
    .all(onlyMethods("GET"));

  for (const format of ["csv", "xlsx"] as const satisfies readonly ReportFormat[]) {
    router
      .route(`/reports/quarterly.${format}`)
      .get(deps.requireSession, async (req, res) => {
        const userId = sessionUserId(res);
        reportExporter(deps, userId);
        const { quarter } = parseInput(ExportQuerySchema, req.query);
        const file = await exportQuarterlyReport(deps, userId, quarter, format);
        req.log.info({ userId, quarter: file.quarter, format, rows: file.rows }, "quarterly report exported");
        res
          .set({
            ...NO_STORE,
            "Content-Type": CONTENT_TYPES[format],
            "Content-Disposition": `attachment; filename="${file.filename}"`,
            // the mini app runs on Zalo's origin and reads the file name from this header
            "Access-Control-Expose-Headers": "Content-Disposition",
          })
          .send(file.body);
      })
      .all(onlyMethods("GET"));
  }

  return router;
}

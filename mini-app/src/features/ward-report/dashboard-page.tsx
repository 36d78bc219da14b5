// "/huong-dan/so-lieu", Số liệu phong trào: a quarter's figures against the plan's targets
// (docs/REPORTS.md). An admin sees the ward's headline first, then a card per TDP (tổ dân phố),
// the ward's learners by audience group and age band, and the quarterly report's download; a
// facilitator sees their own TDPs' cards and tables. The quarter picker offers the current
// quarter (the server's, by ward date) and the three before it.
import { useEffect, useState } from "react";
import type { StaffMe } from "@hocso/shared/announcements";
import { previousQuarter, WARD_SCOPE_ID, type Report, type ReportRow } from "@hocso/shared/reports";
import { AppPage } from "../../app/layout.tsx";
import { strings } from "../../app/strings.ts";
import { ChoiceGroup } from "../../components/choice-group.tsx";
import { FirstLoad, LoadFailed } from "../facilitator/load-failed.tsx";
import { STAFF_HOME_PATH } from "../facilitator/paths.ts";
import { scopeText } from "../facilitator/scope-text.ts";
import { StaffGate } from "../facilitator/staff-gate.tsx";
import { usePolled } from "../facilitator/use-polled.ts";
import { wardMoment } from "@hocso/shared/dates";
import { getDashboard } from "./api/get-dashboard.ts";
import { BreakdownTables } from "./breakdown-table.tsx";
import { dayMonthYear, quarterLabel } from "./format.ts";
import { ReportDownload } from "./report-download.tsx";
import { ScopeCard } from "./scope-card.tsx";
import "./ward-report.css";

/** how many quarters before the current one the picker offers */
export const EARLIER_QUARTERS = 3;

export function DashboardPage() {
  const t = strings.wardReport;
  return (
    <AppPage title={t.title} backTo={STAFF_HOME_PATH}>
      <h1>{t.heading}</h1>
      <StaffGate>{(staff) => <Dashboard staff={staff} />}</StaffGate>
    </AppPage>
  );
}

function Dashboard({ staff }: { staff: StaffMe }) {
  const t = strings.wardReport;
  /** null: the current quarter, whichever the server says it is */
  const [chosen, setChosen] = useState<string | null>(null);
  const [current, setCurrent] = useState<string | null>(null);
  const { data, problem, retry } = usePolled((token) => getDashboard(token, chosen), () => false, 0, [chosen]);
  useEffect(() => {
    if (data && chosen === null) setCurrent(data.quarter);
  }, [data, chosen]);

  const report = data && (chosen === null || data.quarter === chosen) ? data : null;
  const quarters = current === null ? [] : quarterOptions(current);
  return (
    <>
      <p className="lead">{scopeText(staff)}</p>
      {quarters.length > 0 && (
        <ChoiceGroup
          question={t.quarterQuestion}
          level={2}
          name="quarter"
          options={quarters}
          value={chosen ?? current}
          onChange={(q) => setChosen(q)}
        />
      )}
      {report ? (
        <>
          {problem && <LoadFailed reason={problem} onRetry={retry} variant="secondary" />}
          <Figures report={report} canExport={staff.policies.includes("report:export")} />
        </>
      ) : chosen !== null && !problem ? (
        <p role="status">{t.loadingQuarter(quarterLabel(chosen))}</p>
      ) : (
        <FirstLoad problem={problem} onRetry={retry} />
      )}
    </>
  );
}

function quarterOptions(current: string): Array<{ value: string; label: string }> {
  const options = [{ value: current, label: strings.wardReport.currentQuarter(quarterLabel(current)) }];
  let q = current;
  for (let i = 0; i < EARLIER_QUARTERS; i++) {
    q = previousQuarter(q);
    options.push({ value: q, label: quarterLabel(q) });
  }
  return options;
}

function Figures({ report, canExport }: { report: Report; canExport: boolean }) {
  const t = strings.wardReport;
  const allRows = report.rows.filter((r) => r.groupId === "tat-ca");
  const ward = allRows.find((r) => r.tdpId === WARD_SCOPE_ID);
  const tdps = allRows.filter((r) => r.tdpId !== WARD_SCOPE_ID);
  // the breakdown of the ward for an admin, of each TDP for a facilitator
  const breakdowns: ReportRow[] = ward ? [ward] : tdps;
  return (
    <>
      <p className="muted">
        {t.period(dayMonthYear(report.range.from), dayMonthYear(report.range.countedUntil))}{" "}
        {t.generatedAt(wardMoment(report.generatedAt))}
      </p>
      {tdps.length === 0 && <p className="note">{t.noTdps}</p>}
      {ward && <ScopeCard row={ward} report={report} headingId="scope-ward" />}
      {tdps.map((row, i) => (
        <ScopeCard key={String(row.tdpId)} row={row} report={report} headingId={`scope-${i}`} />
      ))}
      {breakdowns.length > 0 && (
        <section aria-labelledby="breakdown-heading">
          <h2 id="breakdown-heading">{t.breakdownHeading}</h2>
          {breakdowns.map((scope) => (
            <BreakdownTables
              key={String(scope.tdpId)}
              scopeName={String(scope.tdpName)}
              rows={report.rows.filter((r) => r.tdpId === scope.tdpId)}
            />
          ))}
          <p className="muted">{t.smallCounts}</p>
        </section>
      )}
      <p className="note">{t.proxyNote}</p>
      {canExport && <ReportDownload quarter={report.quarter} />}
    </>
  );
}

// One scope's learners by audience group and by age band: two real tables (a caption, column
// headers and row headers with their scope), scrolling sideways inside their own box when the
// phone is narrower than the table.
import { AGE_BAND_LABELS, AUDIENCE_LABELS, type ReportRow } from "@hocso/shared/reports";
import { strings } from "../../app/strings.ts";
import { formatCell } from "./format.ts";

const FIGURES = ["registeredLearners", "lessonsCompleted", "modulesMastered", "certified"] as const;

export function BreakdownTables({ rows, scopeName }: { rows: readonly ReportRow[]; scopeName: string }) {
  const t = strings.wardReport;
  return (
    <>
      <GroupTable caption={t.byAudience(scopeName)} rows={rows.filter((r) => String(r.groupId) in AUDIENCE_LABELS)} />
      <GroupTable caption={t.byAge(scopeName)} rows={rows.filter((r) => String(r.groupId) in AGE_BAND_LABELS)} />
      <p className="muted">{t.table.legend}</p>
    </>
  );
}

function GroupTable({ caption, rows }: { caption: string; rows: readonly ReportRow[] }) {
  const t = strings.wardReport.table;
  const headers = {
    registeredLearners: t.registered,
    lessonsCompleted: t.lessons,
    modulesMastered: t.modules,
    certified: t.certified,
  };
  return (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="report-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.group}</th>
            {FIGURES.map((id) => (
              <th key={id} scope="col">
                {headers[id]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={String(row.groupId)}>
              <th scope="row">{String(row.groupName)}</th>
              {FIGURES.map((id) => (
                <td key={id}>{formatCell(row[id], "count")}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// One scope's "Tất cả" row as a card: the TDP's (or the ward's) name, the plan's targets as
// bars with their numbers written out, then the key numbers under the same headers as the
// quarterly report's columns, so what the screen says is what the file says.
import type { ColumnId, Report, ReportRow } from "@hocso/shared/reports";
import { strings } from "../../app/strings.ts";
import { formatCell, formatCount, formatShare } from "./format.ts";
import { TargetBar } from "./target-bar.tsx";

/** the columns the card lists, in this order, under their report headers */
const KEY_COLUMNS: readonly ColumnId[] = [
  "registeredLearners",
  "newLearners",
  "lessonsCompleted",
  "learnersCompletedLesson",
  "modulesMastered",
  "certified",
  "meetingsScheduled",
  "meetingsHeld",
  "attendance",
  "averageAttendance",
  "classroomQuestions",
  "classroomRightShare",
];

const num = (row: ReportRow, id: ColumnId): number => (typeof row[id] === "number" ? (row[id] as number) : 0);

export function ScopeCard({ row, report, headingId }: { row: ReportRow; report: Report; headingId: string }) {
  return (
    <section className="card report-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{String(row.tdpName)}</h2>
      <Targets row={row} report={report} />
      <dl className="report-numbers">
        {KEY_COLUMNS.map((id) => {
          const column = report.columns.find((c) => c.id === id);
          if (!column) return null;
          return (
            <div key={id}>
              <dt>{column.header}</dt>
              <dd>{formatCell(row[id], column.kind)}</dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}

/** The three targets of the plan the row can be held against. */
function Targets({ row, report }: { row: ReportRow; report: Report }) {
  const t = strings.wardReport;
  const population = num(row, "adultPopulation");
  const target = report.targets.certifiedAdultsShare;
  const held = num(row, "meetingsHeld");
  const meetingsTarget = num(row, "meetingsTarget");
  const missing = num(row, "certifiedAdultsMissing");
  return (
    <div className="report-targets">
      {population > 0 ? (
        <>
          <TargetBar
            text={t.certified(
              formatCount(num(row, "certifiedAdults")),
              formatCount(population),
              formatShare(num(row, "certifiedAdultsShare")),
              formatShare(target),
            )}
            value={num(row, "certifiedAdultsShare")}
            target={target}
          />
          <p className="target-note">{missing > 0 ? t.certifiedMissing(formatCount(missing)) : t.certifiedReached}</p>
          <TargetBar
            text={t.registered(
              formatCount(num(row, "registeredAdults")),
              formatCount(population),
              formatShare(num(row, "registeredAdultsShare")),
            )}
            value={num(row, "registeredAdultsShare")}
          />
        </>
      ) : (
        <p className="note">{t.noPopulation}</p>
      )}
      {meetingsTarget > 0 ? (
        <TargetBar text={t.meetings(formatCount(held), formatCount(meetingsTarget))} value={held / meetingsTarget} />
      ) : (
        <p>{t.meetingsNoTarget(formatCount(held))}</p>
      )}
    </div>
  );
}

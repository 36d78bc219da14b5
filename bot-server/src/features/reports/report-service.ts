// The ward dashboard and the quarterly report (docs/REPORTS.md): one quarter's figures per
// TDP (tổ dân phố) and for the ward, by audience group and age band, against the plan's
// targets. A facilitator sees their own TDPs and no ward total; only an admin exports. The
// rows come from shared/src/reports.ts, so the screen and the files carry the same numbers.
import { occurrencesBetween } from "@hocso/shared/classes";
import type { Lesson } from "@hocso/shared/content";
import { wardDate } from "@hocso/shared/dates";
import {
  buildReportRows,
  currentQuarter,
  masteredModules,
  QuarterSchema,
  quarterRange,
  REPORT_COLUMNS,
  weeksElapsed,
  type LearnerCell,
  type QuarterRange,
  type Report,
  type TdpFacts,
} from "@hocso/shared/reports";
import type { Ward } from "@hocso/shared/ward";
import type { Db } from "../../db/database.ts";
import {
  countClassroomAnswers,
  countHeldMeetings,
  countLearnerGroups,
  listFinishedLessons,
  listTdpPopulations,
  type CountWindow,
  type FinishedLesson,
} from "../../db/report-counts.ts";
import { listWeeklyClassesOfTdps } from "../../db/weekly-classes.ts";
import type { Clock } from "../../lib/clock.ts";
import { AppError } from "../../lib/errors.ts";
import { authorize, scopeOf, type Staff } from "../../lib/policies.ts";

export interface ReportDeps {
  db: Db;
  clock: Clock;
  /** the ward file: its name (for file names) and the plan's targets */
  ward: Pick<Ward, "name" | "targets">;
  /** the course in teaching order; a module is the lessons sharing its `module` */
  lessons: ReadonlyArray<Pick<Lesson, "id" | "module">>;
}

/** 403 unless the user may read reports for some TDP: asked before their input is read. */
export function reportViewer(deps: ReportDeps, userId: number): Staff {
  return authorize(deps.db, userId, "report:view");
}

/** 403 unless the user may download the quarterly report (admins). */
export function reportExporter(deps: ReportDeps, userId: number): Staff {
  return authorize(deps.db, userId, "report:export");
}

/**
 * The quarter asked for (the current one when none is), or 400 naming what is wrong with it:
 * not a quarter, or one that has not started yet.
 */
export function reportQuarter(now: Date, requested: string | undefined): QuarterRange {
  const current = currentQuarter(now);
  if (requested === undefined) return quarterRange(current);
  if (!QuarterSchema.safeParse(requested).success) {
    throw AppError.field("quarter", `"${requested}" is not a quarter; write it as YYYY-Qn, e.g. "${current}"`);
  }
  const range = quarterRange(requested);
  if (range.from > wardDate(now)) {
    throw AppError.field("quarter", `${requested} has not started yet; the current quarter is ${current}`);
  }
  return range;
}

/**
 * GET /api/v1/reports/dashboard: an admin gets every TDP and the ward's rows; a facilitator
 * their own TDPs and no ward total. With `tdpId`, that TDP only (403 outside the caller's
 * scope, 400 for a TDP the ward does not have).
 */
export function dashboardReport(
  deps: ReportDeps,
  userId: number,
  query: { quarter?: string; tdpId?: string },
): Report {
  const staff = reportViewer(deps, userId);
  const range = reportQuarter(deps.clock.now(), query.quarter);
  const tdps = listTdpPopulations(deps.db);
  if (query.tdpId !== undefined) {
    authorize(deps.db, userId, "report:view", [query.tdpId]);
    if (!tdps.some((t) => t.id === query.tdpId)) {
      throw AppError.field("tdpId", `no tổ dân phố "${query.tdpId}"; pick one from GET /api/v1/config`);
    }
  }
  const scope = new Set(query.tdpId !== undefined ? [query.tdpId] : scopeOf(staff, "report:view", tdps.map((t) => t.id)));
  const wardTotal = query.tdpId === undefined && staff.role === "admin";
  return buildReport(deps, range, tdps.filter((t) => scope.has(t.id)), wardTotal);
}

/** The quarterly report as the files carry it: every TDP and the ward. Check report:export first. */
export function quarterlyReport(deps: ReportDeps, quarter: string | undefined): Report {
  const range = reportQuarter(deps.clock.now(), quarter);
  return buildReport(deps, range, listTdpPopulations(deps.db), true);
}

type TdpPopulation = ReturnType<typeof listTdpPopulations>[number];

/** The report of `tdps` (in ward order), with the ward's rows when `wardTotal`. */
function buildReport(deps: ReportDeps, range: QuarterRange, tdps: TdpPopulation[], wardTotal: boolean): Report {
  const now = deps.clock.now();
  const today = wardDate(now);
  const countedUntil = today < range.to ? today : range.to;
  const window: CountWindow = {
    startIso: range.startsAt.toISOString(),
    endIso: range.endsAt.toISOString(),
    from: range.from,
    to: range.to,
  };
  const certifiedAdultsTarget = deps.ward.targets.certifiedAdultsPercent / 100;
  const rows = buildReportRows({
    quarter: range.quarter,
    weeksElapsed: weeksElapsed(range, today),
    certifiedAdultsTarget,
    tdps: tdpFacts(deps, window, tdps, { countedUntil, now, endsAt: range.endsAt }),
    // without the ward total, only the scope's learners are needed: a facilitator's dashboard
    // does not count the whole ward
    learners: learnerCells(deps, wardTotal ? window : { ...window, tdpIds: tdps.map((t) => t.id) }),
    wardTotal,
  });
  return {
    quarter: range.quarter,
    range: { from: range.from, to: range.to, countedUntil },
    generatedAt: now.toISOString(),
    columns: [...REPORT_COLUMNS],
    rows,
    targets: { certifiedAdultsShare: certifiedAdultsTarget, registeredAdultsShare: 1, meetingsPerTdpPerWeek: 1 },
  };
}

/** Population, schedule, meetings and classroom answers of each TDP in scope, in ward order. */
function tdpFacts(
  deps: ReportDeps,
  window: CountWindow,
  tdps: readonly TdpPopulation[],
  until: { countedUntil: string; now: Date; endsAt: Date },
): TdpFacts[] {
  const held = new Map(countHeldMeetings(deps.db, window).map((m) => [m.tdpId, m]));
  const classroom = new Map(countClassroomAnswers(deps.db, window).map((c) => [c.tdpId, c]));
  // a meeting is due once it has started, and only within the quarter
  const cutoff = Math.min(until.now.getTime(), until.endsAt.getTime());
  const scheduled = new Map<string, number>();
  for (const cls of listWeeklyClassesOfTdps(deps.db, tdps.map((t) => t.id))) {
    const due = occurrencesBetween(cls, window.from, until.countedUntil).filter((o) => o.startsAt.getTime() <= cutoff);
    scheduled.set(cls.tdpId, (scheduled.get(cls.tdpId) ?? 0) + due.length);
  }
  return tdps.map((t) => ({
    tdpId: t.id,
    tdpName: t.name,
    adultPopulation: t.adultPopulation,
    meetingsScheduled: scheduled.get(t.id) ?? 0,
    meetingsHeld: held.get(t.id)?.meetingsHeld ?? 0,
    checkIns: held.get(t.id)?.checkIns ?? 0,
    guests: held.get(t.id)?.guests ?? 0,
    classroomQuestions: classroom.get(t.id)?.questions ?? 0,
    classroomPresent: classroom.get(t.id)?.present ?? 0,
    classroomRight: classroom.get(t.id)?.answeredRight ?? 0,
  }));
}

const cellKey = (c: { tdpId: string; audience: string | null; ageBand: string | null }) =>
  `${c.tdpId}|${c.audience ?? ""}|${c.ageBand ?? ""}`;

/** The learner counts per (TDP, audience, age band), with the modules each group mastered. */
function learnerCells(deps: ReportDeps, window: CountWindow): LearnerCell[] {
  const modules = modulesOf(deps.lessons);
  const mastered = new Map<string, number>();
  for (const lessons of byLearner(listFinishedLessons(deps.db, window))) {
    const key = cellKey(lessons[0]!);
    mastered.set(key, (mastered.get(key) ?? 0) + masteredModules(lessons, modules));
  }
  return countLearnerGroups(deps.db, window).map((g) => ({ ...g, modulesMastered: mastered.get(cellKey(g)) ?? 0 }));
}

/** Rows ordered by learner, as groups of one learner's lessons. */
function byLearner(rows: readonly FinishedLesson[]): FinishedLesson[][] {
  const groups: FinishedLesson[][] = [];
  for (const row of rows) {
    const last = groups[groups.length - 1];
    if (last && last[0]!.userId === row.userId) last.push(row);
    else groups.push([row]);
  }
  return groups;
}

function modulesOf(lessons: ReportDeps["lessons"]): Array<{ lessonIds: string[] }> {
  const modules = new Map<string, string[]>();
  for (const lesson of lessons) modules.set(lesson.module, [...(modules.get(lesson.module) ?? []), lesson.id]);
  return [...modules.values()].map((lessonIds) => ({ lessonIds }));
}

// The ward's quarterly report of the movement (docs/REPORTS.md): quarters in ward time, the
// one fixed column list that the dashboard, the CSV, the XLSX and the docs all use, the rows
// built from aggregate counts (no learner is ever named), and what keeps a CSV cell from
// being read as a spreadsheet formula. Ratios are numbers from 0 to 1 (0.7 = 70%), never
// strings with "%", so a file's figures are the screen's figures.
import { z } from "zod";
import { addDays, IsoDateSchema, WARD_UTC_OFFSET_MINUTES, wardDate, wardInstant } from "./dates.ts";
import type { AgeBand, Audience } from "./learner.ts";
import { isMastered } from "./review.ts";

// ---- Quarters ----

/** "2026-Q4": the fourth quarter of 2026, 01/10–31/12 in ward time. */
export const QuarterSchema = z.string().regex(/^\d{4}-Q[1-4]$/, 'a quarter as YYYY-Qn, e.g. "2026-Q4"');

export interface QuarterRange {
  quarter: string;
  /** first ward date of the quarter */
  from: string;
  /** last ward date of the quarter */
  to: string;
  /** the instant the quarter starts (00:00 ward time on `from`) */
  startsAt: Date;
  /** the instant it ends (00:00 ward time the day after `to`), exclusive */
  endsAt: Date;
}

/** The dates and instants of a quarter; throws on a string QuarterSchema refuses. */
export function quarterRange(quarter: string): QuarterRange {
  if (!QuarterSchema.safeParse(quarter).success) throw new Error(`not a quarter: ${quarter}`);
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(6));
  const from = `${year}-${String(q * 3 - 2).padStart(2, "0")}-01`;
  const next = q === 4 ? `${year + 1}-01-01` : `${year}-${String(q * 3 + 1).padStart(2, "0")}-01`;
  return {
    quarter,
    from,
    to: addDays(next, -1),
    startsAt: wardInstant(from, "00:00"),
    endsAt: wardInstant(next, "00:00"),
  };
}

/** The quarter a ward date (YYYY-MM-DD) falls in. */
export function quarterOf(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The quarter before: "2026-Q1" → "2025-Q4". */
export function previousQuarter(quarter: string): string {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(6));
  return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
}

/** The quarter now is in, by ward date. */
export function currentQuarter(now: Date): string {
  return quarterOf(wardDate(now));
}

/**
 * Whole weeks from the quarter's first day to its last day, or to `today` while the quarter
 * runs (both days counted): the plan's target is one class a week in every TDP.
 */
export function weeksElapsed(range: Pick<QuarterRange, "from" | "to">, today: string): number {
  const until = today < range.to ? today : range.to;
  if (until < range.from) return 0;
  const days = (Date.parse(`${until}T00:00:00Z`) - Date.parse(`${range.from}T00:00:00Z`)) / 86_400_000 + 1;
  return Math.floor(days / 7);
}

// ---- The columns ----

export const COLUMN_IDS = [
  "quarter",
  "tdpId",
  "tdpName",
  "groupId",
  "groupName",
  "registeredLearners",
  "registeredAdults",
  "newLearners",
  "lessonsCompleted",
  "learnersCompletedLesson",
  "modulesMastered",
  "certified",
  "certifiedAdults",
  "adultPopulation",
  "certifiedAdultsShare",
  "certifiedAdultsTarget",
  "certifiedAdultsMissing",
  "registeredAdultsShare",
  "weeksElapsed",
  "meetingsTarget",
  "meetingsScheduled",
  "meetingsHeld",
  "meetingsHeldShare",
  "checkIns",
  "guests",
  "attendance",
  "averageAttendance",
  "classroomQuestions",
  "classroomRightShare",
] as const;
export const ColumnIdSchema = z.enum(COLUMN_IDS);
export type ColumnId = z.infer<typeof ColumnIdSchema>;

/** text; a whole number; a ratio 0–1 (shown as a percentage); a mean with 2 decimals */
export const ColumnKindSchema = z.enum(["text", "count", "ratio", "mean"]);
export type ColumnKind = z.infer<typeof ColumnKindSchema>;

/** Which rows carry a value: every row, or only the "Tất cả" row of each TDP and of the ward. */
export const ColumnRowsSchema = z.enum(["every-row", "all-row-only"]);

export const ReportColumnSchema = z.object({
  id: ColumnIdSchema,
  /** the Vietnamese header of the CSV and the XLSX */
  header: z.string(),
  kind: ColumnKindSchema,
  /** the unit in words: "người", "lượt", "tỷ lệ 0–1"… */
  unit: z.string(),
  /** what the number counts, exactly (Vietnamese; the XLSX's "Giải thích cột" sheet) */
  definition: z.string(),
  rows: ColumnRowsSchema,
});
export type ReportColumn = z.infer<typeof ReportColumnSchema>;

type ColumnSpec = Omit<ReportColumn, "id">;
const ALL_ROW = "Chỉ có ở dòng \u201cTất cả\u201d của mỗi tổ và của toàn phường.";
const text = (header: string, definition: string): ColumnSpec => ({
  header,
  kind: "text",
  unit: "chữ",
  definition,
  rows: "every-row",
});
const count = (
  header: string,
  unit: string,
  definition: string,
  rows: ReportColumn["rows"] = "every-row",
): ColumnSpec => ({ header, kind: "count", unit, definition, rows });
const ratio = (header: string, definition: string): ColumnSpec => ({
  header,
  kind: "ratio",
  unit: "tỷ lệ 0–1",
  definition: `${definition} Số thập phân, 0,7 là 70%, làm tròn 4 chữ số; để trống khi mẫu số bằng 0. ${ALL_ROW}`,
  rows: "all-row-only",
});
const SPECS: Record<ColumnId, ColumnSpec> = {
  quarter: text("Quý", "Quý báo cáo, dạng NĂM-Qn: 2026-Q4 là từ 01/10 đến 31/12/2026, theo giờ Việt Nam."),
  tdpId: text("Mã tổ dân phố", "Mã của tổ dân phố trong danh sách của phường; \u201ctoan-phuong\u201d ở các dòng cộng cả phường."),
  tdpName: text("Tổ dân phố", "Tên tổ dân phố; \u201cToàn phường\u201d ở các dòng cộng cả phường."),
  groupId: text(
    "Mã nhóm",
    "tat-ca (mọi người học); nhóm đối tượng: nguoi-dan, cbccvc, hoc-sinh, nld-doanh-nghiep; nhóm tuổi: duoi-16, 16-59, 60-tro-len.",
  ),
  groupName: text("Nhóm", "Tên nhóm của dòng: Tất cả, một nhóm đối tượng hoặc một nhóm tuổi."),
  registeredLearners: count(
    "Người học đã đăng ký",
    "người",
    "Số tài khoản người học của tổ (và của nhóm ở dòng này) được tạo trước khi hết quý. Cộng dồn từ đầu.",
  ),
  registeredAdults: count(
    "Người học trưởng thành (16+)",
    "người",
    "Trong số người học đã đăng ký, người ở nhóm tuổi 16–59 hoặc từ 60 trở lên.",
  ),
  newLearners: count("Đăng ký mới trong quý", "người", "Số tài khoản người học được tạo trong quý."),
  lessonsCompleted: count(
    "Lượt hoàn thành bài học trong quý",
    "lượt",
    "Số cặp (người học, bài học) mà lần đầu làm xong bài (xong câu hỏi cuối bài) rơi vào quý, theo giờ trên điện thoại.",
  ),
  learnersCompletedLesson: count(
    "Người học đã xong ít nhất 1 bài",
    "người",
    "Số người học đã làm xong ít nhất một bài trước khi hết quý. Cộng dồn từ đầu.",
  ),
  modulesMastered: count(
    "Lượt thành thạo học phần",
    "lượt",
    "Số cặp (người học, học phần) mà mọi bài của học phần đã làm xong trước khi hết quý, mỗi bài có lần làm tốt nhất đúng từ 80% số câu. Cộng dồn từ đầu.",
  ),
  certified: count(
    "Tự báo đã có xác nhận trên VNeID",
    "người",
    "Số người học tự ghi ngày được xác nhận đạt phổ cập trên binhdanhocvuso.gov.vn (đăng nhập VNeID), ngày đó không sau ngày cuối quý. Cộng dồn. Là số người học tự báo, không phải số chính thức của nền tảng.",
  ),
  certifiedAdults: count(
    "Người trưởng thành tự báo đã xác nhận",
    "người",
    "Trong số người tự báo đã có xác nhận, người ở nhóm tuổi 16–59 hoặc từ 60 trở lên.",
  ),
  adultPopulation: count(
    "Dân số trưởng thành",
    "người",
    `Số người trưởng thành của tổ theo danh sách của phường; toàn phường là tổng các tổ. ${ALL_ROW}`,
    "all-row-only",
  ),
  certifiedAdultsShare: ratio(
    "Tỷ lệ người trưởng thành đã xác nhận",
    "Người trưởng thành tự báo đã xác nhận chia cho Dân số trưởng thành.",
  ),
  certifiedAdultsTarget: {
    header: "Chỉ tiêu tỷ lệ xác nhận",
    kind: "ratio",
    unit: "tỷ lệ 0–1",
    definition: `Chỉ tiêu 4 của Kế hoạch 2026 của phường: tỷ lệ người trưởng thành được xác nhận đạt phổ cập trên nền tảng (0,7 = 70%). ${ALL_ROW}`,
    rows: "all-row-only",
  },
  certifiedAdultsMissing: count(
    "Còn thiếu để đạt chỉ tiêu",
    "người",
    `Số người trưởng thành cần tự báo thêm để đạt chỉ tiêu: chỉ tiêu nhân Dân số trưởng thành, làm tròn lên, trừ số đã xác nhận; không nhỏ hơn 0. ${ALL_ROW}`,
    "all-row-only",
  ),
  registeredAdultsShare: ratio(
    "Tỷ lệ người trưởng thành đã đăng ký",
    "Người học trưởng thành (16+) chia cho Dân số trưởng thành (mục tiêu 3 của Kế hoạch: 100% người trưởng thành).",
  ),
  weeksElapsed: count(
    "Số tuần đã qua trong quý",
    "tuần",
    `Số tuần trọn vẹn từ ngày đầu quý đến ngày cuối quý, hoặc đến hôm lập báo cáo nếu quý chưa hết (số ngày chia 7, làm tròn xuống). ${ALL_ROW}`,
    "all-row-only",
  ),
  meetingsTarget: count(
    "Chỉ tiêu số buổi học",
    "buổi",
    `Kế hoạch: mỗi tổ dân phố học 1 buổi mỗi tuần. Bằng Số tuần đã qua nhân số tổ của dòng (1 cho một tổ, mọi tổ cho toàn phường). ${ALL_ROW}`,
    "all-row-only",
  ),
  meetingsScheduled: count(
    "Buổi học theo lịch",
    "buổi",
    `Số buổi của các lớp hằng tuần của tổ có ngày trong quý và giờ bắt đầu đã đến lúc lập báo cáo, trừ những ngày đã báo nghỉ. ${ALL_ROW}`,
    "all-row-only",
  ),
  meetingsHeld: count(
    "Buổi học đã tổ chức",
    "buổi",
    `Số buổi học của tổ được ghi là đã học (có người điểm danh hoặc có số khách), ghi lần đầu trong quý. ${ALL_ROW}`,
    "all-row-only",
  ),
  meetingsHeldShare: ratio("Tỷ lệ buổi đã tổ chức so với chỉ tiêu", "Buổi học đã tổ chức chia cho Chỉ tiêu số buổi học; có thể lớn hơn 1."),
  checkIns: count(
    "Lượt điểm danh",
    "lượt",
    `Số lượt người học được ghi có mặt (quét mã QR hoặc người hướng dẫn đánh dấu) ở các buổi đã tổ chức trong quý. ${ALL_ROW}`,
    "all-row-only",
  ),
  guests: count(
    "Lượt khách không dùng ứng dụng",
    "lượt",
    `Tổng số người có mặt không dùng ứng dụng mà người hướng dẫn ghi ở các buổi đã tổ chức trong quý (chỉ là số, không tên). ${ALL_ROW}`,
    "all-row-only",
  ),
  attendance: count("Tổng lượt tham dự", "lượt", `Lượt điểm danh cộng lượt khách. ${ALL_ROW}`, "all-row-only"),
  averageAttendance: {
    header: "Bình quân người dự mỗi buổi",
    kind: "mean",
    unit: "người/buổi",
    definition: `Tổng lượt tham dự chia cho Buổi học đã tổ chức, làm tròn 2 chữ số; để trống khi chưa có buổi nào. ${ALL_ROW}`,
    rows: "all-row-only",
  },
  classroomQuestions: count(
    "Câu hỏi trên lớp",
    "câu",
    `Số câu hỏi được hỏi cả lớp ở chế độ lớp học, ngày học trong quý (mỗi câu một lần mỗi ngày). ${ALL_ROW}`,
    "all-row-only",
  ),
  classroomRightShare: ratio(
    "Tỷ lệ trả lời đúng trên lớp",
    "Tổng số người trả lời đúng chia cho tổng số người có mặt khi hỏi, qua các câu hỏi trên lớp.",
  ),
};

/** The report's columns, in their fixed order (docs/REPORTS.md describes each). */
export const REPORT_COLUMNS: readonly ReportColumn[] = COLUMN_IDS.map((id) => ({ id, ...SPECS[id] }));

// ---- The rows ----

export const WARD_SCOPE_ID = "toan-phuong";
export const WARD_SCOPE_NAME = "Toàn phường";

export const AUDIENCE_LABELS: Record<Audience, string> = {
  "nguoi-dan": "Người dân",
  cbccvc: "Cán bộ, công chức, viên chức",
  "hoc-sinh": "Học sinh",
  "nld-doanh-nghiep": "Người lao động doanh nghiệp",
};
export const AGE_BAND_LABELS: Record<AgeBand, string> = {
  "duoi-16": "Dưới 16 tuổi",
  "16-59": "16–59 tuổi",
  "60-tro-len": "Từ 60 tuổi trở lên",
};
export const ALL_GROUP_ID = "tat-ca";
export const ALL_GROUP_NAME = "Tất cả";

/** The breakdown of each scope, in row order: everyone, each audience group, each age band. */
export const REPORT_GROUPS: ReadonlyArray<{ id: string; name: string; audience?: Audience; ageBand?: AgeBand }> = [
  { id: ALL_GROUP_ID, name: ALL_GROUP_NAME },
  ...(Object.keys(AUDIENCE_LABELS) as Audience[]).map((audience) => ({
    id: audience,
    name: AUDIENCE_LABELS[audience],
    audience,
  })),
  ...(Object.keys(AGE_BAND_LABELS) as AgeBand[]).map((ageBand) => ({
    id: ageBand,
    name: AGE_BAND_LABELS[ageBand],
    ageBand,
  })),
];

export const ReportCellSchema = z.union([z.string(), z.number(), z.null()]);
export type ReportCell = z.infer<typeof ReportCellSchema>;
/** One row: a value (or null = empty) for every column id. */
export const ReportRowSchema = z.record(ColumnIdSchema, ReportCellSchema);
export type ReportRow = Record<ColumnId, ReportCell>;

/** What the database knows about the learners of one TDP with one audience and age band. */
export interface LearnerCell {
  tdpId: string;
  audience: Audience | null;
  ageBand: AgeBand | null;
  registeredLearners: number;
  newLearners: number;
  lessonsCompleted: number;
  learnersCompletedLesson: number;
  modulesMastered: number;
  certified: number;
}

/** One TDP's population and classes in the quarter. */
export interface TdpFacts {
  tdpId: string;
  tdpName: string;
  adultPopulation: number;
  meetingsScheduled: number;
  meetingsHeld: number;
  checkIns: number;
  guests: number;
  classroomQuestions: number;
  /** people present, summed over the classroom questions */
  classroomPresent: number;
  classroomRight: number;
}

export interface ReportInput {
  quarter: string;
  weeksElapsed: number;
  /** the share of adults to be certified, 0–1 (ward.yaml targets.certifiedAdultsPercent / 100) */
  certifiedAdultsTarget: number;
  /** the TDPs to report, in order */
  tdps: readonly TdpFacts[];
  /** cells of those TDPs (cells of other TDPs are left out) */
  learners: readonly LearnerCell[];
  /** add the ward's rows (every TDP given summed) after the TDPs' */
  wardTotal: boolean;
}

const isAdult = (ageBand: AgeBand | null) => ageBand === "16-59" || ageBand === "60-tro-len";

/** a / b rounded to `places` decimals; null when b is 0 */
function share(a: number, b: number, places = 4): number | null {
  if (b === 0) return null;
  const f = 10 ** places;
  return Math.round((a / b) * f) / f;
}

function sum<T>(items: readonly T[], value: (item: T) => number): number {
  return items.reduce((total, item) => total + value(item), 0);
}

/** 8 rows per scope (Tất cả, 4 audience groups, 3 age bands) for each TDP, then the ward's. */
export function buildReportRows(input: ReportInput): ReportRow[] {
  const scopes = input.tdps.map((t) => ({
    facts: t,
    tdpCount: 1,
    cells: input.learners.filter((c) => c.tdpId === t.tdpId),
  }));
  if (input.wardTotal) {
    const ids = new Set(input.tdps.map((t) => t.tdpId));
    scopes.push({
      facts: wardFacts(input.tdps),
      tdpCount: input.tdps.length,
      cells: input.learners.filter((c) => ids.has(c.tdpId)),
    });
  }
  return scopes.flatMap(({ facts, tdpCount, cells }) =>
    REPORT_GROUPS.map((group) => {
      const mine = cells.filter(
        (c) =>
          (group.audience === undefined || c.audience === group.audience) &&
          (group.ageBand === undefined || c.ageBand === group.ageBand),
      );
      const learners = learnerValues(input.quarter, facts, group, mine);
      return group.id === ALL_GROUP_ID ? { ...learners, ...scopeValues(input, facts, tdpCount, learners) } : learners;
    }),
  );
}

function wardFacts(tdps: readonly TdpFacts[]): TdpFacts {
  const total = (key: Exclude<keyof TdpFacts, "tdpId" | "tdpName">) => sum(tdps, (t) => t[key]);
  return {
    tdpId: WARD_SCOPE_ID,
    tdpName: WARD_SCOPE_NAME,
    adultPopulation: total("adultPopulation"),
    meetingsScheduled: total("meetingsScheduled"),
    meetingsHeld: total("meetingsHeld"),
    checkIns: total("checkIns"),
    guests: total("guests"),
    classroomQuestions: total("classroomQuestions"),
    classroomPresent: total("classroomPresent"),
    classroomRight: total("classroomRight"),
  };
}

/** A row with the learner counts filled and every all-row-only column empty. */
function learnerValues(
  quarter: string,
  facts: TdpFacts,
  group: { id: string; name: string },
  cells: readonly LearnerCell[],
): ReportRow {
  const adults = cells.filter((c) => isAdult(c.ageBand));
  const row = Object.fromEntries(COLUMN_IDS.map((id) => [id, null])) as ReportRow;
  return {
    ...row,
    quarter,
    tdpId: facts.tdpId,
    tdpName: facts.tdpName,
    groupId: group.id,
    groupName: group.name,
    registeredLearners: sum(cells, (c) => c.registeredLearners),
    registeredAdults: sum(adults, (c) => c.registeredLearners),
    newLearners: sum(cells, (c) => c.newLearners),
    lessonsCompleted: sum(cells, (c) => c.lessonsCompleted),
    learnersCompletedLesson: sum(cells, (c) => c.learnersCompletedLesson),
    modulesMastered: sum(cells, (c) => c.modulesMastered),
    certified: sum(cells, (c) => c.certified),
    certifiedAdults: sum(adults, (c) => c.certified),
  };
}

/** The population-, target- and class-based values of a scope's "Tất cả" row. */
function scopeValues(
  input: ReportInput,
  facts: TdpFacts,
  tdpCount: number,
  learners: ReportRow,
): Partial<ReportRow> {
  const population = facts.adultPopulation;
  const certifiedAdults = learners.certifiedAdults as number;
  const attendance = facts.checkIns + facts.guests;
  const meetingsTarget = input.weeksElapsed * tdpCount;
  // the epsilon keeps 0.7 × 500 = 350.00000000000006 from asking for a 351st person
  const needed = Math.ceil(input.certifiedAdultsTarget * population - 1e-9);
  return {
    adultPopulation: population,
    certifiedAdultsShare: share(certifiedAdults, population),
    certifiedAdultsTarget: input.certifiedAdultsTarget,
    certifiedAdultsMissing: Math.max(0, needed - certifiedAdults),
    registeredAdultsShare: share(learners.registeredAdults as number, population),
    weeksElapsed: input.weeksElapsed,
    meetingsTarget,
    meetingsScheduled: facts.meetingsScheduled,
    meetingsHeld: facts.meetingsHeld,
    meetingsHeldShare: share(facts.meetingsHeld, meetingsTarget),
    checkIns: facts.checkIns,
    guests: facts.guests,
    attendance,
    averageAttendance: share(attendance, facts.meetingsHeld, 2),
    classroomQuestions: facts.classroomQuestions,
    classroomRightShare: share(facts.classroomRight, facts.classroomPresent),
  };
}

// ---- Modules mastered ----

/** A learner's best quiz result in one lesson finished before the quarter's end. */
export interface LessonBest {
  lessonId: string;
  bestCorrect: number;
  total: number;
}

/**
 * How many modules the learner has mastered: every lesson of the module has a best result
 * that isMastered accepts. A module without lessons is never mastered.
 */
export function masteredModules(
  results: readonly LessonBest[],
  modules: ReadonlyArray<{ lessonIds: readonly string[] }>,
): number {
  const mastered = new Set(results.filter((r) => isMastered(r.bestCorrect, r.total)).map((r) => r.lessonId));
  return modules.filter((m) => m.lessonIds.length > 0 && m.lessonIds.every((id) => mastered.has(id))).length;
}

// ---- The API's answer ----

export const ReportTargetsSchema = z.object({
  /** plan target 4: share of adults certified on the national platform, 0–1 */
  certifiedAdultsShare: z.number(),
  /** plan target 3: every adult with basic digital skills (registered adults are the proxy), 0–1 */
  registeredAdultsShare: z.number(),
  /** the plan: a community class every week in every TDP */
  meetingsPerTdpPerWeek: z.number(),
});
export type ReportTargets = z.infer<typeof ReportTargetsSchema>;

/** GET /api/v1/reports/dashboard */
export const ReportSchema = z.object({
  quarter: QuarterSchema,
  range: z.object({
    from: IsoDateSchema,
    to: IsoDateSchema,
    /** the last ward date the schedule-based figures count: the quarter's last day, or today */
    countedUntil: IsoDateSchema,
  }),
  generatedAt: z.string(),
  columns: z.array(ReportColumnSchema),
  rows: z.array(ReportRowSchema),
  targets: ReportTargetsSchema,
});
export type Report = z.infer<typeof ReportSchema>;

// ---- Files ----

/** OWASP "CSV Injection": a text cell starting with one of these is read as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** The CSV cell for a value: numbers stay numbers, null is empty, formula-like text gets a leading '. */
export function csvCell(value: ReportCell): string | number {
  if (value === null) return "";
  if (typeof value === "number") return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** "Phường Ba Ngòi" → "phuong-ba-ngoi": ASCII for a file name. */
export function asciiSlug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** bao-cao-quy-2026-Q4-phuong-ba-ngoi-20261125-1503.csv: the quarter, the ward and when (ward time). */
export function reportFileName(wardName: string, quarter: string, at: Date, extension: "csv" | "xlsx"): string {
  const local = new Date(at.getTime() + WARD_UTC_OFFSET_MINUTES * 60_000).toISOString();
  const stamp = `${local.slice(0, 10).replaceAll("-", "")}-${local.slice(11, 13)}${local.slice(14, 16)}`;
  return `bao-cao-quy-${quarter}-${asciiSlug(wardName)}-${stamp}.${extension}`;
}

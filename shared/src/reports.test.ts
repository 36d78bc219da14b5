import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildReportRows,
  COLUMN_IDS,
  csvCell,
  currentQuarter,
  masteredModules,
  previousQuarter,
  QuarterSchema,
  quarterOf,
  quarterRange,
  REPORT_COLUMNS,
  REPORT_GROUPS,
  reportFileName,
  weeksElapsed,
  type LearnerCell,
  type ReportInput,
  type ReportRow,
  type TdpFacts,
} from "./reports.ts";

describe("quarters in ward time", () => {
  it("runs from the first of its first month to the last of its third, midnight to midnight UTC+7", () => {
    const q4 = quarterRange("2026-Q4");
    expect([q4.from, q4.to]).toEqual(["2026-10-01", "2026-12-31"]);
    expect(q4.startsAt.toISOString()).toBe("2026-09-30T17:00:00.000Z");
    expect(q4.endsAt.toISOString()).toBe("2026-12-31T17:00:00.000Z");
    expect(["2027-Q1", "2027-Q2", "2027-Q3"].map((q) => [quarterRange(q).from, quarterRange(q).to])).toEqual([
      ["2027-01-01", "2027-03-31"],
      ["2027-04-01", "2027-06-30"],
      ["2027-07-01", "2027-09-30"],
    ]);
  });

  it("accepts only YYYY-Qn", () => {
    expect(["2026-Q4", "2025-Q1"].map((q) => QuarterSchema.safeParse(q).success)).toEqual([true, true]);
    expect(["2026-Q5", "2026-q4", "2026Q4", "Q4-2026", "2026-Q0", ""].some((q) => QuarterSchema.safeParse(q).success)).toBe(
      false,
    );
    expect(() => quarterRange("2026-Q5")).toThrow("not a quarter: 2026-Q5");
  });

  it("finds the quarter of a ward date, and the one before", () => {
    expect(["2026-01-01", "2026-03-31", "2026-04-01", "2026-12-31"].map(quarterOf)).toEqual([
      "2026-Q1",
      "2026-Q1",
      "2026-Q2",
      "2026-Q4",
    ]);
    expect([previousQuarter("2026-Q4"), previousQuarter("2026-Q1")]).toEqual(["2026-Q3", "2025-Q4"]);
  });

  it("takes the current quarter from the ward's date, not UTC's", () => {
    // 00:30 on 1/1/2027 in Ba Ngòi is still 31/12/2026 in UTC
    expect(currentQuarter(new Date("2026-12-31T17:30:00Z"))).toBe("2027-Q1");
    expect(currentQuarter(new Date("2026-12-31T16:30:00Z"))).toBe("2026-Q4");
  });

  it("counts whole weeks elapsed, up to today while the quarter runs", () => {
    const q4 = quarterRange("2026-Q4");
    expect(weeksElapsed(q4, "2026-10-01")).toBe(0);
    expect(weeksElapsed(q4, "2026-10-07")).toBe(1);
    expect(weeksElapsed(q4, "2026-11-28")).toBe(8);
    expect(weeksElapsed(q4, "2027-02-01")).toBe(13);
    expect(weeksElapsed(q4, "2026-09-01")).toBe(0);
  });
});

describe("the column list", () => {
  it("is fixed, ordered and fully described", () => {
    expect(REPORT_COLUMNS.map((c) => c.id)).toEqual([...COLUMN_IDS]);
    expect(REPORT_COLUMNS.slice(0, 5).map((c) => c.header)).toEqual(["Quý", "Mã tổ dân phố", "Tổ dân phố", "Mã nhóm", "Nhóm"]);
    for (const column of REPORT_COLUMNS) {
      expect(column.header.length, column.id).toBeGreaterThan(0);
      expect(column.definition.length, column.id).toBeGreaterThan(20);
    }
    expect(new Set(REPORT_COLUMNS.map((c) => c.header)).size).toBe(REPORT_COLUMNS.length);
  });

  it("is what docs/REPORTS.md documents: every id with its header and definition", () => {
    const doc = readFileSync(new URL("../../docs/REPORTS.md", import.meta.url), "utf8");
    for (const column of REPORT_COLUMNS) {
      expect(doc, column.id).toContain(`| \`${column.id}\` | ${column.header} | ${column.unit} | ${column.definition} |`);
    }
  });
});

const giaiPhong: TdpFacts = {
  tdpId: "giai-phong",
  tdpName: "Tổ dân phố Giải Phóng",
  adultPopulation: 500,
  meetingsScheduled: 8,
  meetingsHeld: 3,
  checkIns: 10,
  guests: 4,
  classroomQuestions: 2,
  classroomPresent: 20,
  classroomRight: 15,
};
const mau1: TdpFacts = {
  tdpId: "mau-1",
  tdpName: "Tổ dân phố mẫu 1",
  adultPopulation: 0,
  meetingsScheduled: 0,
  meetingsHeld: 0,
  checkIns: 0,
  guests: 0,
  classroomQuestions: 0,
  classroomPresent: 0,
  classroomRight: 0,
};

function cell(tdpId: string, audience: LearnerCell["audience"], ageBand: LearnerCell["ageBand"], n: Partial<LearnerCell>): LearnerCell {
  return {
    tdpId,
    audience,
    ageBand,
    registeredLearners: 0,
    newLearners: 0,
    lessonsCompleted: 0,
    learnersCompletedLesson: 0,
    modulesMastered: 0,
    certified: 0,
    ...n,
  };
}

const input: ReportInput = {
  quarter: "2026-Q4",
  weeksElapsed: 8,
  certifiedAdultsTarget: 0.7,
  tdps: [giaiPhong, mau1],
  learners: [
    cell("giai-phong", "nguoi-dan", "60-tro-len", { registeredLearners: 3, newLearners: 2, certified: 2, lessonsCompleted: 5 }),
    cell("giai-phong", "hoc-sinh", "duoi-16", { registeredLearners: 1, certified: 1, modulesMastered: 1 }),
    cell("giai-phong", null, null, { registeredLearners: 1 }),
    cell("mau-1", "cbccvc", "16-59", { registeredLearners: 2, certified: 1, learnersCompletedLesson: 2 }),
    cell("outside", "cbccvc", "16-59", { registeredLearners: 50 }),
  ],
  wardTotal: true,
};

function rowOf(rows: ReportRow[], tdpId: string, groupId: string): ReportRow {
  const row = rows.find((r) => r.tdpId === tdpId && r.groupId === groupId);
  if (!row) throw new Error(`no row ${tdpId}/${groupId}`);
  return row;
}

describe("report rows", () => {
  const rows = buildReportRows(input);

  it("gives each TDP, then the ward, one row for everyone, each audience group and each age band", () => {
    expect(rows.map((r) => `${r.tdpId}/${r.groupId}`)).toEqual(
      ["giai-phong", "mau-1", "toan-phuong"].flatMap((scope) => REPORT_GROUPS.map((g) => `${scope}/${g.id}`)),
    );
    expect(rows.map((r) => r.groupName).slice(0, 8)).toEqual([
      "Tất cả",
      "Người dân",
      "Cán bộ, công chức, viên chức",
      "Học sinh",
      "Người lao động doanh nghiệp",
      "Dưới 16 tuổi",
      "16–59 tuổi",
      "Từ 60 tuổi trở lên",
    ]);
    for (const row of rows) expect(Object.keys(row).sort()).toEqual([...COLUMN_IDS].sort());
  });

  it("counts the TDP's learners, adults being 16–59 and 60+, and its classes against one a week", () => {
    expect(rowOf(rows, "giai-phong", "tat-ca")).toEqual({
      quarter: "2026-Q4",
      tdpId: "giai-phong",
      tdpName: "Tổ dân phố Giải Phóng",
      groupId: "tat-ca",
      groupName: "Tất cả",
      registeredLearners: 5,
      registeredAdults: 3,
      newLearners: 2,
      lessonsCompleted: 5,
      learnersCompletedLesson: 0,
      modulesMastered: 1,
      certified: 3,
      certifiedAdults: 2,
      adultPopulation: 500,
      certifiedAdultsShare: 0.004,
      certifiedAdultsTarget: 0.7,
      certifiedAdultsMissing: 348,
      registeredAdultsShare: 0.006,
      weeksElapsed: 8,
      meetingsTarget: 8,
      meetingsScheduled: 8,
      meetingsHeld: 3,
      meetingsHeldShare: 0.375,
      checkIns: 10,
      guests: 4,
      attendance: 14,
      averageAttendance: 4.67,
      classroomQuestions: 2,
      classroomRightShare: 0.75,
    });
  });

  it("leaves population- and class-based cells empty on audience and age rows", () => {
    const row = rowOf(rows, "giai-phong", "hoc-sinh");
    expect([row.registeredLearners, row.certified, row.modulesMastered]).toEqual([1, 1, 1]);
    const empty = REPORT_COLUMNS.filter((c) => c.rows === "all-row-only").map((c) => c.id);
    expect(empty).toContain("adultPopulation");
    expect(empty).toContain("meetingsHeld");
    for (const id of empty) expect(row[id], id).toBeNull();
  });

  it("leaves a ratio empty when its denominator is 0, never NaN or Infinity", () => {
    const row = rowOf(rows, "mau-1", "tat-ca");
    expect([row.certifiedAdultsShare, row.registeredAdultsShare, row.meetingsHeldShare, row.averageAttendance]).toEqual([
      null,
      null,
      0,
      null,
    ]);
    expect(row.classroomRightShare).toBeNull();
    expect(row.certifiedAdultsMissing).toBe(0);
  });

  it("sums the ward from the TDPs given, ignoring learners of other TDPs", () => {
    const ward = rowOf(rows, "toan-phuong", "tat-ca");
    expect(ward.tdpName).toBe("Toàn phường");
    expect([ward.registeredLearners, ward.registeredAdults, ward.certifiedAdults, ward.adultPopulation]).toEqual([7, 5, 3, 500]);
    expect([ward.meetingsTarget, ward.meetingsHeld, ward.meetingsHeldShare]).toEqual([16, 3, 0.1875]);
    expect(ward.certifiedAdultsMissing).toBe(347);
    expect(rowOf(rows, "toan-phuong", "cbccvc").registeredLearners).toBe(2);
  });

  it("has no ward rows when asked for TDPs only", () => {
    expect(buildReportRows({ ...input, wardTotal: false }).some((r) => r.tdpId === "toan-phuong")).toBe(false);
  });

  it("keeps numbers as numbers, ratios between 0 and 1, and the ward equal to the sum of its TDPs", () => {
    const counts = fc.record({
      registeredLearners: fc.nat(40),
      newLearners: fc.nat(40),
      lessonsCompleted: fc.nat(200),
      learnersCompletedLesson: fc.nat(40),
      modulesMastered: fc.nat(100),
      certified: fc.nat(40),
    });
    const cellArb = fc.record({
      tdpId: fc.constantFrom("giai-phong", "mau-1"),
      audience: fc.constantFrom("nguoi-dan", "cbccvc", "hoc-sinh", "nld-doanh-nghiep", null),
      ageBand: fc.constantFrom("duoi-16", "16-59", "60-tro-len", null),
    });
    fc.assert(
      fc.property(fc.array(fc.tuple(cellArb, counts), { maxLength: 20 }), fc.nat(1000), (cells, population) => {
        const learners = cells.map(([c, n]) => ({ ...c, ...n }) as LearnerCell);
        const rows = buildReportRows({ ...input, learners, tdps: [{ ...giaiPhong, adultPopulation: population }, mau1] });
        for (const row of rows) {
          for (const column of REPORT_COLUMNS) {
            const value = row[column.id];
            if (column.kind === "text") expect(typeof value).toBe("string");
            else expect(value === null || (typeof value === "number" && Number.isFinite(value))).toBe(true);
          }
        }
        for (const groupId of REPORT_GROUPS.map((g) => g.id)) {
          const ward = rowOf(rows, "toan-phuong", groupId);
          const parts = [rowOf(rows, "giai-phong", groupId), rowOf(rows, "mau-1", groupId)];
          for (const id of ["registeredLearners", "lessonsCompleted", "modulesMastered", "certifiedAdults"] as const) {
            expect(ward[id]).toBe((parts[0]![id] as number) + (parts[1]![id] as number));
          }
        }
      }),
    );
  });
});

describe("modules mastered", () => {
  const modules = [{ lessonIds: ["a", "b"] }, { lessonIds: ["c"] }, { lessonIds: [] }];

  it("needs every lesson of the module with a best score of at least 80%", () => {
    expect(masteredModules([{ lessonId: "a", bestCorrect: 4, total: 5 }, { lessonId: "b", bestCorrect: 5, total: 5 }], modules)).toBe(1);
    expect(masteredModules([{ lessonId: "a", bestCorrect: 3, total: 5 }, { lessonId: "b", bestCorrect: 5, total: 5 }], modules)).toBe(0);
    expect(masteredModules([{ lessonId: "c", bestCorrect: 4, total: 4 }, { lessonId: "a", bestCorrect: 4, total: 5 }], modules)).toBe(1);
    expect(masteredModules([], modules)).toBe(0);
  });
});

describe("CSV cells", () => {
  it("neutralises text a spreadsheet would read as a formula, and leaves numbers alone", () => {
    expect(["=HYPERLINK(1)", "+1", "-2", "@SUM(A1)", "\tx", "\rx"].map(csvCell)).toEqual([
      "'=HYPERLINK(1)",
      "'+1",
      "'-2",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
    ]);
    expect([csvCell("Tổ dân phố Giải Phóng"), csvCell("16-59"), csvCell(0.7), csvCell(-1), csvCell(null)]).toEqual([
      "Tổ dân phố Giải Phóng",
      "16-59",
      0.7,
      -1,
      "",
    ]);
  });

  it("never lets a text cell start with a formula character", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(String(csvCell(s))).not.toMatch(/^[=+\-@\t\r]/);
      }),
    );
  });
});

describe("file names", () => {
  it("carry the quarter, the ward in ASCII and the ward-time moment", () => {
    const at = new Date("2026-11-25T08:03:00Z");
    expect(reportFileName("Phường Ba Ngòi", "2026-Q4", at, "csv")).toBe("bao-cao-quy-2026-Q4-phuong-ba-ngoi-20261125-1503.csv");
    expect(reportFileName("Phường Đông Hải", "2026-Q3", new Date("2026-12-31T17:05:00Z"), "xlsx")).toBe(
      "bao-cao-quy-2026-Q3-phuong-dong-hai-20270101-0005.xlsx",
    );
  });
});

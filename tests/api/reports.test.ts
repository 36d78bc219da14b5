// The ward dashboard and the quarterly report over HTTP: GET /api/v1/reports/dashboard,
// …/quarterly.csv and …/quarterly.xlsx, with a real SQLite file and the harness clock. A small
// ward is built through the real APIs (sign-in, PATCH /api/v1/me for profile, consent and
// certification, POST /api/v1/sync for lessons, the class-cancellation route); meetings held,
// attendance and classroom answers are written with SQL, the way those features store them.
// The clock starts on Tuesday 15/9/2026 09:00 ward time (Q3) and moves to Saturday 28/11/2026
// 08:00 (Q4). The seeded ward has 4 TDPs: giai-phong (500 adults, class Saturdays 19:00 from
// 5/9), mau-1 (400, class Sundays 08:00 from 6/9), mau-2 and mau-3 (400 each, no class).
import { lessons } from "@hocso/content/all-lessons";
import { upsertResidentialGroups } from "@hocso/bot-server/db/residential-groups";
import { COLUMNS_SHEET, readWorkbook, REPORT_SHEET } from "@hocso/bot-server/features/reports/report-xlsx";
import { TestClock } from "@hocso/bot-server/testing/test-clock";
import { csvCell, REPORT_COLUMNS, ReportSchema, type Report, type ReportRow } from "@hocso/shared/reports";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, decideConsent, signIn, signInAsStaff, startApiHarness, userIdOf, type ApiHarness, type SignedIn } from "../support/api-harness.ts";
import { minutesFromNow, postSync, quizFinishedEvent } from "../support/learning-events.ts";

const Q4_NOW = Date.parse("2026-11-28T01:00:00.000Z");

let h: ApiHarness;
let admin: SignedIn;
/** facilitator of giai-phong */
let facilitator: SignedIn;
let learner: SignedIn;
const people: Record<string, SignedIn> = {};

const api = () => request(h.app);

function lesson(id: string) {
  const found = lessons.find((l) => l.id === id);
  if (!found) throw new Error(`no lesson ${id}`);
  return found;
}

/** A learner with the progress consent and a profile, signed in now. */
async function resident(name: string, profile: Record<string, unknown>): Promise<SignedIn> {
  const person = await signIn(h, name);
  await decideConsent(h, person);
  await api().patch("/api/v1/me").set(bearer(person.token)).send(profile).expect(200);
  people[name] = person;
  return person;
}

async function finishLesson(person: SignedIn, lessonId: string, correct: number): Promise<void> {
  const res = await postSync(h, person, [quizFinishedEvent(lesson(lessonId), correct, minutesFromNow(h, -10))]);
  expect(res.status).toBe(200);
}

async function certify(person: SignedIn, date: string): Promise<void> {
  await api().patch("/api/v1/me").set(bearer(person.token)).send({ certifiedOn: date }).expect(200);
}

/** A meeting recorded as held, with the learners checked in (attendance's own tables). */
function heldMeeting(classId: string, date: string, heldAt: string, guests: number, attendees: SignedIn[]): void {
  h.db
    .prepare("INSERT INTO meeting_records (class_id, date, guests, held_at, updated_at) VALUES (?, ?, ?, ?, ?)")
    .run(classId, date, guests, heldAt, heldAt);
  for (const person of attendees) {
    h.db
      .prepare("INSERT INTO attendance (class_id, date, user_id, method, recorded_at) VALUES (?, ?, ?, 'tick', ?)")
      .run(classId, date, userIdOf(h, person), heldAt);
  }
}

/** A classroom-mode question asked to the room (classroom's own table). */
function classroomAnswer(tdpId: string, date: string, questionId: string, present: number, right: number): void {
  h.db
    .prepare(
      `INSERT INTO classroom_answers (tdp_id, date, lesson_id, question_id, present, answered_right, recorded_at)
       VALUES (?, ?, 'quet-vietqr', ?, ?, ?, ?)`,
    )
    .run(tdpId, date, questionId, present, right, `${date}T13:00:00.000Z`);
}

beforeAll(async () => {
  h = await startApiHarness({ clock: new TestClock("2026-09-15T02:00:00.000Z") });
  admin = await signInAsStaff(h, "Cán bộ phường", "admin", []);
  facilitator = await signInAsStaff(h, "Tổ trưởng Giải Phóng", "facilitator", ["giai-phong"]);
  learner = await signIn(h, "Người học không có quyền");

  // Q3: Lan registers and masters module 5 (its one lesson); a Saturday class is called off.
  const lan = await resident("Nguyễn Thị Lan", { tdpId: "giai-phong", audience: "nguoi-dan", ageBand: "60-tro-len" });
  await finishLesson(lan, "chuan-bi-thi-chung-nhan", 5);
  await api()
    .put("/api/v1/classes/giai-phong-toi-thu-bay/cancellations/2026-10-10")
    .set(bearer(admin.token))
    .expect(200);
  heldMeeting("mau-1-sang-chu-nhat", "2026-09-27", "2026-09-27T01:10:00.000Z", 5, []);
  classroomAnswer("mau-1", "2026-09-27", "q1", 6, 3);

  // Q4
  h.clock.advance(Q4_NOW - h.clock.now().getTime());
  await certify(lan, "2026-11-20");
  const bao = await resident("Trần Văn Bảo", { tdpId: "giai-phong", audience: "cbccvc", ageBand: "16-59" });
  await finishLesson(bao, "cong-dich-vu-cong", 4); // 80%: mastered
  await finishLesson(bao, "nop-ho-so-truc-tuyen", 3); // 60%: finished, not mastered
  await certify(bao, "2026-11-02");
  const chi = await resident("Lê Minh Chi", { tdpId: "mau-1", audience: "hoc-sinh", ageBand: "duoi-16", guardianConfirmed: true });
  await finishLesson(chi, "quet-vietqr", 2);
  const dung = await resident("Phạm Văn Dũng", { tdpId: "mau-1", audience: "nld-doanh-nghiep", ageBand: "16-59" });
  await certify(dung, "2026-11-27");
  // consent but no TDP yet: not in any TDP's figures
  await decideConsent(h, await signIn(h, "Võ Thị Em"));

  heldMeeting("giai-phong-toi-thu-bay", "2026-11-14", "2026-11-14T12:05:00.000Z", 3, [lan, bao]);
  heldMeeting("giai-phong-toi-thu-bay", "2026-11-21", "2026-11-21T12:10:00.000Z", 0, [lan]);
  classroomAnswer("giai-phong", "2026-11-21", "q1", 10, 7);
  classroomAnswer("giai-phong", "2026-11-21", "q2", 10, 9);
});
afterAll(() => h.stop());

async function dashboard(who: SignedIn, query = ""): Promise<Report> {
  const res = await api().get(`/api/v1/reports/dashboard${query}`).set(bearer(who.token)).expect(200);
  expect(res.headers["cache-control"]).toBe("private, no-store");
  return ReportSchema.parse(res.body);
}

function rowOf(report: Report, tdpId: string, groupId: string): Record<string, unknown> {
  const row = report.rows.find((r) => r.tdpId === tdpId && r.groupId === groupId);
  if (!row) throw new Error(`no row ${tdpId}/${groupId}`);
  return row;
}

const EMPTY_ON_GROUP_ROWS = Object.fromEntries(
  REPORT_COLUMNS.filter((c) => c.rows === "all-row-only").map((c) => [c.id, null]),
);

describe("GET /api/v1/reports/dashboard", () => {
  it("gives an admin every TDP and the ward for the current quarter, against the plan's targets", async () => {
    const report = await dashboard(admin);
    expect(report.quarter).toBe("2026-Q4");
    expect(report.range).toEqual({ from: "2026-10-01", to: "2026-12-31", countedUntil: "2026-11-28" });
    expect(report.generatedAt).toBe("2026-11-28T01:00:00.000Z");
    expect(report.targets).toEqual({ certifiedAdultsShare: 0.7, registeredAdultsShare: 1, meetingsPerTdpPerWeek: 1 });
    expect(report.columns.map((c) => c.id)).toEqual(REPORT_COLUMNS.map((c) => c.id));
    expect([...new Set(report.rows.map((r) => r.tdpId))]).toEqual(["giai-phong", "mau-1", "mau-2", "mau-3", "toan-phuong"]);
    expect(report.rows).toHaveLength(40);

    expect(rowOf(report, "giai-phong", "tat-ca")).toEqual({
      quarter: "2026-Q4",
      tdpId: "giai-phong",
      tdpName: "Tổ dân phố Giải Phóng",
      groupId: "tat-ca",
      groupName: "Tất cả",
      registeredLearners: 2,
      registeredAdults: 2,
      newLearners: 1,
      lessonsCompleted: 2,
      learnersCompletedLesson: 2,
      modulesMastered: 1,
      certified: 2,
      certifiedAdults: 2,
      adultPopulation: 500,
      certifiedAdultsShare: 0.004,
      certifiedAdultsTarget: 0.7,
      certifiedAdultsMissing: 348,
      registeredAdultsShare: 0.004,
      weeksElapsed: 8,
      meetingsTarget: 8,
      // Saturdays 3/10 … 21/11 minus the cancelled 10/10; tonight's has not started yet
      meetingsScheduled: 7,
      meetingsHeld: 2,
      meetingsHeldShare: 0.25,
      checkIns: 3,
      guests: 3,
      attendance: 6,
      averageAttendance: 3,
      classroomQuestions: 2,
      classroomRightShare: 0.8,
    });
    expect(rowOf(report, "mau-1", "tat-ca")).toMatchObject({
      registeredLearners: 2,
      registeredAdults: 1,
      newLearners: 2,
      lessonsCompleted: 1,
      modulesMastered: 0,
      certified: 1,
      certifiedAdults: 1,
      adultPopulation: 400,
      certifiedAdultsShare: 0.0025,
      certifiedAdultsMissing: 279,
      meetingsScheduled: 8,
      meetingsHeld: 0,
      meetingsHeldShare: 0,
      attendance: 0,
      averageAttendance: null,
      classroomQuestions: 0,
      classroomRightShare: null,
    });
    expect(rowOf(report, "mau-2", "tat-ca")).toMatchObject({ registeredLearners: 0, meetingsScheduled: 0, certifiedAdultsMissing: 280 });
  });

  it("sums the ward over every TDP", async () => {
    const report = await dashboard(admin);
    expect(rowOf(report, "toan-phuong", "tat-ca")).toMatchObject({
      tdpName: "Toàn phường",
      registeredLearners: 4,
      registeredAdults: 3,
      newLearners: 3,
      lessonsCompleted: 3,
      learnersCompletedLesson: 3,
      modulesMastered: 1,
      certified: 3,
      certifiedAdults: 3,
      adultPopulation: 1700,
      certifiedAdultsShare: 0.0018,
      certifiedAdultsMissing: 1187,
      registeredAdultsShare: 0.0018,
      meetingsTarget: 32,
      meetingsScheduled: 15,
      meetingsHeld: 2,
      meetingsHeldShare: 0.0625,
      attendance: 6,
      averageAttendance: 3,
    });
  });

  it("breaks each TDP down by audience group and age band, leaving population and class cells empty there", async () => {
    const report = await dashboard(admin);
    const lan = { registeredLearners: 1, registeredAdults: 1, newLearners: 0, lessonsCompleted: 0, learnersCompletedLesson: 1 };
    expect(rowOf(report, "giai-phong", "nguoi-dan")).toMatchObject({
      groupName: "Người dân",
      ...lan,
      modulesMastered: 1,
      certified: 1,
      certifiedAdults: 1,
      ...EMPTY_ON_GROUP_ROWS,
    });
    expect(rowOf(report, "giai-phong", "60-tro-len")).toMatchObject({ groupName: "Từ 60 tuổi trở lên", ...lan, ...EMPTY_ON_GROUP_ROWS });
    expect(rowOf(report, "giai-phong", "cbccvc")).toMatchObject({ registeredLearners: 1, newLearners: 1, lessonsCompleted: 2, modulesMastered: 0 });
    expect(rowOf(report, "mau-1", "duoi-16")).toMatchObject({ registeredLearners: 1, registeredAdults: 0, lessonsCompleted: 1 });
    expect(rowOf(report, "toan-phuong", "16-59")).toMatchObject({ registeredLearners: 2, certified: 2, certifiedAdults: 2 });
    expect(rowOf(report, "toan-phuong", "nld-doanh-nghiep")).toMatchObject({ registeredLearners: 1, certified: 1, lessonsCompleted: 0 });
  });

  it("reports an earlier quarter as it stood at its end", async () => {
    const report = await dashboard(admin, "?quarter=2026-Q3");
    expect(report.range).toEqual({ from: "2026-07-01", to: "2026-09-30", countedUntil: "2026-09-30" });
    expect(rowOf(report, "giai-phong", "tat-ca")).toMatchObject({
      registeredLearners: 1,
      newLearners: 1,
      lessonsCompleted: 1,
      modulesMastered: 1,
      certified: 0,
      weeksElapsed: 13,
      meetingsTarget: 13,
      meetingsScheduled: 4,
      meetingsHeld: 0,
    });
    expect(rowOf(report, "mau-1", "tat-ca")).toMatchObject({
      registeredLearners: 0,
      meetingsScheduled: 4,
      meetingsHeld: 1,
      guests: 5,
      averageAttendance: 5,
      classroomQuestions: 1,
      classroomRightShare: 0.5,
    });
  });

  it("shows a facilitator only their TDPs, without the ward total", async () => {
    const report = await dashboard(facilitator);
    expect([...new Set(report.rows.map((r) => r.tdpId))]).toEqual(["giai-phong"]);
    expect(report.rows).toHaveLength(8);
    expect(rowOf(report, "giai-phong", "tat-ca")).toMatchObject({ registeredLearners: 2, meetingsHeld: 2 });
    const one = await dashboard(facilitator, "?tdpId=giai-phong&quarter=2026-Q4");
    expect(one.rows).toEqual(report.rows);
    // counted from that TDP's learners alone, the rows are those of the ward-wide report
    const ward = await dashboard(admin);
    expect(report.rows).toEqual(ward.rows.filter((r) => r.tdpId === "giai-phong"));
  });

  it("gives an admin one TDP's rows when asked for it", async () => {
    const report = await dashboard(admin, "?tdpId=mau-1");
    expect([...new Set(report.rows.map((r) => r.tdpId))]).toEqual(["mau-1"]);
  });

  it("names a bad quarter, a quarter not begun, an unknown TDP and an unknown parameter", async () => {
    const bad = await api().get("/api/v1/reports/dashboard?quarter=2026-Q5").set(bearer(admin.token)).expect(400);
    expect(bad.body.error.fields).toEqual([
      { path: "quarter", message: '"2026-Q5" is not a quarter; write it as YYYY-Qn, e.g. "2026-Q4"' },
    ]);
    const future = await api().get("/api/v1/reports/dashboard?quarter=2027-Q1").set(bearer(admin.token)).expect(400);
    expect(future.body.error.fields).toEqual([
      { path: "quarter", message: "2027-Q1 has not started yet; the current quarter is 2026-Q4" },
    ]);
    const tdp = await api().get("/api/v1/reports/dashboard?tdpId=khong-co").set(bearer(admin.token)).expect(400);
    expect(tdp.body.error.fields[0].path).toBe("tdpId");
    const unknown = await api().get("/api/v1/reports/dashboard?nam=2026").set(bearer(admin.token)).expect(400);
    expect(unknown.body.error.fields).toEqual([{ path: "nam", message: "is not a known field" }]);
  });

  it("refuses without a session, a learner, and a facilitator asking for another TDP", async () => {
    await api().get("/api/v1/reports/dashboard").expect(401);
    const asLearner = await api().get("/api/v1/reports/dashboard").set(bearer(learner.token)).expect(403);
    expect(asLearner.body.error.message).toContain('"report:view"');
    const other = await api().get("/api/v1/reports/dashboard?tdpId=mau-1").set(bearer(facilitator.token)).expect(403);
    expect(other.body.error.message).toContain("mau-1");
    await api().post("/api/v1/reports/dashboard").set(bearer(admin.token)).expect(405);
  });
});

/** supertest's parser for a binary body: the bytes as they came. */
function binary(res: request.Response, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on("data", (c: Buffer) => chunks.push(c));
  res.on("end", () => done(null, Buffer.concat(chunks)));
}

function download(who: SignedIn, format: "csv" | "xlsx", query = "") {
  return api().get(`/api/v1/reports/quarterly.${format}${query}`).set(bearer(who.token)).buffer(true).parse(binary);
}

/** RFC 4180: fields split on commas, quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  const endField = () => {
    record.push(field);
    field = "";
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === ",") {
      endField();
    } else if (!quoted && ch === "\r" && text[i + 1] === "\n") {
      endField();
      records.push(record);
      record = [];
      i++;
    } else {
      field += ch;
    }
  }
  if (field !== "" || record.length > 0) {
    endField();
    records.push(record);
  }
  return records;
}

function expectCsvMatches(records: string[][], report: Report): void {
  expect(records[0]).toEqual(REPORT_COLUMNS.map((c) => c.header));
  expect(records).toHaveLength(report.rows.length + 1);
  report.rows.forEach((row, i) => {
    const record = records[i + 1]!;
    REPORT_COLUMNS.forEach((column, j) => {
      const value = row[column.id];
      expect(record[j], `${row.tdpId}/${row.groupId} ${column.id}`).toBe(String(csvCell(value)));
      if (typeof value === "number") expect(Number(record[j])).toBe(value);
    });
  });
}

describe("GET /api/v1/reports/quarterly.csv", () => {
  it("downloads the dashboard's numbers cell for cell, as numbers, with a BOM and a timestamped name", async () => {
    const screen = await dashboard(admin, "?quarter=2026-Q4");
    const res = await download(admin, "csv", "?quarter=2026-Q4").expect(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers["content-disposition"]).toBe(
      'attachment; filename="bao-cao-quy-2026-Q4-phuong-ba-ngoi-20261128-0800.csv"',
    );
    expect(res.headers["access-control-expose-headers"]).toBe("Content-Disposition");
    expect(res.headers["cache-control"]).toBe("private, no-store");
    const body = res.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = body.subarray(3).toString("utf8");
    expect(text).not.toContain("%");
    const records = parseCsv(text);
    expectCsvMatches(records, screen);
    const ward = records.find((r) => r[1] === "toan-phuong" && r[3] === "tat-ca")!;
    expect(ward[REPORT_COLUMNS.findIndex((c) => c.id === "certifiedAdultsShare")]).toBe("0.0018");
    expect(ward[REPORT_COLUMNS.findIndex((c) => c.id === "averageAttendance")]).toBe("3");
  });

  it("names the current quarter when none is given, and records the export in the audit log", async () => {
    const res = await download(admin, "csv").expect(200);
    expect(res.headers["content-disposition"]).toContain("bao-cao-quy-2026-Q4-");
    const last = h.db
      .prepare("SELECT actor_id, actor_role, action, tdp_id, subject, details FROM audit_log ORDER BY id DESC LIMIT 1")
      .get() as Record<string, unknown>;
    expect(last).toEqual({
      actor_id: userIdOf(h, admin),
      actor_role: "admin",
      action: "report.export",
      tdp_id: null,
      subject: "2026-Q4",
      details: JSON.stringify({ format: "csv", rows: 40 }),
    });
  });

  it("refuses a bad or future quarter without writing to the audit log", async () => {
    const before = h.db.prepare("SELECT count(*) AS n FROM audit_log").get() as { n: number };
    const bad = await api().get("/api/v1/reports/quarterly.csv?quarter=Q4-2026").set(bearer(admin.token)).expect(400);
    expect(bad.body.error.fields[0]).toEqual({
      path: "quarter",
      message: '"Q4-2026" is not a quarter; write it as YYYY-Qn, e.g. "2026-Q4"',
    });
    await api().get("/api/v1/reports/quarterly.csv?quarter=2027-Q1").set(bearer(admin.token)).expect(400);
    expect(h.db.prepare("SELECT count(*) AS n FROM audit_log").get()).toEqual(before);
  });

  it("refuses without a session, a learner and a facilitator", async () => {
    await api().get("/api/v1/reports/quarterly.csv").expect(401);
    await api().get("/api/v1/reports/quarterly.csv").set(bearer(learner.token)).expect(403);
    const res = await api().get("/api/v1/reports/quarterly.csv").set(bearer(facilitator.token)).expect(403);
    expect(res.body.error.message).toContain('"report:export"');
  });
});

describe("GET /api/v1/reports/quarterly.xlsx", () => {
  it("downloads the same numbers as typed cells, a frozen header, and the column definitions", async () => {
    const screen = await dashboard(admin, "?quarter=2026-Q3");
    const res = await download(admin, "xlsx", "?quarter=2026-Q3").expect(200);
    expect(res.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(res.headers["content-disposition"]).toBe(
      'attachment; filename="bao-cao-quy-2026-Q3-phuong-ba-ngoi-20261128-0800.xlsx"',
    );
    const workbook = await readWorkbook(res.body as Buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([REPORT_SHEET, COLUMNS_SHEET]);

    const sheet = workbook.getWorksheet(REPORT_SHEET)!;
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.getRow(1).values).toEqual([undefined, ...REPORT_COLUMNS.map((c) => c.header)]);
    expect(sheet.rowCount).toBe(screen.rows.length + 1);
    screen.rows.forEach((row: ReportRow, i) => {
      REPORT_COLUMNS.forEach((column, j) => {
        const cell = sheet.getRow(i + 2).getCell(j + 1);
        expect(cell.value ?? null, `${row.tdpId}/${row.groupId} ${column.id}`).toBe(row[column.id]);
      });
    });
    const share = sheet.getRow(2).getCell(REPORT_COLUMNS.findIndex((c) => c.id === "certifiedAdultsTarget") + 1);
    expect([share.value, share.numFmt]).toEqual([0.7, "0.0%"]);
    for (let j = 1; j <= REPORT_COLUMNS.length; j++) expect(sheet.getColumn(j).width).toBeGreaterThanOrEqual(10);

    const help = workbook.getWorksheet(COLUMNS_SHEET)!;
    expect(help.getRow(1).values).toEqual([undefined, "Mã cột", "Tiêu đề", "Đơn vị", "Định nghĩa"]);
    REPORT_COLUMNS.forEach((c, i) => {
      expect(help.getRow(i + 2).values).toEqual([undefined, c.id, c.header, c.unit, c.definition]);
    });
    const last = h.db.prepare("SELECT subject, details FROM audit_log ORDER BY id DESC LIMIT 1").get();
    expect(last).toEqual({ subject: "2026-Q3", details: JSON.stringify({ format: "xlsx", rows: 40 }) });
  });

  it("refuses without a session, a learner and a facilitator", async () => {
    await api().get("/api/v1/reports/quarterly.xlsx").expect(401);
    await api().get("/api/v1/reports/quarterly.xlsx").set(bearer(learner.token)).expect(403);
    await api().get("/api/v1/reports/quarterly.xlsx").set(bearer(facilitator.token)).expect(403);
    await api().get("/api/v1/reports/quarterly.xlsx?quarter=2026").set(bearer(admin.token)).expect(400);
  });
});

describe("a TDP name a spreadsheet would read as a formula", () => {
  it("is shown as written, neutralised in the CSV and kept as text in the XLSX", async () => {
    const name = '=HYPERLINK("http://lua-dao.example","Bấm vào đây")';
    upsertResidentialGroups(
      h.db,
      [{ id: "mau-3", name, adultPopulation: 400, channel: "sandbox", zaloGroupId: "sandbox-mau-3" }],
      h.clock.now(),
    );
    const screen = await dashboard(admin);
    expect(rowOf(screen, "mau-3", "tat-ca").tdpName).toBe(name);

    const csv = await download(admin, "csv").expect(200);
    const records = parseCsv((csv.body as Buffer).subarray(3).toString("utf8"));
    expectCsvMatches(records, screen);
    expect(records.filter((r) => r[1] === "mau-3").map((r) => r[2])).toEqual(Array(8).fill(`'${name}`));

    const xlsx = await download(admin, "xlsx").expect(200);
    const sheet = (await readWorkbook(xlsx.body as Buffer)).getWorksheet(REPORT_SHEET)!;
    const rowIndex = screen.rows.findIndex((r) => r.tdpId === "mau-3") + 2;
    const cell = sheet.getRow(rowIndex).getCell(3);
    expect(cell.value).toBe(name);
    expect(cell.formula).toBeUndefined();
    expect(cell.type).toBe(3); // ExcelJS.ValueType.String
  });
});

describe("privacy", () => {
  it("puts no learner's name or id in the dashboard or the files", async () => {
    const screen = JSON.stringify(await dashboard(admin));
    const csv = ((await download(admin, "csv").expect(200)).body as Buffer).toString("utf8");
    for (const [name, person] of Object.entries(people)) {
      for (const text of [screen, csv]) {
        expect(text).not.toContain(person.zaloId);
        expect(text).not.toContain(person.name);
        expect(text).not.toContain(`"${name}"`);
      }
    }
  });
});

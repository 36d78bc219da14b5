// pnpm bench:reports — how fast the server builds the ward dashboard, the quarterly report and
// its files, and the "cần hỗ trợ" list, on a real SQLite file holding a whole ward's learning.
// Writes bench/results/reports.json. Figures are reported, never asserted (shared, noisy machines).
//
//   two wards, 2026-Q4 nearly over (Monday 28/12/2026): (a) 20 TDPs × 500 learners and
//   (b) 300 TDPs × 100 learners. Every learner has ~8 finished lessons, 30 quiz or review
//   answers in the attempt log, the progress consent, and half of them the share-progress one;
//   every TDP has a Saturday class held 10 times in the quarter, with check-ins, guests and a
//   few classroom-mode questions. The ward file's sample TDPs are removed first.
//
//   report:     quarterlyReport("2026-Q4"), then its CSV and its XLSX, on both wards.
//   dashboard:  one facilitator's dashboard for their own TDP, on ward (b).
//   needs-help: an admin's list for one TDP of 500 learners and for the whole of ward (a).
//
// Each figure: the first run ("cold") on its own, then the median of 5 more.
import { mkdirSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { saveStaff } from "../bot-server/src/db/staff.ts";
import { listNeedsHelp } from "../bot-server/src/features/needs-help/needs-help-service.ts";
import { quarterlyCsv } from "../bot-server/src/features/reports/report-csv.ts";
import { dashboardReport, quarterlyReport, type ReportDeps } from "../bot-server/src/features/reports/report-service.ts";
import { quarterlyXlsx } from "../bot-server/src/features/reports/report-xlsx.ts";
import { courseLessons, findLesson, wardFile } from "../bot-server/src/lib/content.ts";
import { createTestApp } from "../bot-server/src/testing/test-app.ts";
import { TestClock } from "../bot-server/src/testing/test-clock.ts";
import { CONSENT_TEXT_VERSION } from "../shared/src/learner.ts";

const root = join(import.meta.dirname, "..");
const RUNS = 5;
const QUARTER = "2026-Q4";
// Monday 28/12/2026 10:00 ward time: the last week of 2026-Q4, every Saturday class of it past.
const NOW = "2026-12-28T03:00:00.000Z";
const DAY_MS = 86_400_000;
const WARD_OFFSET_MS = 7 * 3_600_000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** The first run on its own (statements prepared, code not yet optimised), then the median of RUNS more. */
async function timed<T>(run: () => T | Promise<T>): Promise<{ value: T; coldMs: number; medianMs: number }> {
  let t = performance.now();
  const value = await run();
  const coldMs = performance.now() - t;
  const warm: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    t = performance.now();
    await run();
    warm.push(performance.now() - t);
  }
  return { value, coldMs: round(coldMs), medianMs: round(median(warm)) };
}

/** A small seeded generator (mulberry32), so every run builds the same ward. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const iso = (ms: number) => new Date(ms).toISOString();
const wardDay = (ms: number) => new Date(ms + WARD_OFFSET_MS).toISOString().slice(0, 10);
/** A UUID-shaped event id, as the phone makes them. */
const eventId = (user: number, n: number) =>
  `${user.toString(16).padStart(8, "0")}-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;

/** The Saturdays of 2026-Q4 whose 19:00 class has started by NOW (ward dates). */
function quarterSaturdays(nowMs: number): string[] {
  const dates: string[] = [];
  for (let ms = Date.parse("2026-10-03T12:00:00.000Z"); ms <= nowMs && wardDay(ms) <= "2026-12-31"; ms += 7 * DAY_MS) {
    dates.push(wardDay(ms));
  }
  return dates;
}

interface Ward {
  app: ReturnType<typeof createTestApp>;
  tdpIds: string[];
  adminId: number;
  facilitatorId: number;
  rows: Record<string, number>;
  buildMs: number;
}

/** A ward of `tdps` TDPs with `perTdp` learners each, written in one transaction. */
function buildWard(tdps: number, perTdp: number): Ward {
  const clock = new TestClock(NOW);
  const app = createTestApp({ clock });
  const nowMs = clock.now().getTime();
  const nowIso = clock.now().toISOString();
  const rand = random(tdps * 100_003 + perTdp);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const saturdays = quarterSaturdays(nowMs);
  const yearStart = Date.parse("2026-01-01T02:00:00.000Z");
  const rows: Record<string, number> = {};
  const count = (table: string, n = 1) => (rows[table] = (rows[table] ?? 0) + n);
  const tdpIds = Array.from({ length: tdps }, (_, i) => `to-${String(i + 1).padStart(3, "0")}`);

  const t = performance.now();
  app.db.transaction(() => {
    // only the bench's TDPs: the ward file's four samples would add empty rows to the report
    app.db.exec("DELETE FROM weekly_classes; DELETE FROM residential_groups;");
    const insertTdp = app.db.prepare(
      "INSERT INTO residential_groups (id, name, adult_population, channel, zalo_group_id, updated_at) VALUES (?, ?, ?, 'share', NULL, ?)",
    );
    const insertClass = app.db.prepare(
      `INSERT INTO weekly_classes (id, tdp_id, weekday, start_time, duration_minutes, place, topic, lesson_ids, bring,
         first_date, last_date, created_at, updated_at)
       VALUES (?, ?, 6, '19:00', 90, 'Nhà văn hóa', 'Dịch vụ công trên VNeID', ?, 'Điện thoại', '2026-09-05', NULL, ?, ?)`,
    );
    const insertUser = app.db.prepare(
      `INSERT INTO users (id, zalo_id, display_name, tdp_id, audience, age_band, guardian_confirmed, created_at, updated_at, certified_on)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertConsent = app.db.prepare(
      "INSERT INTO consents (user_id, purpose, granted, text_version, decided_at) VALUES (?, ?, 1, ?, ?)",
    );
    const insertProgress = app.db.prepare(
      `INSERT INTO progress (user_id, lesson_id, step_index, completed_at, best_correct, last_correct, total, updated_at, step_at, quiz_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertEvent = app.db.prepare(
      `INSERT INTO learning_events (user_id, event_id, type, lesson_id, at, received_at, step_index, quiz_correct, quiz_total)
       VALUES (?, ?, 'answer', ?, ?, ?, NULL, NULL, NULL)`,
    );
    const insertAttempt = app.db.prepare(
      `INSERT INTO answer_attempts (user_id, event_id, lesson_id, question_id, choice, correct, source, at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertMeeting = app.db.prepare(
      `INSERT INTO meeting_records (class_id, date, guests, checkin_code, checkin_expires_at, held_at, updated_at)
       VALUES (?, ?, ?, NULL, NULL, ?, ?)`,
    );
    const insertAttendance = app.db.prepare(
      "INSERT INTO attendance (class_id, date, user_id, method, recorded_at) VALUES (?, ?, ?, ?, ?)",
    );
    const insertClassroom = app.db.prepare(
      `INSERT INTO classroom_answers (tdp_id, date, class_id, lesson_id, question_id, present, answered_right, recorded_by, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?)`,
    );

    let userId = 0;
    for (const [i, tdpId] of tdpIds.entries()) {
      insertTdp.run(tdpId, `Tổ dân phố ${i + 1}`, Math.round(perTdp * 1.6), nowIso);
      count("residential_groups");
      const classId = `${tdpId}-toi-thu-bay`;
      const first = (i * 2) % (courseLessons.length - 1);
      const classLessons = [courseLessons[first]!, courseLessons[first + 1]!];
      insertClass.run(classId, tdpId, JSON.stringify(classLessons.map((l) => l.id)), nowIso, nowIso);
      count("weekly_classes");

      const learners: number[] = [];
      for (let n = 0; n < perTdp; n++) {
        const id = ++userId;
        learners.push(id);
        const audience = rand() < 0.03 ? null : pick(["nguoi-dan", "nguoi-dan", "nguoi-dan", "cbccvc", "hoc-sinh", "nld-doanh-nghiep"]);
        const ageBand =
          audience === null ? null : audience === "hoc-sinh" ? (rand() < 0.7 ? "duoi-16" : "16-59") : rand() < 0.75 ? "16-59" : "60-tro-len";
        const createdMs = yearStart + Math.floor(rand() * 350) * DAY_MS + Math.floor(rand() * 12 * 3_600_000);
        // most learned in the last three weeks; the others stopped some time after joining
        const lastMs =
          rand() < 0.6
            ? Math.max(createdMs + 3_600_000, nowMs - Math.floor(rand() * 20 * DAY_MS) - 3_600_000)
            : createdMs + 3_600_000 + Math.floor(rand() * Math.max(0, nowMs - 22 * DAY_MS - createdMs));
        const certifiedOn = rand() < 0.3 ? wardDay(createdMs + rand() * (nowMs - createdMs)) : null;
        insertUser.run(
          id,
          `bench-${id}`,
          rand() < 0.7 ? `Người học ${id}` : null,
          tdpId,
          audience,
          ageBand,
          ageBand === "duoi-16" ? 1 : 0,
          iso(createdMs),
          iso(lastMs),
          certifiedOn,
        );
        count("users");
        insertConsent.run(id, "progress", CONSENT_TEXT_VERSION, iso(createdMs));
        count("consents");
        if (id % 2 === 0) {
          insertConsent.run(id, "share-progress", CONSENT_TEXT_VERSION, iso(createdMs));
          count("consents");
        }

        // 4–12 lessons in teaching order (8 on average), finished between joining and the last learning
        const done = courseLessons.slice(0, 4 + (id % 9));
        // one learner in ten is stuck on a lesson: more than three wrong answers, not mastered
        const stuck = rand() < 0.1 ? pick(done).id : null;
        const span = lastMs - createdMs;
        for (const [j, lesson] of done.entries()) {
          const at = iso(createdMs + Math.floor((span * (j + 1)) / (done.length + 1)));
          const total = lesson.quiz.length;
          const best = lesson.id !== stuck && rand() < 0.8 ? total : Math.floor(total / 2);
          insertProgress.run(id, lesson.id, lesson.steps.length, at, best, best, total, at, at, at);
          count("progress");
        }
        for (let e = 0; e < 30; e++) {
          const lesson = stuck !== null && e < 6 ? findLesson(stuck)! : pick(done);
          const question = pick(lesson.quiz);
          const correct = stuck !== null && e < 6 ? false : rand() < 0.8;
          const atMs = e === 29 ? lastMs : createdMs + Math.floor(rand() * span);
          const event = eventId(id, e);
          insertEvent.run(id, event, lesson.id, iso(atMs), iso(atMs + 2_000));
          insertAttempt.run(
            id,
            event,
            lesson.id,
            question.id,
            correct ? question.answer : (question.answer + 1) % question.options.length,
            correct ? 1 : 0,
            rand() < 0.8 ? "quiz" : "review",
            iso(atMs),
          );
          count("learning_events");
          count("answer_attempts");
        }
      }

      // ten of the quarter's Saturdays held, 5 % of the TDP's learners checked in at each
      const held = saturdays.filter(() => rand() < 10 / saturdays.length).slice(0, 10);
      for (const [m, date] of held.entries()) {
        const heldAt = `${date}T12:05:00.000Z`;
        const guests = Math.floor(rand() * 9);
        insertMeeting.run(classId, date, guests, heldAt, heldAt);
        count("meeting_records");
        const present = new Set<number>();
        while (present.size < Math.max(3, Math.round(perTdp * 0.05))) present.add(pick(learners));
        for (const user of present) insertAttendance.run(classId, date, user, rand() < 0.8 ? "qr" : "tick", heldAt);
        count("attendance", present.size);
        // classroom mode at three of the meetings, three questions each
        if (m % 3 === 0) {
          const lesson = classLessons[m % 2]!;
          for (const question of lesson.quiz.slice(0, 3)) {
            const room = present.size + guests;
            insertClassroom.run(tdpId, date, classId, lesson.id, question.id, room, Math.floor(room * (0.5 + rand() * 0.5)), heldAt);
            count("classroom_answers");
          }
        }
      }
    }

    // the ward officer and one facilitator: staff accounts, in no TDP (so not counted as learners)
    for (const id of [userId + 1, userId + 2]) {
      insertUser.run(id, `bench-staff-${id}`, null, null, null, null, 0, nowIso, nowIso, null);
    }
  })();
  // as a running server would have it by now: the transaction moved from the WAL into the file
  app.db.pragma("wal_checkpoint(TRUNCATE)");
  const buildMs = performance.now() - t;
  const adminId = rows.users! + 1;
  const facilitatorId = rows.users! + 2;
  saveStaff(app.db, { userId: adminId, role: "admin", tdpIds: [], grantedBy: null }, clock.now());
  saveStaff(app.db, { userId: facilitatorId, role: "facilitator", tdpIds: [tdpIds[0]!], grantedBy: adminId }, clock.now());
  return { app, tdpIds, adminId, facilitatorId, rows, buildMs: round(buildMs) };
}

/** The database file's size in MB, once checkpointed. */
function databaseMb(ward: Ward): number {
  return round(statSync(ward.app.config.databasePath).size / 1_000_000);
}

async function benchReport(ward: Ward) {
  const deps: ReportDeps = { db: ward.app.db, clock: ward.app.clock, ward: wardFile, lessons: courseLessons };
  const build = await timed(() => quarterlyReport(deps, QUARTER));
  const csv = await timed(() => quarterlyCsv(build.value));
  const xlsx = await timed(() => quarterlyXlsx(build.value));
  return {
    reportRows: build.value.rows.length,
    build: { coldMs: build.coldMs, medianMs: build.medianMs },
    csv: { coldMs: csv.coldMs, medianMs: csv.medianMs, bytes: csv.value.length },
    xlsx: { coldMs: xlsx.coldMs, medianMs: xlsx.medianMs, bytes: xlsx.value.length },
  };
}

async function benchDashboard(ward: Ward) {
  const deps: ReportDeps = { db: ward.app.db, clock: ward.app.clock, ward: wardFile, lessons: courseLessons };
  const tdpId = ward.tdpIds[0]!;
  const run = await timed(() => dashboardReport(deps, ward.facilitatorId, { quarter: QUARTER, tdpId }));
  return { scope: `facilitator, 1 TDP of ${ward.tdpIds.length}`, reportRows: run.value.rows.length, coldMs: run.coldMs, medianMs: run.medianMs };
}

async function benchNeedsHelp(ward: Ward, tdpId: string | undefined) {
  const deps = { db: ward.app.db, clock: ward.app.clock, findLesson };
  const run = await timed(() => listNeedsHelp(deps, ward.adminId, tdpId === undefined ? {} : { tdpId }));
  const learners = ward.rows.users! / (tdpId === undefined ? 1 : ward.tdpIds.length);
  return {
    scope: tdpId === undefined ? `admin, whole ward (${ward.tdpIds.length} TDPs)` : "admin, 1 TDP",
    learnersInScope: learners,
    listed: run.value.learners.length,
    notSharing: run.value.notSharing,
    coldMs: run.coldMs,
    medianMs: run.medianMs,
  };
}

const wards = [];
const needsHelp = [];
const dashboard = [];
for (const [tdps, perTdp] of [
  [20, 500],
  [300, 100],
] as const) {
  const ward = buildWard(tdps, perTdp);
  const facts = { tdps, learnersPerTdp: perTdp, rows: ward.rows, buildMs: ward.buildMs, databaseMb: databaseMb(ward) };
  wards.push({ ...facts, report: await benchReport(ward) });
  if (tdps === 20) {
    needsHelp.push(await benchNeedsHelp(ward, ward.tdpIds[0]!), await benchNeedsHelp(ward, undefined));
  } else {
    dashboard.push({ tdps, learnersPerTdp: perTdp, ...(await benchDashboard(ward)) });
  }
  ward.app.close();
}

const result = {
  measuredAt: new Date().toISOString(),
  node: process.version,
  cores: availableParallelism(),
  quarter: QUARTER,
  now: NOW,
  runs: RUNS,
  wards,
  dashboard,
  needsHelp,
};
mkdirSync(join(root, "bench", "results"), { recursive: true });
writeFileSync(join(root, "bench", "results", "reports.json"), `${JSON.stringify(result, null, 2)}\n`);

const kb = (bytes: number) => `${round(bytes / 1024)} KB`;
console.log(`quarterly report ${QUARTER} (real SQLite file; cold run, then median of ${RUNS})`);
for (const w of wards) {
  const r = w.report;
  console.log(
    `  ${String(w.tdps).padStart(3)} TDPs × ${w.learnersPerTdp} learners (${w.rows.users} learners, ${w.databaseMb} MB, built in ${round(w.buildMs / 1000)} s): ${r.reportRows} rows`,
  );
  console.log(`      build ${r.build.medianMs} ms (cold ${r.build.coldMs} ms)`);
  console.log(`      CSV   ${r.csv.medianMs} ms (cold ${r.csv.coldMs} ms), ${kb(r.csv.bytes)}`);
  console.log(`      XLSX  ${r.xlsx.medianMs} ms (cold ${r.xlsx.coldMs} ms), ${kb(r.xlsx.bytes)}`);
}
console.log("dashboard");
for (const d of dashboard) {
  console.log(`  ${d.tdps} TDPs × ${d.learnersPerTdp} learners, ${d.scope}: ${d.reportRows} rows in ${d.medianMs} ms (cold ${d.coldMs} ms)`);
}
console.log("needs help (ward of 20 TDPs × 500 learners)");
for (const n of needsHelp) {
  console.log(
    `  ${n.scope}, ${n.learnersInScope} learners: ${n.listed} listed, ${n.notSharing} not sharing, in ${n.medianMs} ms (cold ${n.coldMs} ms)`,
  );
}

// "Cần hỗ trợ" through the API: GET /api/v1/staff/needs-help[?tdpId=]. Learners are built the
// way the mini app builds them: signed in through the Zalo sandbox, their profile and consents
// sent with PATCH /api/v1/me, their answers with POST /api/v1/sync. Real HTTP, a real SQLite
// file, the harness clock (Thứ Bảy 28/11/2026, 08:00 ward time), moved by days.
import { lessons } from "@hocso/content/all-lessons";
import { CONSENT_TEXT_VERSION } from "@hocso/shared/learner";
import { NeedsHelpListSchema } from "@hocso/shared/needs-help";
import type { Lesson } from "@hocso/shared/content";
import request from "supertest";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bearer, signIn, signInAsStaff, startApiHarness, userIdOf, type ApiHarness, type SignedIn } from "../support/api-harness.ts";
import { answerEvent, minutesFromNow, postSync, quizFinishedEvent, stepEvent, wrongChoice } from "../support/learning-events.ts";

const qr = lessons.find((l) => l.id === "quet-vietqr")!;
const scams = lessons.find((l) => l.id === "cuoc-goi-mao-danh")!;

let h: ApiHarness;
let admin: SignedIn;
/** facilitator of giai-phong */
let facilitator: SignedIn;
/** facilitator of mau-1 only */
let neighbour: SignedIn;
let learner: SignedIn;

beforeEach(async () => {
  h = await startApiHarness();
  admin = await signInAsStaff(h, "Cán bộ phường", "admin", []);
  facilitator = await signInAsStaff(h, "Tổ trưởng Giải Phóng", "facilitator", ["giai-phong"]);
  neighbour = await signInAsStaff(h, "Tổ trưởng mẫu 1", "facilitator", ["mau-1"]);
  learner = await signIn(h, "Người học");
});
afterEach(() => h.stop());

const api = () => request(h.app);
const at = (minutes: number) => minutesFromNow(h, minutes);

/** A resident of `tdpId` who keeps their progress with us and, unless told, shares it with the facilitator. */
async function resident(
  tdpId: string,
  displayName: string | null,
  { share = true }: { share?: boolean } = {},
): Promise<SignedIn> {
  const person = await signIn(h, displayName ?? "Người chưa đặt tên");
  await api()
    .patch("/api/v1/me")
    .set(bearer(person.token))
    .send({
      displayName,
      tdpId,
      audience: "nguoi-dan",
      ageBand: "60-tro-len",
      consents: { progress: true, ...(share ? { "share-progress": true } : {}) },
      consentVersion: CONSENT_TEXT_VERSION,
    })
    .expect(200);
  return person;
}

/** `n` wrong answers on the lesson's quiz questions, a minute apart, the last one `minutesAgo` ago. */
async function answerWrongly(who: SignedIn, lesson: Lesson, n: number, minutesAgo = 0): Promise<string> {
  const events = Array.from({ length: n }, (_, i) => {
    const question = lesson.quiz[i % lesson.quiz.length]!;
    return answerEvent(lesson, question, wrongChoice(question), at(-minutesAgo - (n - 1 - i)));
  });
  await postSync(h, who, events).expect(200);
  return at(-minutesAgo);
}

function needsHelp(who: SignedIn, query: Record<string, string> = {}) {
  return api().get("/api/v1/staff/needs-help").query(query).set(bearer(who.token));
}

async function listed(who: SignedIn = facilitator, query: Record<string, string> = {}) {
  const res = await needsHelp(who, query).expect(200);
  return NeedsHelpListSchema.parse(res.body);
}

function auditRows() {
  return h.db
    .prepare("SELECT actor_id, actor_role, action, tdp_id, subject, details FROM audit_log WHERE action = 'needs-help.view' ORDER BY id")
    .all() as Array<{ actor_id: number; actor_role: string; action: string; tdp_id: string | null; subject: string | null; details: string }>;
}

describe("GET /api/v1/staff/needs-help: wrong answers", () => {
  it("lists a learner with 4 wrong answers on a lesson, by name, TDP and lesson title, for their facilitator", async () => {
    const lan = await resident("giai-phong", "Bà Lan");
    const lastAt = await answerWrongly(lan, qr, 4);
    const res = await needsHelp(facilitator).expect(200);
    expect(res.headers["cache-control"]).toBe("private, no-store");
    expect(NeedsHelpListSchema.parse(res.body)).toEqual({
      learners: [
        {
          userId: userIdOf(h, lan),
          displayName: "Bà Lan",
          tdpId: "giai-phong",
          tdpName: "Tổ dân phố Giải Phóng",
          reasons: [
            {
              kind: "failed-attempts",
              lessonId: "quet-vietqr",
              lessonTitle: "Quét mã VietQR trả tiền an toàn",
              wrongAnswers: 4,
              lastAt,
            },
          ],
        },
      ],
      notSharing: 0,
    });
  });

  it("does not list 3 wrong answers on a lesson, nor 2 and 2 on two lessons", async () => {
    const lan = await resident("giai-phong", "Bà Lan");
    await answerWrongly(lan, qr, 3);
    const tu = await resident("giai-phong", "Ông Tư");
    await answerWrongly(tu, qr, 2);
    await answerWrongly(tu, scams, 2);
    expect(await listed()).toEqual({ learners: [], notSharing: 0 });
  });

  it("counts wrong answers in reviews too, and lists each lesson, the newest problem first", async () => {
    const lan = await resident("giai-phong", "Bà Lan");
    await answerWrongly(lan, scams, 5, 60);
    const question = qr.quiz[0]!;
    await postSync(
      h,
      lan,
      [1, 2, 3, 4].map((m) => answerEvent(qr, question, wrongChoice(question), at(-10 + m), "review")),
    ).expect(200);
    const [only] = (await listed()).learners;
    expect(only?.reasons.map((r) => (r.kind === "failed-attempts" ? [r.lessonId, r.wrongAnswers] : r.kind))).toEqual([
      ["quet-vietqr", 4],
      ["cuoc-goi-mao-danh", 5],
    ]);
  });

  it("lets the learner go once they master the lesson (80% of one whole quiz attempt)", async () => {
    const lan = await resident("giai-phong", "Bà Lan");
    await answerWrongly(lan, qr, 4, 30);
    // passing once below mastery is not enough
    await postSync(h, lan, [quizFinishedEvent(qr, 1, at(-20))]).expect(200);
    expect((await listed()).learners).toHaveLength(1);
    await postSync(h, lan, [quizFinishedEvent(qr, qr.quiz.length, at(-10))]).expect(200);
    expect(await listed()).toEqual({ learners: [], notSharing: 0 });
  });
});

describe("GET /api/v1/staff/needs-help: inactivity", () => {
  it("lists a learner after 21 days without learning, with the day they last learned, and not after 20", async () => {
    const lan = await resident("giai-phong", "Bà Lan");
    await postSync(h, lan, [stepEvent(qr, 1, at(0))]).expect(200);
    h.clock.advanceDays(20);
    expect((await listed()).learners).toEqual([]);
    h.clock.advanceDays(1);
    expect((await listed()).learners).toEqual([
      {
        userId: userIdOf(h, lan),
        displayName: "Bà Lan",
        tdpId: "giai-phong",
        tdpName: "Tổ dân phố Giải Phóng",
        reasons: [{ kind: "inactive", lastActiveOn: "2026-11-28", days: 21 }],
      },
    ]);
  });

  it("counts from the account's creation for a learner who never learned, and shows a learner without a name as null", async () => {
    const nameless = await resident("giai-phong", null);
    h.clock.advanceDays(24);
    const [only] = (await listed()).learners;
    expect(only).toMatchObject({
      userId: userIdOf(h, nameless),
      displayName: null,
      reasons: [{ kind: "inactive", lastActiveOn: "2026-11-28", days: 24 }],
    });
  });

  it("puts inactivity before older wrong answers, and learners with the newest problem first", async () => {
    const lan = await resident("giai-phong", "Bà Lan");
    await answerWrongly(lan, qr, 4);
    h.clock.advanceDays(22);
    const tu = await resident("giai-phong", "Ông Tư");
    await answerWrongly(tu, scams, 4);
    const { learners } = await listed();
    expect(learners.map((l) => [l.displayName, l.reasons.map((r) => r.kind)])).toEqual([
      ["Ông Tư", ["failed-attempts"]],
      ["Bà Lan", ["inactive", "failed-attempts"]],
    ]);
  });
});

describe("GET /api/v1/staff/needs-help: consent", () => {
  it("names only learners who share their progress; the others who need help are a count", async () => {
    const lan = await resident("giai-phong", "Bà Lan");
    await answerWrongly(lan, qr, 4);
    const quiet = await resident("giai-phong", "Bà Năm", { share: false });
    await answerWrongly(quiet, qr, 6);
    const fine = await resident("giai-phong", "Ông Sáu", { share: false });
    await answerWrongly(fine, qr, 1);
    const body = await listed();
    expect(body.learners.map((l) => l.displayName)).toEqual(["Bà Lan"]);
    expect(body.notSharing).toBe(1);
    expect(JSON.stringify(body)).not.toContain("Bà Năm");
  });

  it("hides a learner at once when they withdraw share-progress, and forgets them with the progress consent", async () => {
    const lan = await resident("giai-phong", "Bà Lan");
    await answerWrongly(lan, qr, 4);
    expect((await listed()).learners).toHaveLength(1);
    const withdraw = (consents: Record<string, boolean>) =>
      api().patch("/api/v1/me").set(bearer(lan.token)).send({ consents, consentVersion: CONSENT_TEXT_VERSION }).expect(200);

    await withdraw({ "share-progress": false });
    expect(await listed()).toEqual({ learners: [], notSharing: 1 });

    await withdraw({ "share-progress": true });
    expect((await listed()).learners).toHaveLength(1);

    // withdrawing progress deletes the answers and withdraws share-progress: nothing left to count
    await withdraw({ progress: false });
    expect(await listed()).toEqual({ learners: [], notSharing: 0 });
  });
});

describe("GET /api/v1/staff/needs-help: scope and audit", () => {
  it("shows a facilitator only their TDPs, and the ward office every TDP grouped in the ward file's order", async () => {
    const lan = await resident("giai-phong", "Bà Lan");
    await answerWrongly(lan, qr, 4);
    const hoa = await resident("mau-1", "Bà Hoa");
    await answerWrongly(hoa, qr, 4);
    const ba = await resident("mau-1", "Ông Ba", { share: false });
    await answerWrongly(ba, qr, 4);

    expect(await listed(facilitator)).toMatchObject({ learners: [{ displayName: "Bà Lan" }], notSharing: 0 });
    expect(await listed(neighbour)).toMatchObject({ learners: [{ displayName: "Bà Hoa" }], notSharing: 1 });
    const ward = await listed(admin);
    expect(ward.learners.map((l) => [l.tdpName, l.displayName])).toEqual([
      ["Tổ dân phố Giải Phóng", "Bà Lan"],
      ["Tổ dân phố mẫu 1", "Bà Hoa"],
    ]);
    expect(ward.notSharing).toBe(1);
    expect((await listed(admin, { tdpId: "mau-1" })).learners.map((l) => l.displayName)).toEqual(["Bà Hoa"]);
  });

  it("records each read in the audit log with the TDP and how many were listed, never a name", async () => {
    const lan = await resident("giai-phong", "Bà Lan");
    await answerWrongly(lan, qr, 4);
    await listed(facilitator);
    await listed(admin);
    await listed(admin, { tdpId: "mau-1" });
    const rows = auditRows();
    expect(rows.map((r) => [r.actor_id, r.actor_role, r.tdp_id, JSON.parse(r.details)])).toEqual([
      [userIdOf(h, facilitator), "facilitator", "giai-phong", { listed: 1 }],
      [userIdOf(h, admin), "admin", null, { listed: 1 }],
      [userIdOf(h, admin), "admin", "mau-1", { listed: 0 }],
    ]);
    expect(JSON.stringify(rows)).not.toContain("Lan");
  });
});

describe("GET /api/v1/staff/needs-help: refusals", () => {
  it("answers 401 without a session", async () => {
    const res = await api().get("/api/v1/staff/needs-help").expect(401);
    expect(res.body.error.code).toBe("unauthorized");
  });

  it("answers 403 to a learner, before reading the query, and audits nothing", async () => {
    const res = await needsHelp(learner, { tdpId: "" }).expect(403);
    expect(res.body.error.message).toContain('"report:view"');
    expect(auditRows()).toEqual([]);
  });

  it("answers 403 to a facilitator asking for another TDP, naming it, and lists nobody of it", async () => {
    const hoa = await resident("mau-1", "Bà Hoa");
    await answerWrongly(hoa, qr, 4);
    const res = await needsHelp(facilitator, { tdpId: "mau-1" }).expect(403);
    expect(res.body.error.message).toContain("mau-1");
    expect(JSON.stringify(res.body)).not.toContain("Bà Hoa");
    expect(auditRows()).toEqual([]);
  });

  it("answers 400 naming tdpId for a TDP the ward does not have, an empty one, or an unknown parameter", async () => {
    const unknown = await needsHelp(facilitator, { tdpId: "khong-co" }).expect(400);
    expect(unknown.body.error.fields).toEqual([{ path: "tdpId", message: expect.stringContaining("no such tổ dân phố") }]);
    const empty = await needsHelp(facilitator, { tdpId: "" }).expect(400);
    expect(empty.body.error.fields.map((f: { path: string }) => f.path)).toEqual(["tdpId"]);
    const extra = await needsHelp(facilitator, { days: "7" }).expect(400);
    expect(extra.body.error.fields).toEqual([{ path: "days", message: "is not a known field" }]);
    expect(auditRows()).toEqual([]);
  });

  it("answers 405 to anything but GET", async () => {
    await api().post("/api/v1/staff/needs-help").set(bearer(facilitator.token)).send({}).expect(405);
  });
});

// Learning in the chat: "học" starts a lesson's quiz, one question at a time with a button per
// option, feedback with the explanation, then the next question; a linked learner's answers
// count in the same progress as the mini app's (GET /api/v1/progress, the export). Also the
// link itself: follow links the OA follower to the mini-app account, unfollow unlinks.
import { catalog } from "@hocso/content/catalog";
import { lessons } from "@hocso/content/all-lessons";
import type { Lesson } from "@hocso/shared/content";
import request from "supertest";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bearer, countRows, decideConsent, signIn, type SignedIn } from "../support/api-harness.ts";
import {
  ask,
  follows,
  keyOf,
  newResident,
  press,
  presses,
  settled,
  startWebhookHarness,
  unfollows,
  writes,
  type ConversationEntry,
  type Resident,
  type WebhookHarness,
} from "../support/webhook-harness.ts";

let h: WebhookHarness;
const firstLesson = lessons.find((l) => l.id === catalog.modules[0]!.lessons[0]!.id)!;
const secondLesson = lessons.find((l) => l.id === catalog.modules[0]!.lessons[1]!.id)!;

beforeEach(async () => {
  h = await startWebhookHarness();
});
afterEach(() => h.stop());

function only(replies: ConversationEntry[]): ConversationEntry {
  expect(replies).toHaveLength(1);
  return replies[0]!;
}

function buttonFor(entry: ConversationEntry, lesson: Lesson, index: number, choice: number): string {
  const q = lesson.quiz[index]!;
  const payload = `tl ${q.id} ${choice + 1}`;
  expect(entry.buttons!.map((b) => b.payload)).toContain(payload);
  return payload;
}

function linkedOaId(learner: SignedIn): string | null {
  const row = h.db.prepare("SELECT oa_user_id FROM users WHERE zalo_id = ?").get(learner.zaloId) as {
    oa_user_id: string | null;
  };
  return row.oa_user_id;
}

/** Answers every question of the lesson by pressing buttons a minute apart: right ones where `right(i)`. */
async function answerAll(who: Resident, lesson: Lesson, first: ConversationEntry, right: (i: number) => boolean) {
  let current = first;
  for (let i = 0; i < lesson.quiz.length; i++) {
    h.clock.advance(60_000);
    const q = lesson.quiz[i]!;
    const choice = right(i) ? q.answer : (q.answer + 1) % q.options.length;
    current = only(await press(h, who, buttonFor(current, lesson, i, choice)));
  }
  return current;
}

describe("the chat quiz", () => {
  it("asks the first lesson's questions one at a time, gives feedback with the explanation, then the next question", async () => {
    const resident = await newResident(h);
    for (const text of ["học", "hoc", "HỌC"]) {
      const start = only(await ask(h, resident, text));
      const q0 = firstLesson.quiz[0]!;
      if (text === "học") {
        expect(start.text).toContain(`Bài “${firstLesson.title}”: ${firstLesson.quiz.length} câu hỏi ngắn.`);
      } else {
        expect(start.text).toContain("Bác đang làm dở một bài.");
      }
      expect(start.text).toContain(`Câu 1/${firstLesson.quiz.length}: ${q0.prompt}`);
      expect(start.buttons).toEqual(
        q0.options.map((o, i) => ({ title: `${i + 1}. ${o}`, type: "oa.query.show", payload: `tl ${q0.id} ${i + 1}` })),
      );
    }

    const q0 = firstLesson.quiz[0]!;
    const wrong = (q0.answer + 1) % q0.options.length;
    const afterWrong = only(await press(h, resident, `tl ${q0.id} ${wrong + 1}`));
    expect(afterWrong.text.startsWith(`Chưa đúng. Đáp án đúng là: ${q0.options[q0.answer]}`)).toBe(true);
    expect(afterWrong.text).toContain(q0.explanation);
    expect(afterWrong.text).toContain(`Câu 2/${firstLesson.quiz.length}: ${firstLesson.quiz[1]!.prompt}`);

    const q1 = firstLesson.quiz[1]!;
    const afterRight = only(await press(h, resident, `tl ${q1.id} ${q1.answer + 1}`));
    expect(afterRight.text.startsWith(`Đúng rồi! ${q1.explanation}`)).toBe(true);
    expect(afterRight.text).toContain(`Câu 3/${firstLesson.quiz.length}:`);

    const state = h.db.prepare("SELECT * FROM chat_quizzes WHERE oa_user_id = ?").get(resident.oaUserId);
    expect(state).toMatchObject({ lesson_id: firstLesson.id, question_index: 2, correct_count: 1 });
  });

  it("finishes with the score and the lesson's link, then moves on to the next lesson", async () => {
    const resident = await newResident(h);
    const start = only(await ask(h, resident, "hoc"));
    const done = await answerAll(resident, firstLesson, start, () => true);
    const n = firstLesson.quiz.length;
    expect(done.text).toContain(`Bác đã xong bài: đúng ${n}/${n} câu. Giỏi quá!`);
    expect(done.text).toContain(`https://zalo.me/s/hocso-local/bai/${firstLesson.id}`);
    expect(done.buttons!.map((b) => b.payload)).toEqual(["học", "lịch học"]);
    expect(only(await press(h, resident, "học")).text).toContain(`Bài “${secondLesson.title}”`);
  });

  it("takes a typed 1, 2 or 3 (or a, b, c) as the answer to the waiting question", async () => {
    const resident = await newResident(h);
    await ask(h, resident, "học");
    const q0 = firstLesson.quiz[0]!;
    const reply = only(await ask(h, resident, String(q0.answer + 1)));
    expect(reply.text.startsWith("Đúng rồi!")).toBe(true);
    const q1 = firstLesson.quiz[1]!;
    const letter = String.fromCharCode(97 + q1.answer).toUpperCase();
    expect(only(await ask(h, resident, letter)).text.startsWith("Đúng rồi!")).toBe(true);
  });

  it("answers a button of a question already answered by showing the waiting one, counting nothing twice", async () => {
    const resident = await newResident(h);
    await ask(h, resident, "học");
    const q0 = firstLesson.quiz[0]!;
    await press(h, resident, `tl ${q0.id} ${q0.answer + 1}`);
    const again = only(await press(h, resident, `tl ${q0.id} ${q0.answer + 1}`));
    expect(again.text).toContain("Câu đó bác đã trả lời rồi.");
    expect(again.text).toContain(`Câu 2/`);
    const state = h.db.prepare("SELECT correct_count, question_index FROM chat_quizzes WHERE oa_user_id = ?");
    expect(state.get(resident.oaUserId)).toEqual({ correct_count: 1, question_index: 1 });
    expect(only(await press(h, resident, `tl ${firstLesson.quiz[1]!.id} 9`)).text).toContain(
      "Bác bấm một trong các nút bên dưới nhé.",
    );
  });

  it("says how to start when an answer arrives with no quiz, and dừng ends a quiz in progress", async () => {
    const resident = await newResident(h);
    expect(only(await press(h, resident, "tl q1 1")).text).toBe("Bác chưa bắt đầu bài nào. Gõ HỌC để bắt đầu.");
    await ask(h, resident, "học");
    expect(only(await ask(h, resident, "dừng")).text).toContain("Đã dừng bài đang làm.");
    expect(only(await press(h, resident, "tl q1 1")).text).toContain("Gõ HỌC để bắt đầu.");
  });
});

describe("a linked learner's answers", () => {
  let learner: SignedIn;

  beforeEach(async () => {
    learner = await signIn(h, "Ông Mười");
    await settled(h, keyOf(await follows(h, learner)));
  });

  it("appear in GET /api/v1/progress and the export, with correctness from the course, under the progress consent", async () => {
    await decideConsent(h, learner, "progress", true);
    const start = only(await ask(h, learner, "học"));
    const done = await answerAll(learner, firstLesson, start, (i) => i !== 0);
    const n = firstLesson.quiz.length;
    expect(done.text).toContain(`đúng ${n - 1}/${n} câu`);

    const progress = await request(h.app).get("/api/v1/progress").set(bearer(learner.token)).expect(200);
    expect(progress.body.items).toEqual([
      {
        lessonId: firstLesson.id,
        stepIndex: firstLesson.steps.length,
        completedAt: h.clock.now().toISOString(),
        bestCorrect: n - 1,
        lastCorrect: n - 1,
        total: n,
        updatedAt: h.clock.now().toISOString(),
      },
    ]);
    const exported = await request(h.app).get("/api/v1/me/export").set(bearer(learner.token)).expect(200);
    expect(exported.body.me.oaScopedId).toBe(learner.oaUserId);
    const events = exported.body.learningEvents as Array<Record<string, unknown>>;
    expect(events.filter((e) => e.type === "answer")).toEqual(
      firstLesson.quiz.map((q, i) =>
        expect.objectContaining({
          lessonId: firstLesson.id,
          questionId: q.id,
          choice: i === 0 ? (q.answer + 1) % q.options.length : q.answer,
          correct: i !== 0,
          source: "quiz",
        }),
      ),
    );
    expect(events.filter((e) => e.type === "quiz-finished")).toEqual([
      expect.objectContaining({ lessonId: firstLesson.id, correct: n - 1, total: n }),
    ]);
  });

  it("start the quiz at the first lesson not yet passed in the mini app", async () => {
    await decideConsent(h, learner, "progress", true);
    await request(h.app)
      .put(`/api/v1/progress/${firstLesson.id}`)
      .set(bearer(learner.token))
      .send({
        stepIndex: firstLesson.steps.length,
        completed: true,
        quiz: { correct: firstLesson.quiz.length, total: firstLesson.quiz.length },
      })
      .expect(200);
    expect(only(await ask(h, learner, "học")).text).toContain(`Bài “${secondLesson.title}”`);
  });

  it("are not stored without the progress consent, and the last reply says so", async () => {
    const start = only(await ask(h, learner, "học"));
    const done = await answerAll(learner, firstLesson, start, () => true);
    expect(done.text).toContain("chưa được lưu vào ứng dụng vì bác chưa đồng ý lưu tiến độ học");
    expect(countRows(h, "learning_events")).toBe(0);
    expect(countRows(h, "progress")).toBe(0);
  });

  it("are recorded once even when Zalo delivers the same answer again", async () => {
    await decideConsent(h, learner, "progress", true);
    await ask(h, learner, "học");
    const q0 = firstLesson.quiz[0]!;
    const sent = await writes(h, learner, `tl ${q0.id} ${q0.answer + 1}`, { redeliver: 5 });
    await settled(h, keyOf(sent));
    expect(countRows(h, "answer_attempts")).toBe(1);
  });
});

describe("following the OA", () => {
  it("links the follower to the mini-app account whose Zalo id the event carries, and unfollowing unlinks", async () => {
    const learner = await signIn(h);
    const followed = await follows(h, learner);
    expect((await settled(h, keyOf(followed))).state).toBe("handled");
    expect(linkedOaId(learner)).toBe(learner.oaUserId);

    await ask(h, learner, `tdp giai-phong`);
    await ask(h, learner, "học");
    const left = await unfollows(h, learner);
    expect((await settled(h, keyOf(left))).repliesSent).toBe(0);
    expect(linkedOaId(learner)).toBeNull();
    // An unfollowed resident cannot be answered: what the chat kept about them goes too.
    expect(h.db.prepare("SELECT count(*) AS n FROM chat_residents WHERE oa_user_id = ?").get(learner.oaUserId)).toEqual({
      n: 0,
    });
    expect(h.db.prepare("SELECT count(*) AS n FROM chat_quizzes WHERE oa_user_id = ?").get(learner.oaUserId)).toEqual({
      n: 0,
    });
    await request(h.app).get("/api/v1/me").set(bearer(learner.token)).expect(200);
  });

  it("links nothing for a follower with no mini-app account", async () => {
    const resident = await newResident(h);
    await settled(h, keyOf(await follows(h, resident)));
    expect(h.db.prepare("SELECT count(*) AS n FROM users WHERE oa_user_id IS NOT NULL").get()).toEqual({ n: 0 });
  });

  it("links a learner who writes to the OA without a follow event first", async () => {
    const learner = await signIn(h);
    await ask(h, learner, "giúp");
    expect(linkedOaId(learner)).toBe(learner.oaUserId);
  });

  it("loses the link with the account when the learner deletes their data", async () => {
    const learner = await signIn(h);
    await settled(h, keyOf(await follows(h, learner)));
    await request(h.app).delete("/api/v1/me").set(bearer(learner.token)).expect(204);
    expect(h.db.prepare("SELECT count(*) AS n FROM users WHERE oa_user_id = ?").get(learner.oaUserId)).toEqual({ n: 0 });
    // The resident still gets answers in the chat, as anyone does.
    expect(only(await ask(h, learner, "giúp")).text).toContain("LỊCH HỌC");
  });

  it("answers a button press from a follower right after following", async () => {
    const resident = await newResident(h);
    await settled(h, keyOf(await follows(h, resident)));
    const sent = await presses(h, resident, "lịch học");
    expect((await settled(h, keyOf(sent))).state).toBe("handled");
  });
});

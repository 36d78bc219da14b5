// The chat quiz: "học" starts a lesson's quiz, one question at a time with a button per
// option ("tl <questionId> <n>"), feedback and the explanation after each answer, then the
// next question. A linked learner who gave the progress consent gets each answer and the
// finished quiz recorded as learning events, exactly as the mini app's sync records them.
import { createHash } from "node:crypto";
import type { SyncEvent } from "@hocso/shared/api";
import type { Lesson, Question } from "@hocso/shared/content";
import { isPassing } from "@hocso/shared/learner";
import { findChatQuiz, saveChatQuizPosition, startChatQuiz, type ChatQuiz } from "../../db/chat-residents.ts";
import { hasGrantedConsent } from "../../db/consents.ts";
import { listProgress } from "../../db/progress.ts";
import { lessonLink } from "@hocso/shared/mini-app-links";
import type { ChatDeps } from "./chat-deps.ts";
import { BUTTONS, TEXT } from "./chat-text.ts";
import type { Reply } from "./reply.ts";
import type { Resident } from "./resident.ts";

/** Starts the next lesson's quiz, or repeats the waiting question of one in progress. */
export function startQuiz(deps: ChatDeps, resident: Resident): Reply {
  const current = activeQuiz(deps, resident.oaUserId);
  if (current) return prefixed(TEXT.quizResume, questionReply(current.lesson, current.index));
  const lesson = nextLesson(deps, resident);
  startChatQuiz(deps.db, resident.oaUserId, lesson.id, deps.clock.now());
  return prefixed(TEXT.quizIntro(lesson.title, lesson.quiz.length), questionReply(lesson, 0));
}

/** An answer from a button or typed; `eventKey` makes the learning events' ids, so a re-handled event adds nothing. */
export function answerQuestion(
  deps: ChatDeps,
  resident: Resident,
  answer: { questionId: string | null; choice: number },
  eventKey: string,
): Reply {
  const current = activeQuiz(deps, resident.oaUserId);
  if (!current) return { text: TEXT.noQuiz, buttons: [BUTTONS.quiz, BUTTONS.help] };
  const { lesson, index, quiz } = current;
  const question = lesson.quiz[index]!;
  if (answer.questionId !== null && answer.questionId !== question.id) {
    return prefixed(TEXT.alreadyAnswered, questionReply(lesson, index));
  }
  const choice = answer.choice - 1;
  if (choice < 0 || choice >= question.options.length) return prefixed(TEXT.pickAButton, questionReply(lesson, index));

  const now = deps.clock.now();
  const correct = choice === question.answer;
  const correctCount = quiz.correctCount + (correct ? 1 : 0);
  const finished = index + 1 >= lesson.quiz.length;
  const feedback = correct
    ? TEXT.right(question.explanation)
    : TEXT.wrong(question.options[question.answer]!, question.explanation);
  saveChatQuizPosition(deps.db, resident.oaUserId, { questionIndex: finished ? null : index + 1, correctCount }, now);
  const kept = recordAnswer(deps, resident, { lesson, question, choice, correctCount, finished, eventKey, at: now });
  if (!finished) return prefixed(feedback, questionReply(lesson, index + 1));
  const summary = [
    feedback,
    "",
    TEXT.quizDone(correctCount, lesson.quiz.length, isPassing(correctCount, lesson.quiz.length)),
    TEXT.reviewInApp(lessonLink(deps.miniAppId, lesson.id)),
    ...(kept === "no-consent" ? [TEXT.progressNotKept] : []),
  ];
  return { text: summary.join("\n"), buttons: [BUTTONS.nextQuiz, BUTTONS.schedule] };
}

/** Ends a quiz in progress ("dừng"); true if there was one. "học" then moves on to the next lesson. */
export function stopQuiz(deps: ChatDeps, resident: Resident): boolean {
  const current = activeQuiz(deps, resident.oaUserId);
  if (!current) return false;
  saveChatQuizPosition(
    deps.db,
    resident.oaUserId,
    { questionIndex: null, correctCount: current.quiz.correctCount },
    deps.clock.now(),
  );
  return true;
}

/** The lesson of a quiz in progress, for "mở app". */
export function lessonInProgress(deps: ChatDeps, oaUserId: string): Lesson | undefined {
  return activeQuiz(deps, oaUserId)?.lesson;
}

function activeQuiz(deps: ChatDeps, oaUserId: string): { quiz: ChatQuiz; lesson: Lesson; index: number } | undefined {
  const quiz = findChatQuiz(deps.db, oaUserId);
  if (!quiz || quiz.questionIndex === null) return undefined;
  const lesson = deps.lessons.find((l) => l.id === quiz.lessonId);
  // The course changed under a quiz in progress: treat it as finished.
  if (!lesson || quiz.questionIndex >= lesson.quiz.length) return undefined;
  return { quiz, lesson, index: quiz.questionIndex };
}

/**
 * A linked learner with the progress consent: the first lesson in course order not passed
 * yet. Anyone else (and a learner who passed them all): the lesson after the last one done
 * in the chat, from the start of the course after the last.
 */
function nextLesson(deps: ChatDeps, resident: Resident): Lesson {
  const { lessons } = deps;
  const user = resident.user;
  if (user && hasGrantedConsent(deps.db, user.id, "progress")) {
    const passed = new Set(
      listProgress(deps.db, user.id)
        .filter((p) => p.bestCorrect !== null && p.total !== null && isPassing(p.bestCorrect, p.total))
        .map((p) => p.lessonId),
    );
    const open = lessons.find((l) => !passed.has(l.id));
    if (open) return open;
  }
  const last = findChatQuiz(deps.db, resident.oaUserId);
  const lastIndex = last ? lessons.findIndex((l) => l.id === last.lessonId) : -1;
  return lessons[(lastIndex + 1) % lessons.length]!;
}

function questionReply(lesson: Lesson, index: number): Reply {
  const q = lesson.quiz[index]!;
  const options = q.options.map((o, i) => `${i + 1}. ${o}`);
  return {
    text: [TEXT.question(index + 1, lesson.quiz.length, q.prompt), ...options].join("\n"),
    buttons: options.map((title, i) => ({ title, payload: `tl ${q.id} ${i + 1}` })),
  };
}

function prefixed(lead: string, reply: Reply): Reply {
  return { ...reply, text: `${lead}\n\n${reply.text}` };
}

type Kept = "kept" | "no-consent" | "not-linked";

function recordAnswer(
  deps: ChatDeps,
  resident: Resident,
  a: {
    lesson: Lesson;
    question: Question;
    choice: number;
    correctCount: number;
    finished: boolean;
    eventKey: string;
    at: Date;
  },
): Kept {
  const user = resident.user;
  if (!user) return "not-linked";
  if (!hasGrantedConsent(deps.db, user.id, "progress")) return "no-consent";
  const at = a.at.toISOString();
  const events: SyncEvent[] = [
    {
      id: eventUuid(`${a.eventKey}:answer`),
      type: "answer",
      lessonId: a.lesson.id,
      questionId: a.question.id,
      choice: a.choice,
      source: "quiz",
      at,
    },
  ];
  if (a.finished) {
    events.push({
      id: eventUuid(`${a.eventKey}:quiz-finished`),
      type: "quiz-finished",
      lessonId: a.lesson.id,
      correct: a.correctCount,
      total: a.lesson.quiz.length,
      at,
    });
  }
  deps.recordLearning(user.id, events);
  return "kept";
}

/** A UUID (version 8, RFC 9562) made from a seed: the same event handled twice gets the same ids. */
export function eventUuid(seed: string): string {
  const h = createHash("sha256").update(seed, "utf8").digest("hex");
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

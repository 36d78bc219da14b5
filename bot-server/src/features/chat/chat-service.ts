// A resident's text message to the OA → the replies. Every message gets an answer: a command,
// or a short menu with buttons. State changes (TDP choice, reminders, quiz position, learning
// events) happen in one transaction; the caller sends the replies afterwards.
import { saveChatTdp } from "../../db/chat-residents.ts";
import { listResidentialGroups } from "../../db/residential-groups.ts";
import { lessonLink, miniAppLink } from "@hocso/shared/mini-app-links";
import type { ChatDeps } from "./chat-deps.ts";
import { BUTTONS, TEXT } from "./chat-text.ts";
import { parseCommand, type Command } from "./commands.ts";
import { answerQuestion, lessonInProgress, startQuiz, stopQuiz } from "./quiz.ts";
import { hasReminders, subscribeReminders, withdrawReminders } from "./reminders.ts";
import type { Reply } from "./reply.ts";
import { loadResident, type Resident } from "./resident.ts";
import { scheduleReply, tdpChooser } from "./schedule.ts";

const MENU_BUTTONS = [BUTTONS.schedule, BUTTONS.quiz, BUTTONS.openApp, BUTTONS.remind, BUTTONS.help];

/** The command a text is (for the log: its kind only, never the text). */
export function commandKind(text: string): Command["kind"] {
  return parseCommand(text).kind;
}

export function replyToText(deps: ChatDeps, oaUserId: string, text: string, eventKey: string): Reply[] {
  const command = parseCommand(text);
  return deps.db.transaction(() => {
    const resident = loadResident(deps.db, oaUserId);
    return answer(deps, resident, command, eventKey);
  })();
}

function answer(deps: ChatDeps, resident: Resident, command: Command, eventKey: string): Reply[] {
  switch (command.kind) {
    case "schedule":
      return resident.tdp ? [scheduleReply(deps, resident.tdp, true)] : tdpChooser(deps);
    case "choose-tdp":
      return chooseTdp(deps, resident, command.tdpId);
    case "quiz":
      return [startQuiz(deps, resident)];
    case "answer":
      // A bare "1" with no question waiting is just a message: answer it with the menu.
      if (command.questionId === null && !lessonInProgress(deps, resident.oaUserId)) return [menu()];
      return [answerQuestion(deps, resident, command, eventKey)];
    case "open-app":
      return [openApp(deps, resident)];
    case "remind":
      return [remindersNotice(deps, resident)];
    case "confirm-reminders":
      return confirmReminders(deps, resident);
    case "stop":
      return [stop(deps, resident)];
    case "help":
      return [{ text: TEXT.help(deps.wardName), buttons: MENU_BUTTONS }];
    case "other":
      return [menu()];
  }
}

export function menu(lead: string = TEXT.fallback): Reply {
  return { text: lead, buttons: [BUTTONS.schedule, BUTTONS.quiz, BUTTONS.openApp, BUTTONS.help] };
}

export function welcome(deps: ChatDeps): Reply {
  return { text: `${TEXT.welcome(deps.wardName)}\n\n${TEXT.help(deps.wardName)}`, buttons: MENU_BUTTONS };
}

/** Keeps only the TDP the resident picked, in the chat's own record, then shows its classes. */
function chooseTdp(deps: ChatDeps, resident: Resident, tdpId: string | null): Reply[] {
  const tdp = tdpId === null ? undefined : listResidentialGroups(deps.db).find((g) => g.id === tdpId);
  if (!tdp) return tdpChooser(deps, tdpId === null ? [] : [TEXT.unknownTdp]);
  saveChatTdp(deps.db, resident.oaUserId, tdp.id, deps.clock.now());
  const schedule = scheduleReply(deps, tdp, true);
  return [{ ...schedule, text: `${TEXT.tdpChosen(tdp.name)}\n\n${schedule.text}` }];
}

function openApp(deps: ChatDeps, resident: Resident): Reply {
  const lines = [TEXT.openApp(miniAppLink(deps.miniAppId))];
  const lesson = lessonInProgress(deps, resident.oaUserId);
  if (lesson) lines.push(TEXT.openLesson(lesson.title, lessonLink(deps.miniAppId, lesson.id)));
  return { text: lines.join("\n"), buttons: [BUTTONS.schedule, BUTTONS.quiz] };
}

/** "nhắc lịch": says what the reminders are and asks; nothing is recorded until the resident agrees. */
function remindersNotice(deps: ChatDeps, resident: Resident): Reply {
  if (hasReminders(deps, resident)) return { text: TEXT.remindersAlreadyOn, buttons: [BUTTONS.schedule, BUTTONS.stop] };
  return { text: TEXT.remindersNotice(deps.controller, deps.reminderTimes()), buttons: [BUTTONS.agreeReminders] };
}

/** "Đồng ý nhận nhắc lịch": the consent itself, with the notice's version and the time. */
function confirmReminders(deps: ChatDeps, resident: Resident): Reply[] {
  if (!subscribeReminders(deps, resident)) {
    return [{ text: TEXT.remindersAlreadyOn, buttons: [BUTTONS.schedule, BUTTONS.stop] }];
  }
  const confirmation = TEXT.remindersOn(deps.reminderTimes());
  if (resident.tdp) return [{ text: confirmation, buttons: [BUTTONS.schedule, BUTTONS.stop] }];
  return tdpChooser(deps, [confirmation, "", TEXT.remindersNeedTdp]);
}

/** "dừng": withdraws reminders and ends a quiz in progress, saying which it did. */
function stop(deps: ChatDeps, resident: Resident): Reply {
  const withdrew = withdrawReminders(deps, resident);
  const quizStopped = stopQuiz(deps, resident);
  const lines = [
    ...(withdrew || !quizStopped ? [withdrew ? TEXT.remindersOff : TEXT.remindersWereOff] : []),
    ...(quizStopped ? [TEXT.quizStopped] : []),
  ];
  return { text: lines.join("\n"), buttons: [BUTTONS.schedule, BUTTONS.quiz, BUTTONS.help] };
}

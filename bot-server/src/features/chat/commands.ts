// What a resident's message asks for. Matching is on the normalised text (normalise.ts), so
// accents, case and punctuation do not matter.
import { normaliseCommand } from "./normalise.ts";

export type Command =
  | { kind: "schedule" }
  | { kind: "quiz" }
  | { kind: "open-app" }
  /** shows what reminders are and asks for consent; records nothing */
  | { kind: "remind" }
  /** the explicit consent: the "Đồng ý nhận nhắc lịch" button, or the same words typed */
  | { kind: "confirm-reminders" }
  | { kind: "stop" }
  | { kind: "help" }
  /** "tdp <id>" from a chooser button; tdpId null for "đổi tổ" (show the chooser) */
  | { kind: "choose-tdp"; tdpId: string | null }
  /**
   * An answer: "tl <questionId> <n>" from a button (n counts from 1, as the options are
   * numbered), or a bare "1"/"a" typed while a question waits (questionId null).
   */
  | { kind: "answer"; questionId: string | null; choice: number }
  | { kind: "other" };

const PHRASES: Record<string, Command> = {
  "lich hoc": { kind: "schedule" },
  lich: { kind: "schedule" },
  "xem lich": { kind: "schedule" },
  "lich hoc sap toi": { kind: "schedule" },
  hoc: { kind: "quiz" },
  "hoc thu": { kind: "quiz" },
  "hoc bai": { kind: "quiz" },
  "mo app": { kind: "open-app" },
  "ung dung": { kind: "open-app" },
  "mo ung dung": { kind: "open-app" },
  app: { kind: "open-app" },
  "nhac lich": { kind: "remind" },
  "dong y nhac lich": { kind: "confirm-reminders" },
  "dong y nhan nhac lich": { kind: "confirm-reminders" },
  dung: { kind: "stop" },
  stop: { kind: "stop" },
  ngung: { kind: "stop" },
  "dung nhac lich": { kind: "stop" },
  "ngung nhac lich": { kind: "stop" },
  giup: { kind: "help" },
  "tro giup": { kind: "help" },
  "huong dan": { kind: "help" },
  help: { kind: "help" },
  menu: { kind: "help" },
  "doi to": { kind: "choose-tdp", tdpId: null },
  "chon to": { kind: "choose-tdp", tdpId: null },
};

const BUTTON_ANSWER = /^tl ([a-z0-9-]{1,64}) ([1-9])$/;
const TYPED_ANSWER = /^([1-9]|[a-c])$/;
const TDP_CHOICE = /^tdp ([a-z0-9]+(?:-[a-z0-9]+)*)$/;

export function parseCommand(text: string): Command {
  const t = normaliseCommand(text);
  const phrase = PHRASES[t];
  if (phrase) return phrase;
  const button = BUTTON_ANSWER.exec(t);
  if (button) return { kind: "answer", questionId: button[1]!, choice: Number(button[2]) };
  const typed = TYPED_ANSWER.exec(t);
  if (typed) {
    const c = typed[1]!;
    return { kind: "answer", questionId: null, choice: /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 96 };
  }
  const tdp = TDP_CHOICE.exec(t);
  if (tdp) return { kind: "choose-tdp", tdpId: tdp[1]! };
  return { kind: "other" };
}

/** In a TDP group only "#lich" ("#lịch", "#LỊCH", "#lịch học") gets an answer; the rest is residents talking. */
export function isGroupScheduleCommand(text: string): boolean {
  return /^#lich( hoc)?$/.test(normaliseCommand(text));
}

// The resident's consent to personal class reminders: recorded only on the explicit
// "Đồng ý nhận nhắc lịch" after "nhắc lịch" showed what it means (DOMAIN.md §5.1), with the
// notice's version and the time; "dừng" withdraws it and stops the personal reminders not sent
// yet. A linked learner's decision goes to their account's consents, a chat-only resident's to
// chat_residents. The reminder planner (features/reminders) reads these decisions.
import { saveChatReminders } from "../../db/chat-residents.ts";
import { hasGrantedConsent, recordConsent } from "../../db/consents.ts";
import { deletePersonalMessages } from "../../db/outbox.ts";
import type { ChatDeps } from "./chat-deps.ts";
import { CHAT_REMINDERS_TEXT_VERSION } from "./chat-text.ts";
import type { Resident } from "./resident.ts";

function decision(deps: ChatDeps, granted: boolean) {
  return { granted, textVersion: CHAT_REMINDERS_TEXT_VERSION, decidedAt: deps.clock.now().toISOString() };
}

/** Whether the consent is given where this resident's decision lives (the account, else the chat). */
export function hasReminders(deps: ChatDeps, resident: Resident): boolean {
  if (resident.user) return hasGrantedConsent(deps.db, resident.user.id, "reminders");
  return resident.chat?.reminders?.granted === true;
}

/** Gives the reminders consent; false when it was already given. */
export function subscribeReminders(deps: ChatDeps, resident: Resident): boolean {
  if (hasReminders(deps, resident)) return false;
  const given = decision(deps, true);
  if (resident.user) recordConsent(deps.db, resident.user.id, { purpose: "reminders", ...given });
  else saveChatReminders(deps.db, resident.oaUserId, given);
  return true;
}

/** Withdraws it wherever it was given (the account, the chat, or both); false if it was given nowhere. */
export function withdrawReminders(deps: ChatDeps, resident: Resident): boolean {
  const withdrawn = decision(deps, false);
  let withdrew = false;
  if (resident.user && hasGrantedConsent(deps.db, resident.user.id, "reminders")) {
    recordConsent(deps.db, resident.user.id, { purpose: "reminders", ...withdrawn });
    withdrew = true;
  }
  if (resident.chat?.reminders?.granted) {
    saveChatReminders(deps.db, resident.oaUserId, withdrawn);
    withdrew = true;
  }
  const ids = [resident.oaUserId, resident.user?.zaloId].filter((id) => id != null);
  deletePersonalMessages(deps.db, ids, { unsentOnly: true });
  return withdrew;
}

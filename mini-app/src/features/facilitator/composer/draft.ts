// The announcement being written, kept on the phone until it is sent, so leaving the composer
// (a call comes in, the app closes) loses nothing. Plus the composer's pure checks: the text,
// the groups and the time, in the same terms the server uses (shared/announcements.ts).
import * as z from "zod/mini";
import { SEND_AT_GRACE_MS, SEND_AT_MAX_DAYS } from "@hocso/shared/announcements";
import { nextSendableTime, type QuietHours } from "@hocso/shared/quiet-hours";
import { createDeviceStore } from "../../../app/device-store.ts";
import { instantOfFields } from "../ward-time.ts";

export const DRAFT_KEY = "hocso:announcement-draft";

const DraftSchema = z.object({
  text: z.string(),
  urgent: z.boolean(),
  tdpIds: z.array(z.string()),
  when: z.enum(["now", "later"]),
  /** ward date and time of a scheduled one, as typed (YYYY-MM-DD, HH:MM) */
  date: z.string(),
  time: z.string(),
});
export type Draft = z.infer<typeof DraftSchema>;

export const EMPTY_DRAFT: Draft = { text: "", urgent: false, tdpIds: [], when: "now", date: "", time: "" };

export const draftStore = createDeviceStore<Draft>(DRAFT_KEY, DraftSchema, EMPTY_DRAFT);

export type TimeProblem = "missing" | "past" | "too-far";

/** When it goes: null for "Gửi ngay", else the ward time typed; or what is wrong with that time. */
export function sendTime(draft: Draft, now: Date): { at: Date | null; problem: TimeProblem | null } {
  if (draft.when === "now") return { at: null, problem: null };
  const at = instantOfFields(draft.date, draft.time);
  if (!at) return { at: null, problem: "missing" };
  if (at.getTime() < now.getTime() - SEND_AT_GRACE_MS) return { at, problem: "past" };
  if (at.getTime() > now.getTime() + SEND_AT_MAX_DAYS * 86_400_000) return { at, problem: "too-far" };
  return { at, problem: null };
}

/**
 * The moment quiet hours let a non-urgent announcement go, when they hold it; null when they
 * do not (it is urgent, or the time is outside them).
 */
export function heldUntil(at: Date, urgent: boolean, quiet: QuietHours): Date | null {
  if (urgent) return null;
  const sendable = nextSendableTime(at, quiet);
  return sendable.getTime() === at.getTime() ? null : sendable;
}

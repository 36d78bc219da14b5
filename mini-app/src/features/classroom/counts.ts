// The two numbers of a question asked to the room, as typed: checked before anything is sent,
// by the same limits the server applies (shared/src/classroom.ts).
import { CLASSROOM_MAX_PRESENT } from "@hocso/shared/classroom";
import { strings } from "../../app/strings.ts";

export type CheckedCounts =
  | { ok: true; present: number; right: number }
  | { ok: false; field: "present" | "right"; message: string };

/** A whole number typed into a field, or null. */
export function toCount(text: string): number | null {
  const trimmed = text.trim();
  return /^\d{1,4}$/.test(trimmed) ? Number(trimmed) : null;
}

export function checkCounts(presentText: string, rightText: string): CheckedCounts {
  const t = strings.classroom;
  const present = toCount(presentText);
  if (present === null || present < 1 || present > CLASSROOM_MAX_PRESENT) {
    return { ok: false, field: "present", message: t.presentInvalid };
  }
  const right = toCount(rightText);
  if (right === null) return { ok: false, field: "right", message: t.rightInvalid };
  if (right > present) return { ok: false, field: "right", message: t.rightTooMany };
  return { ok: true, present, right };
}

/** The field's value after a big "+" or "−": one more or less, kept within [min, max]. */
export function stepCount(text: string, delta: 1 | -1, min: number, max: number): string {
  const next = (toCount(text) ?? 0) + delta;
  return String(Math.min(max, Math.max(min, next)));
}

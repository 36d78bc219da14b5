// Who the Official Account may send a CS message to: someone who followed, wrote or pressed
// a button within the last 7 days (ZALO.md §1.5), by the sandbox clock.
import type { SandboxUser } from "../store.ts";

export const CS_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

export function isWithinCsWindow(user: SandboxUser, now: number): boolean {
  if (user.lastInteractionAt === null) return false;
  return now - Date.parse(user.lastInteractionAt) < CS_WINDOW_MS;
}

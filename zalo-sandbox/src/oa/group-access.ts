// Whether the OA may act in a group through GMF (ZALO.md §3.1, §1.7): only in a group the
// sandbox knows with the OA in it (else -403), and only while it is enabled (else -237).
import type { SandboxGroup } from "../groups.ts";
import { ZALO_FAILURES, type ZaloFailure } from "../zalo-envelope.ts";

export function groupRefusal(group: SandboxGroup | undefined): ZaloFailure | undefined {
  if (!group || !group.oaInGroup) return ZALO_FAILURES.oaNotInGroup;
  if (group.status === "disabled") return ZALO_FAILURES.groupDisabled;
  return undefined;
}

// Sandbox mode only: the Zalo sandbox stands for the ward's OA, and a ward admin would have
// created one OA-owned group per TDP in OA Manager. At start-up the server asks the sandbox
// to hold a group for every TDP whose channel is "sandbox", so `pnpm start` shows reminders
// landing in groups with no setup. Never used in live mode: real groups are made by people.
import axios from "axios";
import type { Logger } from "../lib/logger.ts";

export interface SandboxGroup {
  groupId: string;
  name: string;
}

/**
 * Creates the groups the sandbox does not have yet (an existing one keeps its state, e.g. a
 * fault test that disabled it). Returns how many were created; a sandbox that cannot be
 * reached is logged, not fatal: the sender's -403 will say which group is missing.
 */
export async function ensureSandboxGroups(
  sandboxUrl: string,
  groups: readonly SandboxGroup[],
  logger: Logger,
): Promise<number> {
  const http = axios.create({ baseURL: sandboxUrl, timeout: 5000, validateStatus: () => true });
  try {
    const { data } = await http.get<{ groups?: Array<{ groupId: string }> }>("/sandbox/oa/groups");
    const existing = new Set((data.groups ?? []).map((g) => g.groupId));
    const missing = groups.filter((g) => !existing.has(g.groupId));
    for (const group of missing) {
      const res = await http.put(`/sandbox/oa/groups/${encodeURIComponent(group.groupId)}`, { name: group.name });
      if (res.status >= 300) throw new Error(`the sandbox answered ${res.status} for group ${group.groupId}`);
    }
    if (missing.length > 0) logger.info({ created: missing.map((g) => g.groupId) }, "sandbox groups created");
    return missing.length;
  } catch (err) {
    logger.warn({ err: (err as Error).message }, "could not prepare the sandbox's TDP groups");
    return 0;
  }
}

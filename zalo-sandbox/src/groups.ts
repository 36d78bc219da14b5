// The OA-owned group chats (GMF, ZALO.md §3.1) the sandbox knows, in the order they came to
// be: registered through the control API, seeded at start, or born with a member's first
// message. Whether the OA is in a group and whether it is enabled decide what GMF answers.
import { z } from "zod";
import { GROUP_ID } from "./ids.ts";

export const GROUP_STATUSES = ["enabled", "disabled"] as const;
export type GroupStatus = (typeof GROUP_STATUSES)[number];

export const SandboxGroupSchema = z.object({
  groupId: z.string().regex(GROUP_ID),
  name: z.string(),
  /** "disabled" stands for a group whose GMF asset lapsed: sends answer -237 */
  status: z.enum(GROUP_STATUSES),
  /** false: the OA is not (or no longer) a member, so GMF answers -403 */
  oaInGroup: z.boolean(),
  /** ISO-8601 by the sandbox clock */
  createdAt: z.string(),
});
export type SandboxGroup = z.infer<typeof SandboxGroupSchema>;

export type GroupSettings = Pick<SandboxGroup, "name" | "status" | "oaInGroup">;

export class GroupRegistry {
  readonly #groups = new Map<string, SandboxGroup>();

  get(groupId: string): SandboxGroup | undefined {
    return this.#groups.get(groupId);
  }

  /** In creation order. */
  list(): SandboxGroup[] {
    return [...this.#groups.values()];
  }

  /** Creates the group, or replaces its settings keeping when it was created. */
  put(groupId: string, settings: GroupSettings, createdAt: string): { group: SandboxGroup; created: boolean } {
    const existing = this.#groups.get(groupId);
    const group: SandboxGroup = { groupId, ...settings, createdAt: existing?.createdAt ?? createdAt };
    this.#groups.set(groupId, group);
    return { group, created: existing === undefined };
  }

  toJSON(): SandboxGroup[] {
    return this.list();
  }

  load(saved: SandboxGroup[]): void {
    for (const group of saved) this.#groups.set(group.groupId, { ...group });
  }
}

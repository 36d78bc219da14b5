// Zalo OA `GET /v3.0/oa/group/getgroupsofoa?offset=&count=` (GMF, ZALO.md §3.1): the groups
// the OA is in, in the order they were created. Groups it is not in are not listed at all.
import { createHash } from "node:crypto";
import type { RequestHandler } from "express";
import type { SandboxGroup } from "../groups.ts";
import type { SandboxStore } from "../store.ts";
import { invalidParam, sendZaloFailure, sendZaloSuccess } from "../zalo-envelope.ts";
import { parsePaging } from "./paging.ts";

/** ZALO.md §3.1 (SPEC §6.2): count defaults to 5; the sandbox allows at most 50. */
const PAGING = { count: 5, maxCount: 50 };

export function listGroupsOfOa(store: SandboxStore): RequestHandler {
  return (req, res) => {
    const paging = parsePaging(req, PAGING);
    if (!paging.ok) return sendZaloFailure(res, invalidParam(paging.problem));
    const groups = store.listGroups().filter((g) => g.oaInGroup);
    const page = groups.slice(paging.offset, paging.offset + paging.count);
    sendZaloSuccess(res, {
      data: {
        offset: paging.offset,
        /** how many groups this page holds */
        count: page.length,
        total: groups.length,
        groups: page.map((g) => groupItem(store, g)),
      },
    });
  };
}

function groupItem(store: SandboxStore, group: SandboxGroup) {
  return {
    group_id: group.groupId,
    name: group.name,
    status: group.status,
    total_member: memberCount(store, group.groupId),
    group_link: groupLink(group.groupId),
  };
}

/** The members who have written in it, plus the OA itself. */
function memberCount(store: SandboxStore, groupId: string): number {
  const writers = new Set(store.groupConversation(groupId).flatMap((e) => (e.userId ? [e.userId] : [])));
  return writers.size + 1;
}

/** A join link shaped like Zalo's (https://zalo.me/g/xxxx), the same for a group every time. */
export function groupLink(groupId: string): string {
  return `https://zalo.me/g/${createHash("sha256").update(groupId).digest("hex").slice(0, 10)}`;
}

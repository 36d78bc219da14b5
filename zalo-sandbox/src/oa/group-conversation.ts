// Zalo OA `GET /v3.0/oa/group/conversation?group_id=&offset=&count=` (GMF, ZALO.md §3.1): a
// group's messages, newest first. The bot server reads it to learn whether a send whose answer
// was lost did arrive before sending again (DESIGN.md "Delivery guarantees").
//
// Item shape: no live response was found. It follows the 1-1 history endpoint
// `GET /v2.0/oa/conversation`, whose items public client code reads as message_id, src
// (1 = from the user, 0 = from the OA), time (epoch ms), type, message, from_id,
// from_display_name, to_id, to_display_name; a GMF reference compiled from
// docs.zaloplatforms.com (ZALO.md's GMF-REF) says the group history has that structure plus
// group_id, and a research note on the GMF pages lists from_id, from_display_name and
// message_id. So: shape partly unconfirmed; offset 0 is the newest message, as on v2.0.
import type { RequestHandler } from "express";
import { GROUP_ID } from "../ids.ts";
import type { ConversationEntry } from "../conversations.ts";
import type { SandboxGroup } from "../groups.ts";
import type { SandboxStore } from "../store.ts";
import { invalidParam, sendZaloFailure, sendZaloSuccess } from "../zalo-envelope.ts";
import { groupRefusal } from "./group-access.ts";
import { parsePaging } from "./paging.ts";

const PAGING = { count: 10, maxCount: 50 };

export interface GroupConversationDeps {
  store: SandboxStore;
  oa: { oaId: string; name: string };
}

export function readGroupConversation({ store, oa }: GroupConversationDeps): RequestHandler {
  return (req, res) => {
    const groupId = req.query.group_id;
    if (typeof groupId !== "string" || !GROUP_ID.test(groupId)) {
      return sendZaloFailure(res, invalidParam("group_id must be 1–64 letters, digits, _ or -"));
    }
    const paging = parsePaging(req, PAGING);
    if (!paging.ok) return sendZaloFailure(res, invalidParam(paging.problem));
    const group = store.findGroup(groupId);
    const refusal = groupRefusal(group);
    if (refusal || !group) return sendZaloFailure(res, refusal ?? invalidParam("group_id is unknown"));
    const newestFirst = store.groupConversation(groupId).reverse();
    const page = newestFirst.slice(paging.offset, paging.offset + paging.count);
    sendZaloSuccess(res, { data: page.map((entry) => item(store, oa, group, entry)) });
  };
}

function item(store: SandboxStore, oa: GroupConversationDeps["oa"], group: SandboxGroup, entry: ConversationEntry) {
  const member = entry.userId === undefined ? undefined : store.findUser(entry.userId);
  const fromOa = entry.direction !== "user→oa";
  return {
    message_id: entry.msgId,
    src: fromOa ? 0 : 1,
    time: Date.parse(entry.at),
    type: "text",
    message: entry.text,
    from_id: fromOa ? oa.oaId : (member?.oaUserId ?? entry.userId ?? ""),
    from_display_name: fromOa ? oa.name : (member?.name ?? ""),
    to_id: group.groupId,
    to_display_name: group.name,
    group_id: group.groupId,
  };
}

// "#lich" in a Zalo group: which TDP (tổ dân phố) the group's schedule is for, and the reply.
// 1. the TDP whose zalo_group_id (residential_groups) is this group: an OA-owned TDP group;
// 2. else a short line asking residents to write "lịch học" to the OA privately, where the
//    chat asks for their TDP. The writer's own TDP is never used here: posting it would tell
//    the whole group which TDP they live in (personal data). Nothing is stored either way.
import { findResidentialGroupByZaloGroupId } from "../../db/residential-groups.ts";
import type { ChatDeps } from "./chat-deps.ts";
import { TEXT } from "./chat-text.ts";
import type { Reply } from "./reply.ts";
import { scheduleReply } from "./schedule.ts";

export interface GroupScheduleAnswer {
  reply: Reply;
  /** for the log: the TDP answered for and where it came from */
  tdpId: string | null;
  tdpFrom: "group" | null;
}

export function groupScheduleReply(deps: ChatDeps, groupId: string): GroupScheduleAnswer {
  const groupTdp = findResidentialGroupByZaloGroupId(deps.db, groupId);
  if (groupTdp) return { reply: scheduleReply(deps, groupTdp, false), tdpId: groupTdp.id, tdpFrom: "group" };
  return { reply: { text: TEXT.groupTdpUnknown(deps.wardName) }, tdpId: null, tdpFrom: null };
}

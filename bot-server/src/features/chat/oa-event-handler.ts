// What the bot does with each stored OA event, after the webhook has answered Zalo:
// - user_send_text: link the account if the event says whose it is, answer the message;
// - other user_send_* (image, sticker, …): a menu asking for text;
// - follow: link the account, welcome; unfollow: unlink and forget the chat's record;
// - user_send_group_text: "#lich" answers in the group (group-schedule.ts says for which
//   TDP), anything else is left alone;
// - user_submit_info: nothing stored (see below), a short reply saying so;
// - anything else (the OA's own messages echoed back, group lifecycle …): nothing.
// Replies go out through the OA adapter; a Zalo refusal is the outcome's failure.
import { forgetChatResident } from "../../db/chat-residents.ts";
import { findUserByZaloId, linkOaUser, unlinkOaUser } from "../../db/users.ts";
import type { Logger } from "../../lib/logger.ts";
import { ZaloError, ZaloHttpError } from "../../platform/zalo-error.ts";
import type { ZaloOaClient } from "../../platform/zalo-oa.ts";
import type { OaEvent } from "../../platform/zalo-oa-events.ts";
import type { ChatDeps } from "./chat-deps.ts";
import { TEXT } from "./chat-text.ts";
import { commandKind, menu, replyToText, welcome } from "./chat-service.ts";
import { isGroupScheduleCommand } from "./commands.ts";
import { groupScheduleReply } from "./group-schedule.ts";
import { toOaMessage, type Reply, type ReplyTarget } from "./reply.ts";

export interface OaEventDeps extends ChatDeps {
  oa: ZaloOaClient;
}

export interface StoredOaEvent {
  eventKey: string;
  event: OaEvent;
}

export interface OaEventOutcome {
  repliesSent: number;
  /** a Zalo error code and endpoint, never message text */
  failure: string | null;
}

export async function handleOaEvent(deps: OaEventDeps, { eventKey, event }: StoredOaEvent): Promise<OaEventOutcome> {
  const log = deps.logger.child({ event: event.event_name, key: eventKey });
  const name = event.event_name;
  const userId = event.sender?.id;

  if (name === "user_send_text" && userId) {
    linkAccount(deps, userId, event.user_id_by_app, log);
    const text = event.message?.text ?? "";
    log.info({ senderId: userId, command: commandKind(text) }, "resident message");
    return send(deps, { userId }, replyToText(deps, userId, text, eventKey));
  }
  if (name === "follow" && event.follower) {
    linkAccount(deps, event.follower.id, event.user_id_by_app, log);
    return send(deps, { userId: event.follower.id }, [welcome(deps)]);
  }
  if (name === "unfollow" && event.follower) {
    unfollow(deps, event.follower.id, log);
    return { repliesSent: 0, failure: null };
  }
  if (name === "user_send_group_text") return groupMessage(deps, event, log);
  if (name === "user_submit_info" && userId) {
    // Zalo sends the name, phone and address the resident typed into a form. We ask for none
    // of it, and nothing we do needs it, so keeping it would be collecting without a purpose
    // the resident agreed to (law 91/2025/QH15; DOMAIN.md §5): the inbox drops `info` before
    // writing, and the webhook's log line names the fields only, never their values.
    log.info({ senderId: userId }, "user_submit_info received; nothing stored");
    return send(deps, { userId }, [menu(TEXT.submitInfoNotKept)]);
  }
  if (name.startsWith("user_send_") && !name.startsWith("user_send_group_") && userId) {
    return send(deps, { userId }, [menu(TEXT.notText)]);
  }
  log.debug("event needs nothing from the bot");
  return { repliesSent: 0, failure: null };
}

/**
 * Links the OA-scoped id to the mini-app account whose Zalo id (graph /me) equals the
 * event's user_id_by_app. Zalo signed the event, so both ids are Zalo's word, not a client's.
 */
function linkAccount(deps: ChatDeps, oaUserId: string, userIdByApp: string | undefined, log: Logger): void {
  if (!userIdByApp) return;
  const user = findUserByZaloId(deps.db, userIdByApp);
  if (!user) return;
  if (linkOaUser(deps.db, user.id, oaUserId, deps.clock.now())) {
    log.info({ oaUserId, userId: user.id }, "OA follower linked to a learner");
  }
}

/** Unfollowing ends the link and what the chat kept: an unfollowed resident cannot be answered any more. */
function unfollow(deps: ChatDeps, oaUserId: string, log: Logger): void {
  const { unlinked, forgot } = deps.db.transaction(() => ({
    unlinked: unlinkOaUser(deps.db, oaUserId, deps.clock.now()),
    forgot: forgetChatResident(deps.db, oaUserId),
  }))();
  log.info({ oaUserId, unlinked, forgot }, "OA follower left");
}

function groupMessage(deps: OaEventDeps, event: OaEvent, log: Logger): Promise<OaEventOutcome> | OaEventOutcome {
  const groupId = event.recipient?.id;
  if (!groupId || !isGroupScheduleCommand(event.message?.text ?? "")) return { repliesSent: 0, failure: null };
  const { reply, tdpId, tdpFrom } = groupScheduleReply(deps, groupId);
  log.info({ groupId, senderId: event.sender?.id, tdpId, tdpFrom }, "#lich in a group");
  return send(deps, { groupId }, [reply]);
}

/** Sends the replies in order; the first Zalo failure stops the rest and becomes the outcome's failure. */
async function send(deps: OaEventDeps, target: ReplyTarget, replies: Reply[]): Promise<OaEventOutcome> {
  let repliesSent = 0;
  for (const reply of replies) {
    const message = toOaMessage(reply);
    try {
      if ("userId" in target) await deps.oa.sendCsMessage(target.userId, message);
      else await deps.oa.sendGroupMessage(target.groupId, message);
    } catch (err) {
      if (err instanceof ZaloError) {
        return { repliesSent, failure: cut(`ZaloError ${err.errorCode} from ${err.endpoint}: ${err.message}`) };
      }
      if (err instanceof ZaloHttpError) {
        return { repliesSent, failure: cut(`ZaloHttpError from ${err.endpoint}: ${err.message}`) };
      }
      throw err;
    }
    repliesSent += 1;
  }
  return { repliesSent, failure: null };
}

function cut(failure: string): string {
  return failure.slice(0, 300);
}

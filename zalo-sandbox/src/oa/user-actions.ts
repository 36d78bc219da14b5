// What a pretend resident does towards the Official Account. Each action changes what the
// sandbox knows (conversation, follow, 7-day window) before its event is delivered, so a bot
// that answers from inside its webhook finds the window already open, as on real Zalo.
import type { SandboxStore, SandboxUser } from "../store.ts";
import {
  followEvent,
  userSendGroupTextEvent,
  userSendTextEvent,
  userSubmitInfoEvent,
  type FollowEvent,
  type OaIdentity,
  type UserSendGroupTextEvent,
  type UserSendTextEvent,
  type UserSubmitInfoEvent,
} from "../webhook/events.ts";

export interface ActionContext {
  store: SandboxStore;
  oa: OaIdentity;
  /** epoch ms by the sandbox clock: when it happened */
  now: number;
  /** what the event's timestamp claims; differs from now only when a test back-dates it */
  stampedAt: number;
}

/** Typing a message, or pressing an oa.query button, which sends its payload as text. */
export function writeToOa(ctx: ActionContext, user: SandboxUser, text: string): UserSendTextEvent {
  const event = userSendTextEvent(ctx.oa, user, text, ctx.stampedAt);
  ctx.store.appendToUserConversation(user.id, {
    direction: "user→oa",
    text,
    at: new Date(ctx.now).toISOString(),
    msgId: event.message.msg_id,
  });
  ctx.store.recordInteraction(user.id);
  return event;
}

export function follow(ctx: ActionContext, user: SandboxUser): FollowEvent {
  ctx.store.setFollowsOa(user.id, true);
  ctx.store.recordInteraction(user.id);
  return followEvent(ctx.oa, user, "follow", ctx.stampedAt);
}

/** Unfollowing is not an interaction: the 7-day window keeps running from the last one. */
export function unfollow(ctx: ActionContext, user: SandboxUser): FollowEvent {
  ctx.store.setFollowsOa(user.id, false);
  return followEvent(ctx.oa, user, "unfollow", ctx.stampedAt);
}

/** The answer to a request_user_info message: only the fields the resident filled in. */
export function submitInfo(
  ctx: ActionContext,
  user: SandboxUser,
  info: { name?: string | undefined; phone?: string | undefined },
): UserSubmitInfoEvent {
  return userSubmitInfoEvent(ctx.oa, user, info, ctx.stampedAt);
}

/** A message in an OA-owned group, which the sandbox knows from then on; it does not open the
 * user's 1:1 CS window. */
export function writeInGroup(
  ctx: ActionContext,
  user: SandboxUser,
  groupId: string,
  text: string,
): UserSendGroupTextEvent {
  const event = userSendGroupTextEvent(ctx.oa, user, groupId, text, ctx.stampedAt);
  ctx.store.ensureGroup(groupId);
  ctx.store.appendToGroupConversation(groupId, {
    direction: "user→oa",
    text,
    at: new Date(ctx.now).toISOString(),
    msgId: event.message.msg_id,
    userId: user.id,
  });
  return event;
}

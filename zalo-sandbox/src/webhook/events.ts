// The webhook events the sandbox sends, shaped like Zalo's (ZALO.md §2.3): ids and the
// timestamp are strings, the user appears by their OA-scoped id with user_id_by_app beside it.
import { newEventMsgId } from "../ids.ts";
import type { SandboxUser } from "../store.ts";

export interface OaIdentity {
  appId: string;
  oaId: string;
}

/** What every event a resident causes carries, whoever it is addressed to. */
interface UserEventBase {
  app_id: string;
  user_id_by_app: string;
  /** epoch milliseconds as a string */
  timestamp: string;
  sender: { id: string };
  recipient: { id: string };
}

export interface UserSendTextEvent extends UserEventBase {
  event_name: "user_send_text";
  message: { text: string; msg_id: string };
}

export interface FollowEvent {
  oa_id: string;
  follower: { id: string };
  user_id_by_app: string;
  event_name: "follow" | "unfollow";
  source: "oa_profile";
  app_id: string;
  timestamp: string;
}

export interface UserSubmitInfoEvent extends UserEventBase {
  event_name: "user_submit_info";
  info: { name?: string; phone?: string };
}

/** recipient is the group, not the OA */
export interface UserSendGroupTextEvent extends UserEventBase {
  event_name: "user_send_group_text";
  message: { text: string; msg_id: string };
}

export type WebhookEvent = UserSendTextEvent | FollowEvent | UserSubmitInfoEvent | UserSendGroupTextEvent;

export function userSendTextEvent(oa: OaIdentity, user: SandboxUser, text: string, at: number): UserSendTextEvent {
  return {
    app_id: oa.appId,
    user_id_by_app: user.id,
    event_name: "user_send_text",
    timestamp: String(at),
    sender: { id: user.oaUserId },
    recipient: { id: oa.oaId },
    message: { text, msg_id: newEventMsgId() },
  };
}

export function followEvent(
  oa: OaIdentity,
  user: SandboxUser,
  eventName: "follow" | "unfollow",
  at: number,
): FollowEvent {
  return {
    oa_id: oa.oaId,
    follower: { id: user.oaUserId },
    user_id_by_app: user.id,
    event_name: eventName,
    source: "oa_profile",
    app_id: oa.appId,
    timestamp: String(at),
  };
}

export function userSubmitInfoEvent(
  oa: OaIdentity,
  user: SandboxUser,
  info: { name?: string | undefined; phone?: string | undefined },
  at: number,
): UserSubmitInfoEvent {
  return {
    app_id: oa.appId,
    user_id_by_app: user.id,
    event_name: "user_submit_info",
    timestamp: String(at),
    sender: { id: user.oaUserId },
    recipient: { id: oa.oaId },
    info: {
      ...(info.name !== undefined ? { name: info.name } : {}),
      ...(info.phone !== undefined ? { phone: info.phone } : {}),
    },
  };
}

export function userSendGroupTextEvent(
  oa: OaIdentity,
  user: SandboxUser,
  groupId: string,
  text: string,
  at: number,
): UserSendGroupTextEvent {
  return {
    app_id: oa.appId,
    user_id_by_app: user.id,
    event_name: "user_send_group_text",
    timestamp: String(at),
    sender: { id: user.oaUserId },
    recipient: { id: groupId },
    message: { text, msg_id: newEventMsgId() },
  };
}

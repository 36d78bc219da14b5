// Zalo OA `POST /v3.0/oa/group/message` (GMF): the OA's text message into one of its groups,
// answered with Zalo's envelope and its HTTP-200 failures (ZALO.md §3.1, §1.7). The group must
// be in the sandbox's registry with the OA in it (else -403) and enabled (else -237). GMF sends
// are free and have no 7-day window.
import type { RequestHandler } from "express";
import { z } from "zod";
import { GROUP_ID, newMessageId } from "../ids.ts";
import type { SandboxStore } from "../store.ts";
import { invalidParam, sendZaloFailure, sendZaloSuccess } from "../zalo-envelope.ts";
import { CS_TEXT_LIMIT } from "./cs-message-body.ts";
import { groupRefusal } from "./group-access.ts";

export interface GroupMessageDeps {
  store: SandboxStore;
  /** epoch milliseconds: the sandbox clock */
  now: () => number;
}

const GroupMessageBodySchema = z.object(
  {
    recipient: z.object(
      {
        group_id: z
          .string({ error: "must be a string" })
          .regex(GROUP_ID, { error: "must be 1–64 letters, digits, _ or -" }),
      },
      { error: "must be {group_id}" },
    ),
    message: z.object(
      {
        text: z.string({ error: "must be a string" }).optional(),
        attachment: z
          .undefined({ error: "is not supported by the sandbox's group messages yet; send message.text only" })
          .optional(),
      },
      { error: "must be an object" },
    ),
  },
  { error: "body must be a JSON object" },
);

type GroupMessageParse = { ok: true; groupId: string; text: string } | { ok: false; problem: string };

/** Text only: empty or over 2,000 characters (after NFC, as for CS messages) is -201. */
export function parseGroupMessageBody(body: unknown): GroupMessageParse {
  const parsed = GroupMessageBodySchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.map(String).join(".") ?? "";
    return { ok: false, problem: path ? `${path} ${issue?.message}` : (issue?.message ?? "body is invalid") };
  }
  const text = parsed.data.message.text ?? "";
  if (text.trim() === "") return { ok: false, problem: "message is empty: give message.text" };
  const length = [...text.normalize("NFC")].length;
  if (length > CS_TEXT_LIMIT) {
    return { ok: false, problem: `message.text is ${length} characters; at most ${CS_TEXT_LIMIT} are allowed` };
  }
  return { ok: true, groupId: parsed.data.recipient.group_id, text };
}

/** Checks the body, then the group; an accepted message joins the group's conversation. */
export function sendGroupMessage({ store, now }: GroupMessageDeps): RequestHandler {
  return (req, res) => {
    const parsed = parseGroupMessageBody(req.body);
    if (!parsed.ok) return sendZaloFailure(res, invalidParam(parsed.problem));
    const { groupId, text } = parsed;
    const refusal = groupRefusal(store.findGroup(groupId));
    if (refusal) return sendZaloFailure(res, refusal);
    const messageId = newMessageId();
    store.appendToGroupConversation(groupId, {
      direction: "oa→group",
      text,
      at: new Date(now()).toISOString(),
      msgId: messageId,
    });
    sendZaloSuccess(res, { data: { message_id: messageId, group_id: groupId } });
  };
}

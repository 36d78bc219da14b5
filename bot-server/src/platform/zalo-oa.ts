// Zalo's Official Account API (openapi.zalo.me, or the Zalo sandbox with the same paths):
// the messages the ward's OA sends. Every reply of the chat bot goes out through here.
import type { AxiosInstance } from "axios";
import { z } from "zod";
import { ZaloHttpError } from "./zalo-error.ts";
import { createZaloHttp, zaloCall } from "./zalo-http.ts";

/** ZALO.md §1.4: text up to 2,000 characters, at most 5 buttons, titles up to 100, payloads up to 1,000. */
export const OA_LIMITS = { text: 2000, buttons: 5, buttonTitle: 100, buttonPayload: 1000 } as const;

export interface ZaloOaOptions {
  /** https://openapi.zalo.me, or the sandbox URL */
  baseUrl: string;
  /** the OA access token, sent as the `access_token` header */
  accessToken: string;
  timeoutMs?: number;
}

/** A button that, when pressed, sends `payload` back to the OA as the resident's own message. */
export interface OaButton {
  title: string;
  payload: string;
}

export interface OaMessage {
  /** NFC-normalised, at most OA_LIMITS.text characters */
  text: string;
  buttons?: readonly OaButton[];
}

export interface SentMessage {
  /** Zalo's id of the message it accepted */
  messageId: string;
}

export interface ZaloOaClient {
  sendCsMessage(userId: string, message: OaMessage): Promise<SentMessage>;
  sendGroupMessage(groupId: string, message: OaMessage): Promise<SentMessage>;
}

const SentSchema = z.looseObject({ data: z.looseObject({ message_id: z.string().min(1) }) });

export function createZaloOaClient(options: ZaloOaOptions): ZaloOaClient {
  const http = createZaloHttp(options.baseUrl, options.timeoutMs ?? 10_000);
  return {
    sendCsMessage: (userId, message) => sendCsMessage(http, options.accessToken, userId, message),
    sendGroupMessage: (groupId, message) => sendGroupMessage(http, options.accessToken, groupId, message),
  };
}

/**
 * Sends a customer-service ("tư vấn") message to one follower: text, optionally with
 * `oa.query.show` buttons. Zalo accepts it only within 7 days of the resident's last
 * interaction (-230 otherwise). Throws ZaloError for Zalo's refusals (-216 bad token, -201
 * bad parameter, -230 …), ZaloHttpError when Zalo cannot be reached.
 *
 * @see https://developers.zalo.me/docs/official-account/tin-nhan/tin-tu-van/gui-tin-tu-van-dang-van-ban
 */
async function sendCsMessage(
  http: AxiosInstance,
  accessToken: string,
  userId: string,
  message: OaMessage,
): Promise<SentMessage> {
  return send(http, accessToken, "/v3.0/oa/message/cs", { user_id: userId }, message);
}

/**
 * Sends a text message into an OA-owned group (GMF); free, any hour, no 7-day window. Groups
 * take no button templates, so a message with buttons is refused before any call. Throws
 * ZaloError for Zalo's refusals (-403 the OA is not in the group, -237 the group is disabled
 * because its GMF asset expired, -216 bad token, -201 bad parameter), ZaloHttpError when Zalo
 * cannot be reached. Answer: `{error: 0, data: {message_id, group_id}}` (ZALO.md §3.1).
 *
 * @see https://developers.zalo.me/docs/official-account/nhom-chat-gmf/tin-nhan/text_message
 */
async function sendGroupMessage(
  http: AxiosInstance,
  accessToken: string,
  groupId: string,
  message: OaMessage,
): Promise<SentMessage> {
  if (message.buttons?.length) throw new RangeError("Zalo group messages cannot carry buttons");
  return send(http, accessToken, "/v3.0/oa/group/message", { group_id: groupId }, message);
}

async function send(
  http: AxiosInstance,
  accessToken: string,
  path: string,
  recipient: Record<string, string>,
  message: OaMessage,
): Promise<SentMessage> {
  const endpoint = `POST ${path}`;
  const body = await zaloCall(http, endpoint, {
    method: "POST",
    url: path,
    headers: { access_token: accessToken, "Content-Type": "application/json" },
    data: { recipient, message: toZaloMessage(message) },
  });
  const sent = SentSchema.safeParse(body);
  if (!sent.success) throw new ZaloHttpError("Zalo accepted the message without a message_id", endpoint, 200);
  return { messageId: sent.data.data.message_id };
}

/** Our message in Zalo's shape; limits are checked here so a too-long text never leaves. */
export function toZaloMessage(message: OaMessage): Record<string, unknown> {
  const buttons = message.buttons ?? [];
  if ([...message.text].length > OA_LIMITS.text) throw new RangeError(`message text over ${OA_LIMITS.text} characters`);
  if (buttons.length > OA_LIMITS.buttons) throw new RangeError(`more than ${OA_LIMITS.buttons} buttons`);
  for (const b of buttons) {
    if ([...b.title].length > OA_LIMITS.buttonTitle || [...b.payload].length > OA_LIMITS.buttonPayload) {
      throw new RangeError("a button title or payload is over Zalo's limit");
    }
  }
  if (buttons.length === 0) return { text: message.text };
  return {
    text: message.text,
    attachment: {
      type: "template",
      payload: { buttons: buttons.map((b) => ({ title: b.title, type: "oa.query.show", payload: b.payload })) },
    },
  };
}

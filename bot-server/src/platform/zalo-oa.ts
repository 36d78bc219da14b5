// Zalo's Official Account API (openapi.zalo.me, or the Zalo sandbox with the same paths):
// the messages the ward's OA sends and the groups it is in. Every reply of the chat bot and
// every outbox message to an OA channel goes out through here.
import type { AxiosInstance } from "axios";
import { z } from "zod";
import { ZaloHttpError } from "./zalo-error.ts";
import type { OaTokenSource } from "./oa-token-manager.ts";
import { createZaloHttp, zaloCall } from "./zalo-http.ts";

/** ZALO.md §1.4: text up to 2,000 characters, at most 5 buttons, titles up to 100, payloads up to 1,000. */
export const OA_LIMITS = { text: 2000, buttons: 5, buttonTitle: 100, buttonPayload: 1000 } as const;

interface ZaloOaBaseOptions {
  /** https://openapi.zalo.me, or the sandbox URL */
  baseUrl: string;
  timeoutMs?: number;
}

/**
 * `tokens`: where the `access_token` header comes from; the OaTokenManager refreshes it and
 * retries a call refused with -216/-220 once. A plain string is sent as is, and so is the
 * older `accessToken` option.
 */
export type ZaloOaOptions = ZaloOaBaseOptions & ({ tokens: OaTokenSource | string } | { accessToken: string });

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

/** One message of a group's recent conversation, as the reconciliation reads it. */
export interface GroupConversationMessage {
  messageId: string;
  /** written by the OA itself (src 0), not by a member */
  fromOa: boolean;
  /** the text of a text message; null for stickers, images and the like */
  text: string | null;
  time: Date;
}

/** An OA-owned group (GMF) the OA is in. */
export interface OaGroup {
  groupId: string;
  name: string;
  /** "enabled", or e.g. "disabled" once its GMF asset lapsed */
  status: string;
  totalMember: number | null;
  /** https://zalo.me/g/…, how residents join */
  groupLink: string | null;
}

export interface ZaloOaClient {
  sendCsMessage(userId: string, message: OaMessage): Promise<SentMessage>;
  sendGroupMessage(groupId: string, message: OaMessage): Promise<SentMessage>;
  /** The group's latest `count` (1–50) messages, newest first. */
  groupConversation(groupId: string, options: { count: number }): Promise<GroupConversationMessage[]>;
  /** Every group the OA is in. */
  listGroups(): Promise<OaGroup[]>;
}

const SentSchema = z.looseObject({ data: z.looseObject({ message_id: z.string().min(1) }) });

/** Zalo's ids are strings; a bare number (already rounded by JSON.parse) is taken rather than failing the read. */
const IdSchema = z.union([z.string().min(1), z.number().transform(String)]);

const ConversationSchema = z.looseObject({
  data: z.array(
    z.looseObject({
      message_id: IdSchema,
      src: z.coerce.number(),
      time: z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]),
      message: z.unknown().optional(),
    }),
  ),
});

const GroupsPageSchema = z.looseObject({
  data: z.looseObject({
    total: z.coerce.number().int().nonnegative(),
    groups: z.array(
      z.looseObject({
        group_id: IdSchema,
        name: z.string().default(""),
        status: z.string().default("enabled"),
        total_member: z.coerce.number().int().optional(),
        group_link: z.string().optional(),
      }),
    ),
  }),
});

/** getgroupsofoa pages: 50 is the most a page holds. */
const GROUPS_PAGE = 50;

type TokenCall = <T>(call: (accessToken: string) => Promise<T>) => Promise<T>;

export function createZaloOaClient(options: ZaloOaOptions): ZaloOaClient {
  const http = createZaloHttp(options.baseUrl, options.timeoutMs ?? 10_000);
  const withToken = tokenCall("tokens" in options ? options.tokens : options.accessToken);
  return {
    sendCsMessage: (userId, message) => withToken((token) => sendCsMessage(http, token, userId, message)),
    sendGroupMessage: (groupId, message) => withToken((token) => sendGroupMessage(http, token, groupId, message)),
    groupConversation: (groupId, { count }) => withToken((token) => groupConversation(http, token, groupId, count)),
    listGroups: () => withToken((token) => listGroups(http, token)),
  };
}

function tokenCall(source: OaTokenSource | string): TokenCall {
  if (typeof source === "string") return (call) => call(source);
  if (source.withToken) return (call) => source.withToken!(call);
  return async (call) => call(await source.accessToken());
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

/**
 * The group's latest messages, newest first (offset 0 is the newest). Members' and the OA's
 * messages both; `src` 0 marks the OA's own. Throws ZaloError for Zalo's refusals (-403 the
 * OA is not in the group, -201 bad parameter), ZaloHttpError when Zalo cannot be reached.
 *
 * @see https://developers.zalo.me/docs/official-account/nhom-chat-gmf (the "lịch sử chat nhóm" page; its exact
 *   path is unconfirmed, ZALO.md §3.1, §7.4)
 */
async function groupConversation(
  http: AxiosInstance,
  accessToken: string,
  groupId: string,
  count: number,
): Promise<GroupConversationMessage[]> {
  if (!Number.isInteger(count) || count < 1 || count > 50) throw new RangeError("count must be 1 to 50");
  const endpoint = "GET /v3.0/oa/group/conversation";
  const body = await zaloCall(http, endpoint, {
    method: "GET",
    url: "/v3.0/oa/group/conversation",
    params: { group_id: groupId, offset: 0, count },
    headers: { access_token: accessToken },
  });
  const parsed = ConversationSchema.safeParse(body);
  if (!parsed.success) throw new ZaloHttpError("Zalo answered the group conversation in an unknown shape", endpoint, 200);
  return parsed.data.data.map((m) => ({
    messageId: m.message_id,
    fromOa: m.src === 0,
    text: typeof m.message === "string" ? m.message : null,
    time: new Date(m.time),
  }));
}

/**
 * The OA's groups, every page of them. Throws ZaloError for Zalo's refusals, ZaloHttpError
 * when Zalo cannot be reached.
 *
 * @see https://developers.zalo.me/docs/official-account/nhom-chat-gmf (the "danh sách nhóm của OA" page; its
 *   exact path is unconfirmed, ZALO.md §3.1, §7.4)
 */
async function listGroups(http: AxiosInstance, accessToken: string): Promise<OaGroup[]> {
  const endpoint = "GET /v3.0/oa/group/getgroupsofoa";
  const groups: OaGroup[] = [];
  for (let offset = 0; ; offset += GROUPS_PAGE) {
    const body = await zaloCall(http, endpoint, {
      method: "GET",
      url: "/v3.0/oa/group/getgroupsofoa",
      params: { offset, count: GROUPS_PAGE },
      headers: { access_token: accessToken },
    });
    const parsed = GroupsPageSchema.safeParse(body);
    if (!parsed.success) throw new ZaloHttpError("Zalo answered the group list in an unknown shape", endpoint, 200);
    const page = parsed.data.data;
    for (const g of page.groups) {
      groups.push({
        groupId: g.group_id,
        name: g.name,
        status: g.status,
        totalMember: g.total_member ?? null,
        groupLink: g.group_link ?? null,
      });
    }
    if (page.groups.length === 0 || offset + GROUPS_PAGE >= page.total) return groups;
  }
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

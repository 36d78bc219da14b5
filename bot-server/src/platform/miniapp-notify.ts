// Zalo Mini App notifications (openapi.mini.zalo.me, or the Zalo sandbox): a templated
// notice to one user who accepted requestSendNotification in the mini app (ZALO.md §4.4).
// The API key stays on the server and out of every log line and error.
import type { AxiosInstance } from "axios";
import { z } from "zod";
import { createZaloHttp, zaloCall } from "./zalo-http.ts";

export const NOTIFICATION_PATH = "/notification/template";

/**
 * The template id five unrelated public integrations send; probably Zalo's default notice
 * (ZALO.md §4.4, unconfirmed §7.7). A template of the ward's own replaces it once registered.
 */
export const DEFAULT_NOTIFICATION_TEMPLATE_ID = "00126fd75392bacce383";

export interface MiniAppNotifyOptions {
  /** https://openapi.mini.zalo.me, or the sandbox URL */
  baseUrl: string;
  /** the Mini App Center API key */
  apiKey: string;
  /** the mini app's id, sent as X-MiniApp-Id */
  miniAppId: string;
  timeoutMs?: number;
}

export interface MiniAppNotification {
  templateId: string;
  templateData: {
    title: string;
    contentTitle: string;
    contentDescription: string;
    buttonText: string;
    buttonUrl: string;
  };
}

export interface SentNotification {
  /** Zalo's id of the notification when its answer carries one */
  messageId: string | null;
}

export interface MiniAppNotifier {
  /** `userId`: the app-scoped Zalo user id (graph /me `id`), not the OA-scoped one. */
  sendNotification(userId: string, notification: MiniAppNotification): Promise<SentNotification>;
}

// No published answer shape beyond the envelope: an id is taken from data when one is there.
const AnswerSchema = z.looseObject({
  data: z
    .looseObject({
      msgId: z.string().optional(),
      msg_id: z.string().optional(),
      message_id: z.string().optional(),
    })
    .optional(),
});

export function createMiniAppNotifier(options: MiniAppNotifyOptions): MiniAppNotifier {
  const http = createZaloHttp(options.baseUrl, options.timeoutMs ?? 10_000);
  return {
    sendNotification: (userId, notification) => sendNotification(http, options, userId, notification),
  };
}

/**
 * Sends one templated notification. Throws ZaloError for Zalo's refusals (a user who never
 * allowed notifications, a bad template), ZaloHttpError when Zalo cannot be reached.
 *
 * @see https://stc-zmp.zadn.vn/zmp-docs/v2.1.4/open-apis/notifications/send
 */
async function sendNotification(
  http: AxiosInstance,
  options: MiniAppNotifyOptions,
  userId: string,
  notification: MiniAppNotification,
): Promise<SentNotification> {
  const body = await zaloCall(http, `POST ${NOTIFICATION_PATH}`, {
    method: "POST",
    url: NOTIFICATION_PATH,
    headers: {
      "X-Api-Key": `Bearer ${options.apiKey}`,
      "X-User-Id": userId,
      "X-MiniApp-Id": options.miniAppId,
      "Content-Type": "application/json",
    },
    data: { templateId: notification.templateId, templateData: notification.templateData },
  });
  const data = AnswerSchema.safeParse(body).data?.data;
  return { messageId: data?.msgId ?? data?.msg_id ?? data?.message_id ?? null };
}

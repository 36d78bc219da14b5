// How an outbox row reaches its recipient, per channel (DESIGN.md "Reaching residents"):
// GMF into an OA-owned group (also in the sandbox), a CS message to one follower, or a mini
// app notification. 'share' rows are sent by a facilitator's hand and have no adapter.
import { miniAppLink } from "@hocso/shared/mini-app-links";
import { cutText } from "@hocso/shared/zalo-text";
import type { Db } from "../../db/database.ts";
import type { OutboxChannel } from "../../db/outbox.ts";
import type { Config } from "../../env.ts";
import type { Clock } from "../../lib/clock.ts";
import type { Logger } from "../../lib/logger.ts";
import {
  createMiniAppNotifier,
  DEFAULT_NOTIFICATION_TEMPLATE_ID,
  type MiniAppNotification,
} from "../../platform/miniapp-notify.ts";
import { OaTokenManager, STALE_TOKEN_CODES } from "../../platform/oa-token-manager.ts";
import { ZaloError } from "../../platform/zalo-error.ts";
import { createZaloOaClient, type OaMessage, type ZaloOaClient } from "../../platform/zalo-oa.ts";
import { DeliveryRefusal, FAILURE_TEXT } from "./failure-reasons.ts";

export type DeliveryChannel = Exclude<OutboxChannel, "share">;

/** One of the OA's own messages as Zalo shows it in a conversation. */
export interface DeliveredMessage {
  messageId: string;
  text: string;
  time: Date;
}

export interface ChannelAdapter {
  /** Sends the message; Zalo's id for it, or null when the channel answers none. */
  send(recipient: string, message: OaMessage): Promise<{ messageId: string | null }>;
  /**
   * The OA's own recent messages to `recipient`, newest first, to learn whether a send whose
   * answer was lost arrived. Absent when the channel cannot be read back: then a message in
   * doubt is sent again (at least once, perhaps twice).
   */
  recentOwnMessages?(recipient: string): Promise<DeliveredMessage[]>;
  /** one bucket per recipient as well as the app's (groups: DESIGN.md "Delivery guarantees") */
  limitPerRecipient: boolean;
}

export type ChannelAdapters = Record<DeliveryChannel, ChannelAdapter>;

/** How far back the reconciliation reads a group: Zalo's largest page. */
export const RECONCILE_COUNT = 50;

/** GMF: a text into an OA-owned group, read back through the group's conversation. */
export function groupAdapter(oa: ZaloOaClient): ChannelAdapter {
  return {
    send: (groupId, message) => oa.sendGroupMessage(groupId, message),
    recentOwnMessages: async (groupId) => {
      const messages = await oa.groupConversation(groupId, { count: RECONCILE_COUNT });
      return messages.flatMap((m) =>
        m.fromOa && m.text !== null ? [{ messageId: m.messageId, text: m.text, time: m.time }] : [],
      );
    },
    limitPerRecipient: true,
  };
}

/** CS: one follower who wrote within 7 days; buttons allowed. No reliable read-back. */
export function userAdapter(oa: ZaloOaClient): ChannelAdapter {
  return { send: (userId, message) => oa.sendCsMessage(userId, message), limitPerRecipient: false };
}

export interface MiniAppNotifySettings {
  baseUrl: string;
  /** null: the channel is not configured and every row for it fails saying so */
  apiKey: string | null;
  miniAppId: string;
  timeoutMs: number;
}

/** A mini app notification to the app-scoped user id. No read-back either. */
export function miniAppAdapter(settings: MiniAppNotifySettings): ChannelAdapter {
  const { apiKey } = settings;
  const notifier =
    apiKey === null
      ? null
      : createMiniAppNotifier({ baseUrl: settings.baseUrl, apiKey, miniAppId: settings.miniAppId, timeoutMs: settings.timeoutMs });
  return {
    send: async (userId, message) => {
      if (!notifier) throw new DeliveryRefusal(FAILURE_TEXT.miniAppNotConfigured);
      try {
        return await notifier.sendNotification(userId, toNotification(message, settings.miniAppId));
      } catch (err) {
        // The API key is fixed, not refreshed like the OA's token: a refusal of it is for good.
        if (err instanceof ZaloError && STALE_TOKEN_CODES.has(err.errorCode)) {
          throw new DeliveryRefusal(FAILURE_TEXT.miniAppKeyRefused(err.errorCode));
        }
        throw err;
      }
    },
    limitPerRecipient: false,
  };
}

/**
 * An outbox message as a mini app notice: its first line as the title (at most 32 characters,
 * per Zalo's Mini App notification page, zmp-docs "open-apis/notifications/send"; whole as the
 * content title), the rest as the description, a button into the mini app.
 */
export function toNotification(message: OaMessage, miniAppId: string): MiniAppNotification {
  const [first = "", ...rest] = message.text.normalize("NFC").split("\n");
  const contentTitle = cutText(first.trim(), 100);
  const description = cutText(rest.join("\n").trim() || first.trim(), 500);
  return {
    templateId: DEFAULT_NOTIFICATION_TEMPLATE_ID,
    templateData: {
      title: cutText(first.trim(), 32),
      contentTitle,
      contentDescription: description,
      buttonText: "Mở Học Số",
      buttonUrl: miniAppLink(miniAppId),
    },
  };
}

export interface ChannelAdapterDeps {
  config: Config;
  db: Db;
  clock: Clock;
  logger: Logger;
  /** the process's one token manager, shared with the chat's OA client; made here when absent */
  tokens?: OaTokenManager;
}

/**
 * The OA's token manager from the configuration. Make ONE per process and hand it to every
 * OA client: two managers would each spend the single-use refresh token.
 */
export function createOaTokenManager({ config, db, clock, logger }: Omit<ChannelAdapterDeps, "tokens">): OaTokenManager {
  return new OaTokenManager({
    db,
    clock,
    logger: logger.child({ component: "oa-tokens" }),
    appId: config.zalo.appId,
    appSecret: config.zalo.appSecret,
    oa: config.zalo.oa,
    timeoutMs: config.zalo.httpTimeoutMs,
  });
}

/** The adapters from the configuration. In sandbox mode the OA's base URL is the sandbox. */
export function createChannelAdapters(deps: ChannelAdapterDeps): ChannelAdapters {
  const { config } = deps;
  const tokens = deps.tokens ?? createOaTokenManager(deps);
  const oa = createZaloOaClient({ baseUrl: config.zalo.oa.openApiUrl, tokens, timeoutMs: config.zalo.httpTimeoutMs });
  const groups = groupAdapter(oa);
  return {
    "oa-group": groups,
    sandbox: groups,
    "oa-user": userAdapter(oa),
    "miniapp-notify": miniAppAdapter({
      baseUrl: config.zalo.miniApp.apiUrl,
      apiKey: config.zalo.miniApp.apiKey,
      miniAppId: config.miniAppId,
      timeoutMs: config.zalo.httpTimeoutMs,
    }),
  };
}

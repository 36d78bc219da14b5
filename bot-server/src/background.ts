// The work the server does on its own, beside answering HTTP: the reminder planner's minute
// tick (node-cron, Asia/Ho_Chi_Minh) and the outbox sender that delivers what the planner,
// the broadcasts and the chat stored (DESIGN.md "The pieces": reminders, sender).
import type { Db } from "./db/database.ts";
import { listTdpChannels } from "./db/residential-groups.ts";
import { loadWardSettings } from "./db/ward-settings.ts";
import type { Config } from "./env.ts";
import { createChannelAdapters } from "./features/delivery/channel-adapters.ts";
import { createOutboxSender, type OutboxSender } from "./features/delivery/outbox-sender.ts";
import { planReminders } from "./features/reminders/planner.ts";
import { startReminderScheduler } from "./features/reminders/scheduler.ts";
import type { Clock } from "./lib/clock.ts";
import type { Logger } from "./lib/logger.ts";
import type { OaTokenManager } from "./platform/oa-token-manager.ts";
import { ensureSandboxGroups } from "./platform/sandbox-groups.ts";

export interface BackgroundDeps {
  db: Db;
  config: Config;
  clock: Clock;
  logger: Logger;
  /** the process's one OA token manager, shared with the chat's replies */
  tokens: OaTokenManager;
}

export interface Background {
  sender: OutboxSender;
  /** stops the tick and waits for the sends in flight; the database stays open */
  stop(): Promise<void>;
}

/**
 * Starts the sender (which first takes back what a crash left half-sent) and the planner's
 * tick. In sandbox mode the sandbox is first asked to hold the TDPs' groups, so the first
 * reminder does not meet a group that does not exist yet.
 */
export async function startBackground({ db, config, clock, logger, tokens }: BackgroundDeps): Promise<Background> {
  if (config.zalo.mode === "sandbox" && config.zalo.sandboxUrl) {
    const groups = listTdpChannels(db).flatMap((tdp) =>
      tdp.channel === "sandbox" && tdp.zaloGroupId ? [{ groupId: tdp.zaloGroupId, name: tdp.name }] : [],
    );
    await ensureSandboxGroups(config.zalo.sandboxUrl, groups, logger);
  }
  const channels = createChannelAdapters({ config, db, clock, logger, tokens });
  const sender = createOutboxSender({
    db,
    clock,
    logger: logger.child({ component: "outbox" }),
    channels,
    limits: config.delivery,
    quietHours: () => loadWardSettings(db).quietHours,
  });
  sender.start();
  const plannerLogger = logger.child({ component: "reminders" });
  const scheduler = startReminderScheduler({
    plan: () => planReminders({ db, clock, logger: plannerLogger, miniAppId: config.miniAppId }),
    logger: plannerLogger,
  });
  return {
    sender,
    async stop() {
      scheduler.stop();
      await sender.stop();
    },
  };
}

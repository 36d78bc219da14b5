// Runs the reminder planner every minute, ward time, and once right away at start so that a
// tick missed while the server was down is caught up at once. A tick that throws is logged
// and the next one runs as usual: the process never dies of it.
import nodeCron, { type NodeCron, type ScheduledTask } from "node-cron";
import type { Logger } from "../../lib/logger.ts";

export const REMINDER_CRON = "* * * * *";
export const REMINDER_TASK_NAME = "reminder-planner";

export interface ReminderSchedulerDeps {
  /** one planner tick, e.g. () => planReminders({ db, clock, logger, miniAppId }) */
  plan: () => unknown;
  logger: Logger;
  /** node-cron, or a stand-in with the same schedule() in a test */
  cron?: Pick<NodeCron, "schedule">;
}

export interface ReminderScheduler {
  /** no more ticks; a tick running now finishes */
  stop(): void;
}

/**
 * Schedules the planner with node-cron 4: every minute in Asia/Ho_Chi_Minh, never two runs at
 * once (noOverlap). The first run happens before this returns.
 */
export function startReminderScheduler({ plan, logger, cron = nodeCron }: ReminderSchedulerDeps): ReminderScheduler {
  const tick = (reason: "start" | "scheduled") => {
    try {
      plan();
    } catch (err) {
      logger.error({ err, reason }, "reminder planner tick failed; the next tick tries again");
    }
  };
  tick("start");
  const task: ScheduledTask = cron.schedule(REMINDER_CRON, () => tick("scheduled"), {
    timezone: "Asia/Ho_Chi_Minh",
    noOverlap: true,
    name: REMINDER_TASK_NAME,
  });
  return {
    stop() {
      void Promise.resolve(task.destroy()).catch((err: unknown) => {
        logger.error({ err }, "could not stop the reminder planner's schedule");
      });
    },
  };
}

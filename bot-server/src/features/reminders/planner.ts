// One tick of the reminder planner (DESIGN.md data flow "reminders"): the classes, settings and
// recipients from SQLite → shared planDueReminders → outbox rows keyed by their dedupe key.
// The sender (features/delivery) takes it from there. Two ticks at once, a tick repeated after
// a restart, a tick that catches up after the server was down: still one row per key.
import { planDueReminders, type ClassAudience, type PlannedReminder } from "@hocso/shared/reminders";
import { findTdpAudience, isOutboxKeyStored, storeReminder } from "../../db/class-reminders.ts";
import type { Db } from "../../db/database.ts";
import type { NewOutboxMessage } from "../../db/outbox.ts";
import { loadWardSettings } from "../../db/ward-settings.ts";
import { listAllWeeklyClasses } from "../../db/weekly-classes.ts";
import type { Clock } from "../../lib/clock.ts";
import type { Logger } from "../../lib/logger.ts";
import type { OaButton } from "../../platform/zalo-oa.ts";

export interface PlannerDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  /** the mini app's id in https://zalo.me/s/<id>/ links */
  miniAppId: string;
}

export interface PlanResult {
  /** rows stored this tick to be sent (or shared by hand) */
  planned: number;
  /** rows stored this tick as expired: superseded, or held by quiet hours until the class */
  expired: number;
}

/** The OA chat's own "dừng" command (features/chat), as a button under a personal reminder. */
const STOP_BUTTON: OaButton = { title: "Dừng nhắc lịch", payload: "dừng" };

/**
 * Plans every reminder due now and stores the new ones, in one write transaction (BEGIN
 * IMMEDIATE, so two processes' ticks take turns instead of failing on an upgrade).
 */
export function planReminders({ db, clock, logger, miniAppId }: PlannerDeps): PlanResult {
  const result = db
    .transaction((): PlanResult => {
      const now = clock.now();
      const audiences = new Map<string, ClassAudience | undefined>();
      const plans = planDueReminders({
        now,
        settings: loadWardSettings(db),
        classes: listAllWeeklyClasses(db),
        audienceOf: (tdpId) => {
          if (!audiences.has(tdpId)) audiences.set(tdpId, findTdpAudience(db, tdpId));
          return audiences.get(tdpId);
        },
        miniAppId,
        isStored: (key) => isOutboxKeyStored(db, key),
      });
      const counts: PlanResult = { planned: 0, expired: 0 };
      for (const plan of plans) {
        const { sendAt, failure: expiredBecause } = plan;
        const stored = storeReminder(db, toOutboxMessage(plan), { sendAt, expiredBecause }, now);
        if (stored) counts[plan.state === "expired" ? "expired" : "planned"] += 1;
      }
      return counts;
    })
    .immediate();
  if (result.planned + result.expired > 0) logger.info(result, "reminders planned");
  return result;
}

function toOutboxMessage(plan: PlannedReminder): NewOutboxMessage {
  const buttons = plan.channel === "oa-user" ? [STOP_BUTTON] : undefined;
  return {
    dedupeKey: plan.dedupeKey,
    kind: "reminder",
    channel: plan.channel,
    recipient: plan.recipient,
    tdpId: plan.tdpId,
    classId: plan.classId,
    occurrenceDate: plan.date,
    message: buttons ? { text: plan.text, buttons } : { text: plan.text },
    urgent: false,
    dueAt: plan.dueAt,
    expiresAt: plan.expiresAt,
    state: plan.state === "manual" ? "manual" : "pending",
  };
}

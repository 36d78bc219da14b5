// What the chat needs from the rest of the server. app.ts wires the ports to the classes
// and progress services, so the chat reuses them without importing another feature.
import type { ClassOccurrenceView, SyncEvent } from "@hocso/shared/api";
import type { Lesson } from "@hocso/shared/content";
import type { Db } from "../../db/database.ts";
import type { Clock } from "../../lib/clock.ts";
import type { Logger } from "../../lib/logger.ts";
import type { ReminderTimes } from "./chat-text.ts";

export interface ChatDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  /** the mini app's id in https://zalo.me/s/<id>/ links */
  miniAppId: string;
  wardName: string;
  /** the personal-data controller (ward file), named in the notice "nhắc lịch" shows before consent */
  controller: string;
  /** the ward's reminder times now (admins change them), as "nhắc lịch" describes them */
  reminderTimes: () => ReminderTimes;
  /** the course's lessons in teaching order */
  lessons: readonly Lesson[];
  /** the TDP's class meetings over the next `days` ward dates (GET /api/v1/classes) */
  upcomingMeetings: (tdpId: string, days: number) => ClassOccurrenceView[];
  /** stores learning events for a learner exactly as POST /api/v1/sync does */
  recordLearning: (userId: number, events: SyncEvent[]) => void;
}

/** How far ahead "lịch học" looks, and how many meetings it lists. */
export const SCHEDULE_DAYS = 14;
export const SCHEDULE_MAX_MEETINGS = 3;


// "Dữ liệu của tôi": a learner takes away everything we keep about them (GET /api/v1/me/export)
// or has all of it deleted (DELETE /api/v1/me). The export is documented field by field in
// docs/API.md; internal row ids and session token hashes never leave the server.
import type { ConsentPurpose } from "@hocso/shared/learner";
import { wardDate } from "@hocso/shared/dates";
import { listAttendanceOf } from "../../db/attendance.ts";
import { listRsvpsOf, type Rsvp } from "../../db/class-rsvps.ts";
import { listConsents } from "../../db/consents.ts";
import type { Db } from "../../db/database.ts";
import { listLearningEvents, type StoredLearningEvent } from "../../db/learning-events.ts";
import { listProgress, type StoredProgress } from "../../db/progress.ts";
import { listSessionsOf } from "../../db/sessions.ts";
import { deleteUser, findUserById, type User } from "../../db/users.ts";
import { forgetChatResident } from "../../db/chat-residents.ts";
import { deletePersonalMessages } from "../../db/outbox.ts";
import { scrubInboxEventsFrom } from "../../db/webhook-inbox.ts";
import type { Clock } from "../../lib/clock.ts";
import { AppError } from "../../lib/errors.ts";

export interface MyDataDeps {
  db: Db;
  clock: Clock;
  /** the personal-data controller named in the privacy notice (ward.yaml `controller`) */
  controller: string;
}

export const EXPORT_FORMAT = "hocso-du-lieu-cua-toi/1";

export interface LearnerExport {
  format: typeof EXPORT_FORMAT;
  exportedAt: string;
  controller: string;
  /** the stored account, less the internal id that means nothing outside our database */
  me: Omit<User, "id">;
  consents: Array<{ purpose: ConsentPurpose; granted: boolean; textVersion: string; decidedAt: string }>;
  sessions: Array<{ createdAt: string; expiresAt: string }>;
  progress: StoredProgress[];
  learningEvents: StoredLearningEvent[];
  classRsvps: Rsvp[];
  /** the class meetings the learner was recorded at (their check-in, or ticked by the facilitator) */
  attendance: ReturnType<typeof listAttendanceOf>;
}

export function exportLearnerData({ db, clock, controller }: MyDataDeps, userId: number): {
  filename: string;
  data: LearnerExport;
} {
  // One read transaction, so the parts agree with each other.
  return db.transaction(() => {
    const user = findUserById(db, userId);
    if (!user) throw new AppError("unauthorized", "This account no longer exists; sign in again");
    const now = clock.now();
    const data: LearnerExport = {
      format: EXPORT_FORMAT,
      exportedAt: now.toISOString(),
      controller,
      me: {
        zaloId: user.zaloId,
        displayName: user.displayName,
        tdpId: user.tdpId,
        audience: user.audience,
        ageBand: user.ageBand,
        guardianConfirmed: user.guardianConfirmed,
        certifiedOn: user.certifiedOn,
        oaScopedId: user.oaScopedId,
        createdAt: user.createdAt,
        updatedAt: user.updatedAt,
      },
      consents: listConsents(db, userId),
      sessions: listSessionsOf(db, userId),
      progress: listProgress(db, userId),
      learningEvents: listLearningEvents(db, userId),
      classRsvps: listRsvpsOf(db, userId),
      attendance: listAttendanceOf(db, userId),
    };
    return { filename: `hocso-du-lieu-cua-toi-${wardDate(now)}.json`, data };
  })();
}

/**
 * Deletes the learner and, in the same transaction, every row about them: the account's
 * tables by cascade (sessions included), and what the OA chat kept under their linked
 * OA-scoped id (TDP choice, reminders decision, quiz position, webhook payloads), and the
 * personal reminders addressed to either id, sent or not.
 */
export function deleteLearner({ db }: Pick<MyDataDeps, "db">, userId: number): void {
  const deleted = db.transaction(() => {
    const user = findUserById(db, userId);
    const oaUserId = user?.oaScopedId;
    deletePersonalMessages(db, [user?.zaloId, oaUserId].filter((id) => id != null), { unsentOnly: false });
    if (oaUserId) {
      forgetChatResident(db, oaUserId);
      scrubInboxEventsFrom(db, oaUserId);
    }
    return deleteUser(db, userId);
  })();
  if (!deleted) throw new AppError("unauthorized", "This account no longer exists; sign in again");
}

// The learner's own profile and consents (PATCH /api/v1/me). Checks every field against
// the database and the clock before writing anything, then writes all of it in one
// transaction. Withdrawing the "progress" consent deletes what was kept for that purpose.
import type { Me, PatchMeRequest } from "@hocso/shared/api";
import { wardDate } from "@hocso/shared/dates";
import { CONSENT_TEXT_VERSION, PLATFORM_OPENED_ON, type ConsentPurpose } from "@hocso/shared/learner";
import { deleteRsvpsOf } from "../../db/class-rsvps.ts";
import { hasGrantedConsent, recordConsent } from "../../db/consents.ts";
import type { Db } from "../../db/database.ts";
import { deleteLearningEventsOf } from "../../db/learning-events.ts";
import { deletePersonalMessages } from "../../db/outbox.ts";
import { deleteProgressOf } from "../../db/progress.ts";
import { residentialGroupExists } from "../../db/residential-groups.ts";
import { findUserById, updateProfile } from "../../db/users.ts";
import type { Clock } from "../../lib/clock.ts";
import { AppError, type FieldError } from "../../lib/errors.ts";
import { loadMe } from "../../lib/learner-view.ts";

export interface MeDeps {
  db: Db;
  clock: Clock;
}

/** What withdrawing the "progress" consent deleted, by kind (counts only, for the log). */
export interface ForgottenData {
  progress: number;
  learningEvents: number;
  classRsvps: number;
}

export function patchMe(
  { db, clock }: MeDeps,
  userId: number,
  patch: PatchMeRequest,
): { me: Me; forgotten: ForgottenData | null } {
  const user = findUserById(db, userId);
  if (!user) throw new AppError("unauthorized", "This account no longer exists; sign in again");
  const now = clock.now();
  const problems = checkPatch(db, user, patch, wardDate(now));
  if (problems.length > 0) {
    throw AppError.badRequest(problems.map((p) => `${p.path}: ${p.message}`).join("; "), problems);
  }
  // A self-reported certification is a learning record: it is kept under the progress consent.
  const progressConsent = patch.consents?.progress ?? hasGrantedConsent(db, userId, "progress");
  if (patch.certifiedOn != null && !progressConsent) {
    throw new AppError("forbidden", "Recording a certification date needs the learner's progress consent");
  }
  const forgotten = db.transaction(() => {
    updateProfile(db, userId, patch, now);
    const decisions = Object.entries(patch.consents ?? {}) as Array<[ConsentPurpose, boolean]>;
    for (const [purpose, granted] of decisions) {
      recordConsent(db, userId, { purpose, granted, textVersion: CONSENT_TEXT_VERSION, decidedAt: now.toISOString() });
    }
    // A withdrawn "reminders" stops the personal reminders not sent yet, at once.
    if (patch.consents?.reminders === false) {
      const user = findUserById(db, userId);
      deletePersonalMessages(db, [user?.zaloId, user?.oaScopedId].filter((id) => id != null), { unsentOnly: true });
    }
    // Without the purpose there is nothing to keep it for (law 91/2025/QH15): the consent row
    // stays, because it records the withdrawal itself.
    return patch.consents?.progress === false ? forgetProgressData(db, userId) : null;
  })();
  return { me: loadMe(db, userId), forgotten };
}

/** Everything kept under the "progress" consent: progress, learning events, RSVPs, certification. */
function forgetProgressData(db: Db, userId: number): ForgottenData {
  updateProfile(db, userId, { certifiedOn: null }, new Date());
  return {
    progress: deleteProgressOf(db, userId),
    learningEvents: deleteLearningEventsOf(db, userId),
    classRsvps: deleteRsvpsOf(db, userId),
  };
}

function checkPatch(
  db: Db,
  current: Pick<Me, "ageBand" | "guardianConfirmed">,
  patch: PatchMeRequest,
  today: string,
): FieldError[] {
  const problems: FieldError[] = [];
  if (patch.tdpId !== undefined && !residentialGroupExists(db, patch.tdpId)) {
    problems.push({ path: "tdpId", message: "no such tổ dân phố; pick one from GET /api/v1/config" });
  }
  if (patch.consents !== undefined && patch.consentVersion !== CONSENT_TEXT_VERSION) {
    problems.push({
      path: "consentVersion",
      message: `consents must be given on the current notice, version ${CONSENT_TEXT_VERSION}`,
    });
  }
  // Under-16s: no stored identity without a guardian (DESIGN.md), whichever field changes.
  const ageBand = patch.ageBand ?? current.ageBand;
  const guardianConfirmed = patch.guardianConfirmed ?? current.guardianConfirmed;
  if (ageBand === "duoi-16" && !guardianConfirmed) {
    problems.push({
      path: "guardianConfirmed",
      message: "a parent or guardian must confirm (guardianConfirmed: true) before we keep details of a learner under 16",
    });
  }
  const certifiedOn = patch.certifiedOn;
  if (certifiedOn != null && certifiedOn > today) {
    problems.push({ path: "certifiedOn", message: `cannot be after today, ${today} (ward time)` });
  }
  if (certifiedOn != null && certifiedOn < PLATFORM_OPENED_ON) {
    problems.push({
      path: "certifiedOn",
      message: `cannot be before ${PLATFORM_OPENED_ON}, when binhdanhocvuso.gov.vn opened`,
    });
  }
  return problems;
}

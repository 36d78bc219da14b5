// The learner's own profile and consents (PATCH /api/v1/me). Checks every field against
// the database and the clock before writing anything, then writes all of it in one
// transaction. Withdrawing the "progress" consent deletes what was kept for that purpose and
// withdraws "share-progress", which cannot stand without it; withdrawing "share-progress"
// clears the name the learner gave for their facilitator.
import type { Me, PatchMeRequest } from "@hocso/shared/api";
import { wardDate } from "@hocso/shared/dates";
import { deleteAttendanceOf } from "../../db/attendance.ts";
import { CONSENT_TEXT_VERSION, consentVersionCovers, PLATFORM_OPENED_ON, type ConsentPurpose } from "@hocso/shared/learner";
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
  attendance: number;
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
  // Sharing progress with the TDP's facilitator shares what the progress consent keeps:
  // without an account there is nothing to share.
  if (patch.consents?.["share-progress"] === true && !progressConsent) {
    throw new AppError(
      "conflict",
      'consents.share-progress needs the progress consent: give consents.progress = true first (or in the same request)',
    );
  }
  const forgotten = db.transaction(() => {
    updateProfile(db, userId, patch, now);
    const decisions = consentDecisions(db, userId, patch);
    for (const [purpose, granted] of decisions) {
      // the notice the learner decided on; a withdrawal that follows "progress" is on the same one
      const textVersion = patch.consentVersion ?? CONSENT_TEXT_VERSION;
      recordConsent(db, userId, { purpose, granted, textVersion, decidedAt: now.toISOString() });
    }
    // The name a learner gives is there for their facilitator to know them: it goes when sharing stops.
    if (patch.displayName === undefined && decisions.some(([p, granted]) => p === "share-progress" && !granted)) {
      updateProfile(db, userId, { displayName: null }, now);
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

/** The request's consent decisions, and "share-progress" withdrawn with "progress" where it was given. */
function consentDecisions(db: Db, userId: number, patch: PatchMeRequest): Array<[ConsentPurpose, boolean]> {
  const decisions = Object.entries(patch.consents ?? {}) as Array<[ConsentPurpose, boolean]>;
  const sharing = patch.consents?.["share-progress"] ?? hasGrantedConsent(db, userId, "share-progress");
  if (patch.consents?.progress === false && sharing) decisions.push(["share-progress", false]);
  return decisions;
}

/** Everything kept under the "progress" consent: progress, learning events, RSVPs, attendance, certification. */
function forgetProgressData(db: Db, userId: number): ForgottenData {
  updateProfile(db, userId, { certifiedOn: null }, new Date());
  return {
    progress: deleteProgressOf(db, userId),
    learningEvents: deleteLearningEventsOf(db, userId),
    classRsvps: deleteRsvpsOf(db, userId),
    attendance: deleteAttendanceOf(db, userId),
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
  const uncovered = Object.keys(patch.consents ?? {}).filter(
    (purpose) => !consentVersionCovers(patch.consentVersion ?? "", purpose as ConsentPurpose),
  );
  if (uncovered.length > 0) {
    problems.push({
      path: "consentVersion",
      message: `consents (${uncovered.join(", ")}) must be given on the current notice, version ${CONSENT_TEXT_VERSION}`,
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

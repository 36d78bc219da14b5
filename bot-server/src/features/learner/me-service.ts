// The learner's own profile and consents (PATCH /api/v1/me). Checks every field against
// the database before writing anything, then writes all of it in one transaction.
import type { Me, PatchMeRequest } from "@hocso/shared/api";
import { CONSENT_TEXT_VERSION, type ConsentPurpose } from "@hocso/shared/learner";
import { recordConsent } from "../../db/consents.ts";
import type { Db } from "../../db/database.ts";
import { residentialGroupExists } from "../../db/residential-groups.ts";
import { findUserById, updateProfile } from "../../db/users.ts";
import type { Clock } from "../../lib/clock.ts";
import { AppError, type FieldError } from "../../lib/errors.ts";
import { loadMe } from "../../lib/learner-view.ts";

export interface MeDeps {
  db: Db;
  clock: Clock;
}

export function patchMe({ db, clock }: MeDeps, userId: number, patch: PatchMeRequest): Me {
  const user = findUserById(db, userId);
  if (!user) throw new AppError("unauthorized", "This account no longer exists; sign in again");
  const problems = checkPatch(db, { ageBand: user.ageBand, guardianConfirmed: user.guardianConfirmed }, patch);
  if (problems.length > 0) {
    throw AppError.badRequest(problems.map((p) => `${p.path}: ${p.message}`).join("; "), problems);
  }
  const now = clock.now();
  db.transaction(() => {
    updateProfile(db, userId, patch, now);
    const decisions = Object.entries(patch.consents ?? {}) as Array<[ConsentPurpose, boolean]>;
    for (const [purpose, granted] of decisions) {
      recordConsent(db, userId, { purpose, granted, textVersion: CONSENT_TEXT_VERSION, decidedAt: now.toISOString() });
    }
  })();
  return loadMe(db, userId);
}

function checkPatch(db: Db, current: Pick<Me, "ageBand" | "guardianConfirmed">, patch: PatchMeRequest): FieldError[] {
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
  return problems;
}

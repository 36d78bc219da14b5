// The check before keeping anything under a consent purpose: 403 when the learner has not
// given it (never decided, or withdrawn).
import type { ConsentPurpose } from "@hocso/shared/learner";
import { hasGrantedConsent } from "../db/consents.ts";
import type { Db } from "../db/database.ts";
import { AppError } from "./errors.ts";

const WHY: Record<ConsentPurpose, string> = {
  progress: "Progress is kept only with the learner's consent",
  reminders: "Reminders are sent only with the learner's consent",
  "share-progress": "A learner's name and progress are shown to their TDP's facilitator only with the learner's consent",
};

export function requireConsent(db: Db, userId: number, purpose: ConsentPurpose): void {
  if (hasGrantedConsent(db, userId, purpose)) return;
  throw new AppError(
    "forbidden",
    `${WHY[purpose]}: PATCH /api/v1/me with consents.${purpose} = true first`,
  );
}

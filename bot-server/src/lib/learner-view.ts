// The learner as the API shows them (Me in shared/src/api.ts), read from users + consents.
import type { Me } from "@hocso/shared/api";
import { listConsents } from "../db/consents.ts";
import type { Db } from "../db/database.ts";
import { findUserById } from "../db/users.ts";
import { AppError } from "./errors.ts";

export function loadMe(db: Db, userId: number): Me {
  const user = findUserById(db, userId);
  // A session outliving its user means the account was deleted while signed in.
  if (!user) throw new AppError("unauthorized", "This account no longer exists; sign in again");
  const consents: Me["consents"] = {};
  for (const c of listConsents(db, userId)) {
    consents[c.purpose] = { granted: c.granted, version: c.textVersion, decidedAt: c.decidedAt };
  }
  return {
    displayName: user.displayName,
    tdpId: user.tdpId,
    audience: user.audience,
    ageBand: user.ageBand,
    guardianConfirmed: user.guardianConfirmed,
    consents,
    certifiedOn: user.certifiedOn,
    createdAt: user.createdAt,
  };
}

// Consent decisions, one row per learner and purpose, with the notice version and time.
import type { ConsentPurpose } from "@hocso/shared/learner";
import type { Db } from "./database.ts";

export interface ConsentDecision {
  purpose: ConsentPurpose;
  granted: boolean;
  textVersion: string;
  decidedAt: string;
}

interface ConsentRow {
  purpose: ConsentPurpose;
  granted: 0 | 1;
  text_version: string;
  decided_at: string;
}

export function listConsents(db: Db, userId: number): ConsentDecision[] {
  const rows = db
    .prepare("SELECT purpose, granted, text_version, decided_at FROM consents WHERE user_id = ? ORDER BY purpose")
    .all(userId) as ConsentRow[];
  return rows.map((r) => ({
    purpose: r.purpose,
    granted: r.granted === 1,
    textVersion: r.text_version,
    decidedAt: r.decided_at,
  }));
}

/**
 * Records a decision. Repeating the same decision on the same notice version keeps the
 * original time, so a replayed request does not rewrite when the learner decided.
 */
export function recordConsent(db: Db, userId: number, decision: ConsentDecision): void {
  db.prepare(
    `INSERT INTO consents (user_id, purpose, granted, text_version, decided_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (user_id, purpose) DO UPDATE SET
       granted = excluded.granted, text_version = excluded.text_version, decided_at = excluded.decided_at
     WHERE consents.granted IS NOT excluded.granted OR consents.text_version IS NOT excluded.text_version`,
  ).run(userId, decision.purpose, Number(decision.granted), decision.textVersion, decision.decidedAt);
}

export function hasGrantedConsent(db: Db, userId: number, purpose: ConsentPurpose): boolean {
  const row = db.prepare("SELECT 1 FROM consents WHERE user_id = ? AND purpose = ? AND granted = 1").get(userId, purpose);
  return row !== undefined;
}

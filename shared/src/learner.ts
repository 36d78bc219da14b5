// Who a learner is, as far as we may know it (DESIGN.md "Identity, roles, privacy").
import { z } from "zod";

/** Nhóm đối tượng of the movement's plan. */
export const AudienceSchema = z.enum(["nguoi-dan", "cbccvc", "hoc-sinh", "nld-doanh-nghiep"]);
export type Audience = z.infer<typeof AudienceSchema>;

export const AgeBandSchema = z.enum(["duoi-16", "16-59", "60-tro-len"]);
export type AgeBand = z.infer<typeof AgeBandSchema>;

/**
 * Each purpose is consented to separately and never pre-ticked. "share-progress" lets the
 * facilitator of the learner's TDP see their name and progress to help them (the "cần hỗ trợ"
 * list); it needs "progress", and withdrawing "progress" withdraws it too.
 */
export const ConsentPurposeSchema = z.enum(["progress", "reminders", "share-progress"]);
export type ConsentPurpose = z.infer<typeof ConsentPurposeSchema>;
export const CONSENT_PURPOSES = ConsentPurposeSchema.options;

/**
 * Bump when the privacy notice's wording changes; every decision records it. v3 lists the
 * share-progress purpose.
 */
export const CONSENT_TEXT_VERSION = "2026-12-v3";

/**
 * Earlier notices whose wording of some purposes is unchanged in the current one, with those
 * purposes. A decision made offline on an earlier notice and sent after the app updated is
 * still the learner's informed decision for these purposes, and is recorded with the version
 * they saw. v2 worded "progress" and "reminders" exactly as v3 does.
 */
export const EARLIER_CONSENT_VERSIONS: Readonly<Record<string, readonly ConsentPurpose[]>> = {
  "2026-11-v2": ["progress", "reminders"],
};

/** Whether a decision on `purpose` made on notice `version` can still be recorded. */
export function consentVersionCovers(version: string, purpose: ConsentPurpose): boolean {
  return version === CONSENT_TEXT_VERSION || (EARLIER_CONSENT_VERSIONS[version]?.includes(purpose) ?? false);
}

/** A lesson counts as passed at two thirds of its questions right on one attempt. */
export const PASS_RATIO = 2 / 3;

export function isPassing(correct: number, total: number): boolean {
  return total > 0 && correct / total >= PASS_RATIO - 1e-9;
}

/**
 * binhdanhocvuso.gov.vn opened on 26/3/2025 (DOMAIN.md §1.1): nobody was certified on it
 * before, so a self-reported certification date cannot be earlier.
 */
export const PLATFORM_OPENED_ON = "2025-03-26";

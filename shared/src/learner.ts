// Who a learner is, as far as we may know it (DESIGN.md "Identity, roles, privacy").
import { z } from "zod";

/** Nhóm đối tượng of the movement's plan. */
export const AudienceSchema = z.enum(["nguoi-dan", "cbccvc", "hoc-sinh", "nld-doanh-nghiep"]);
export type Audience = z.infer<typeof AudienceSchema>;

export const AgeBandSchema = z.enum(["duoi-16", "16-59", "60-tro-len"]);
export type AgeBand = z.infer<typeof AgeBandSchema>;

/** Each purpose is consented to separately and never pre-ticked. */
export const ConsentPurposeSchema = z.enum(["progress", "reminders"]);
export type ConsentPurpose = z.infer<typeof ConsentPurposeSchema>;
export const CONSENT_PURPOSES = ConsentPurposeSchema.options;

/** Bump when the privacy notice's wording changes; every decision records it. */
export const CONSENT_TEXT_VERSION = "2026-11-v2";

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

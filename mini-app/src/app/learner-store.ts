// What the app remembers about the learner on this phone: whether onboarding is done, the
// consent decisions with the notice version they answered, the TDP / audience / age band,
// and how the last sign-in happened. The server only ever hears of it with the progress
// consent (DESIGN.md "Identity, roles, privacy").
import * as z from "zod/mini";
import type { AgeBand, Audience } from "@hocso/shared/learner";
import { createDeviceStore } from "./device-store.ts";
import { strings } from "./strings.ts";

export const LEARNER_KEY = "hocso:learner";

// The catalogue is keyed exhaustively by the shared enums (`satisfies Record<Audience, …>`),
// so its keys are the enums' values, without loading the shared zod schemas at start.
export const AUDIENCES = Object.keys(strings.audiences) as Audience[];
export const AGE_BANDS = Object.keys(strings.ageBands) as AgeBand[];

const ConsentsSchema = z.object({
  progress: z.boolean(),
  reminders: z.boolean(),
  /** CONSENT_TEXT_VERSION of the notice the learner answered */
  version: z.string(),
  decidedAt: z.string(),
  /** the server has recorded this decision */
  synced: z.boolean(),
});
export type LocalConsents = z.infer<typeof ConsentsSchema>;

const ProfileSchema = z.object({
  /** TDP = tổ dân phố, the learner's residential group */
  tdpId: z.string(),
  audience: z.enum(AUDIENCES as [Audience, ...Audience[]]),
  ageBand: z.enum(AGE_BANDS as [AgeBand, ...AgeBand[]]),
  synced: z.boolean(),
});
export type LocalProfile = z.infer<typeof ProfileSchema>;

const LearnerSchema = z.object({
  onboarded: z.boolean(),
  consents: z.nullable(ConsentsSchema),
  profile: z.nullable(ProfileSchema),
  signedInVia: z.nullable(z.enum(["zalo", "sandbox"])),
});
export type LearnerState = z.infer<typeof LearnerSchema>;

export const learnerStore = createDeviceStore<LearnerState>(LEARNER_KEY, LearnerSchema, {
  onboarded: false,
  consents: null,
  profile: null,
  signedInVia: null,
});

/**
 * Whether anything about this learner may go to the server: the progress consent is given,
 * and the learner is not under 16 (a guardian must confirm first, DOMAIN.md §5.1).
 */
export function mayUseServer(state: LearnerState): boolean {
  return state.consents?.progress === true && state.profile?.ageBand !== "duoi-16";
}

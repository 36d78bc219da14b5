// The HTTP contract between the mini app and the bot server (docs/API.md).
// Requests are strict: an unknown field is a client mistake worth naming.
import { z } from "zod";
import { AgeBandSchema, AudienceSchema, ConsentPurposeSchema } from "./learner.ts";
import { LessonIdSchema } from "./content.ts";

/** The closed set of error codes; bot-server maps each to one HTTP status. */
export const ErrorCodeSchema = z.enum([
  "bad_request",
  "unauthorized",
  "forbidden",
  "not_found",
  "method_not_allowed",
  "conflict",
  "payload_too_large",
  "rate_limited",
  "upstream",
  "internal",
  "unavailable",
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const ErrorBodySchema = z.object({
  error: z.object({
    code: ErrorCodeSchema,
    message: z.string(),
    /** for bad_request: each invalid field by its path, e.g. "quiz.correct" */
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
  requestId: z.string().optional(),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

export const SessionRequestSchema = z.strictObject({
  /** the value of zmp-sdk getAccessToken() (or a sandbox token) */
  accessToken: z.string().min(1).max(4096),
});
export type SessionRequest = z.infer<typeof SessionRequestSchema>;

export const ConsentStateSchema = z.object({
  granted: z.boolean(),
  version: z.string(),
  decidedAt: z.string(),
});
export type ConsentState = z.infer<typeof ConsentStateSchema>;

export const MeSchema = z.object({
  displayName: z.string().nullable(),
  tdpId: z.string().nullable(),
  audience: AudienceSchema.nullable(),
  ageBand: AgeBandSchema.nullable(),
  guardianConfirmed: z.boolean(),
  consents: z.partialRecord(ConsentPurposeSchema, ConsentStateSchema),
  createdAt: z.string(),
});
export type Me = z.infer<typeof MeSchema>;

export const SessionResponseSchema = z.object({
  token: z.string(),
  expiresAt: z.string(),
  me: MeSchema,
});
export type SessionResponse = z.infer<typeof SessionResponseSchema>;

export const PatchMeRequestSchema = z
  .strictObject({
    displayName: z.string().trim().min(1).max(80).nullable(),
    tdpId: z.string().min(1).max(64),
    audience: AudienceSchema,
    ageBand: AgeBandSchema,
    /** a guardian confirmed in person or in their own Zalo (required for under-16s) */
    guardianConfirmed: z.boolean(),
    /** each purpose given or withdrawn; the version of the notice text the learner saw */
    consents: z.partialRecord(ConsentPurposeSchema, z.boolean()),
    consentVersion: z.string().min(1).max(32),
  })
  .partial()
  .refine((b) => b.consents === undefined || b.consentVersion !== undefined, {
    message: "consentVersion is required when consents are given",
    path: ["consentVersion"],
  });
export type PatchMeRequest = z.infer<typeof PatchMeRequestSchema>;

export const ProgressPutSchema = z
  .strictObject({
    /** the step the learner is on (0-based); the quiz counts as the step after the last */
    stepIndex: z.number().int().min(0).max(50),
    completed: z.boolean(),
    quiz: z
      .strictObject({ correct: z.number().int().min(0), total: z.number().int().min(1) })
      .refine((q) => q.correct <= q.total, { message: "correct cannot exceed total", path: ["correct"] })
      .optional(),
  })
  .refine((b) => !b.completed || b.quiz !== undefined, {
    message: "a completed lesson carries its quiz score",
    path: ["quiz"],
  });
export type ProgressPut = z.infer<typeof ProgressPutSchema>;

export const ProgressSchema = z.object({
  lessonId: LessonIdSchema,
  stepIndex: z.number().int(),
  completedAt: z.string().nullable(),
  bestCorrect: z.number().int().nullable(),
  lastCorrect: z.number().int().nullable(),
  total: z.number().int().nullable(),
  updatedAt: z.string(),
});
export type Progress = z.infer<typeof ProgressSchema>;

export const ProgressListSchema = z.object({ items: z.array(ProgressSchema) });

export const PublicConfigSchema = z.object({
  wardName: z.string(),
  residentialGroups: z.array(z.object({ id: z.string(), name: z.string() })),
  /** set when the server talks to the local Zalo sandbox instead of Zalo */
  sandbox: z.object({ url: z.string() }).nullable(),
});
export type PublicConfig = z.infer<typeof PublicConfigSchema>;

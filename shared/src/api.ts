// The HTTP contract between the mini app and the bot server (docs/API.md).
// Requests are strict: an unknown field is a client mistake worth naming.
import { z } from "zod";
import { AgeBandSchema, AudienceSchema, ConsentPurposeSchema } from "./learner.ts";
import { LessonIdSchema } from "./content.ts";
import { IsoDateSchema } from "./dates.ts";

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
  /** the learner's own "Tôi đã được xác nhận" on the national platform, as a date */
  certifiedOn: IsoDateSchema.nullable(),
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
    /** YYYY-MM-DD, not in the future and not before the platform opened (2025-03-26); null withdraws it */
    certifiedOn: IsoDateSchema.nullable(),
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

/**
 * Offline sync: what the learner did while the phone may have been offline, sent as a
 * batch of events with ids made on the phone. The server stores each id once, so the
 * same batch sent twice (a retry after a lost answer) counts nothing twice.
 */
const EventBase = {
  /** a UUID made on the phone when the event happened */
  id: z.uuid(),
  lessonId: LessonIdSchema,
  /** when it happened on the phone (ISO 8601) */
  at: z.iso.datetime({ offset: true }),
};

export const SyncEventSchema = z.discriminatedUnion("type", [
  /** the learner reached a step (resume point) */
  z.strictObject({ ...EventBase, type: z.literal("step"), stepIndex: z.number().int().min(0).max(50) }),
  /** one answer to one question, in a lesson quiz or a review */
  z.strictObject({
    ...EventBase,
    type: z.literal("answer"),
    questionId: z.string().min(1).max(64),
    choice: z.number().int().min(0).max(2),
    source: z.enum(["quiz", "review"]),
  }),
  /** a whole quiz attempt finished */
  z.strictObject({
    ...EventBase,
    type: z.literal("quiz-finished"),
    correct: z.number().int().min(0),
    total: z.number().int().min(1),
  }),
]);
export type SyncEvent = z.infer<typeof SyncEventSchema>;

export const SyncRequestSchema = z.strictObject({
  events: z.array(SyncEventSchema).min(1).max(200),
});
export type SyncRequest = z.infer<typeof SyncRequestSchema>;

export const SyncResponseSchema = z.object({
  /** ids stored now */
  accepted: z.array(z.string()),
  /** ids already stored before: ignored */
  duplicates: z.array(z.string()),
  /** the learner's progress after applying the batch */
  progress: z.array(ProgressSchema),
});
export type SyncResponse = z.infer<typeof SyncResponseSchema>;

/** One upcoming meeting of a TDP's weekly class, as residents see it. */
export const ClassOccurrenceViewSchema = z.object({
  classId: z.string(),
  tdpId: z.string(),
  date: IsoDateSchema,
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  topic: z.string(),
  bring: z.string(),
  lessonIds: z.array(z.string()),
  /** with a session: whether this learner said "Tôi sẽ tham gia"; otherwise null */
  going: z.boolean().nullable(),
});
export type ClassOccurrenceView = z.infer<typeof ClassOccurrenceViewSchema>;

export const ClassListSchema = z.object({ items: z.array(ClassOccurrenceViewSchema) });

export const RsvpRequestSchema = z.strictObject({ going: z.boolean() });

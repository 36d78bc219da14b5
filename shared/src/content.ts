// The shape of the compiled course: what content/ produces and both apps read.
// Lesson text is stored as small blocks of styled runs, never as HTML, so nothing
// from a content file can inject markup into the mini app.
import { z } from "zod";

export const InlineRunSchema = z.strictObject({
  text: z.string().min(1),
  strong: z.literal(true).optional(),
  em: z.literal(true).optional(),
  code: z.literal(true).optional(),
});
export type InlineRun = z.infer<typeof InlineRunSchema>;

export const BlockSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("p"), runs: z.array(InlineRunSchema).min(1) }),
  z.strictObject({
    type: z.literal("list"),
    ordered: z.boolean(),
    items: z.array(z.array(InlineRunSchema).min(1)).min(1),
  }),
]);
export type Block = z.infer<typeof BlockSchema>;

export const ModuleIdSchema = z.enum(["m1", "m2", "m3", "m4", "m5"]);
export type ModuleId = z.infer<typeof ModuleIdSchema>;

/** kebab-case ascii id, stable forever: progress rows and links refer to it. */
export const LessonIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be kebab-case ascii, e.g. vneid-muc-2")
  .max(64);

export const QuestionTypeSchema = z.enum(["single", "truefalse", "scenario"]);
export type QuestionType = z.infer<typeof QuestionTypeSchema>;

export const QuestionSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/).max(64),
    type: QuestionTypeSchema,
    prompt: z.string().min(1),
    options: z.array(z.string().min(1)).min(2).max(3),
    /** index into options of the one correct answer */
    answer: z.number().int().min(0),
    explanation: z.string().min(1),
  })
  .refine((q) => q.answer < q.options.length, { message: "answer points past the last option", path: ["answer"] });
export type Question = z.infer<typeof QuestionSchema>;

export const SourceSchema = z.strictObject({
  key: z.string().regex(/^S\d+[a-z]?$/, "source key like S41 (DOMAIN.md §7)"),
  publisher: z.string().min(1),
  title: z.string().min(1),
  date: z.string().min(1),
});
export type Source = z.infer<typeof SourceSchema>;

export const StepSchema = z.strictObject({
  title: z.string().min(1),
  body: z.array(BlockSchema).min(1),
});
export type Step = z.infer<typeof StepSchema>;

export const LessonSchema = z.strictObject({
  id: LessonIdSchema,
  module: ModuleIdSchema,
  order: z.number().int().min(1),
  title: z.string().min(1),
  minutes: z.number().int().min(1).max(10),
  /** DigComp 2.2 competence codes, e.g. "2.6" */
  digcomp: z.array(z.string().regex(/^[1-5]\.[1-6]$/)).min(1),
  sources: z.array(SourceSchema).min(1),
  goal: z.string().min(1),
  steps: z.array(StepSchema).min(3).max(6),
  /** the "Ghi nhớ" box */
  remember: z.array(BlockSchema).min(1),
  quiz: z.array(QuestionSchema).min(1),
});
export type Lesson = z.infer<typeof LessonSchema>;

export const LessonSummarySchema = z.strictObject({
  id: LessonIdSchema,
  module: ModuleIdSchema,
  order: z.number().int(),
  title: z.string(),
  minutes: z.number().int(),
  stepCount: z.number().int(),
  questionCount: z.number().int(),
});
export type LessonSummary = z.infer<typeof LessonSummarySchema>;

export const ModuleSchema = z.strictObject({
  id: ModuleIdSchema,
  title: z.string().min(1),
  lessons: z.array(LessonSummarySchema),
});
export type CourseModule = z.infer<typeof ModuleSchema>;

/** The light index the first screen needs; lesson bodies load on demand. */
export const CatalogSchema = z.strictObject({
  version: z.string(),
  modules: z.array(ModuleSchema).min(1),
});
export type Catalog = z.infer<typeof CatalogSchema>;

export function summarise(lesson: Lesson): LessonSummary {
  return {
    id: lesson.id,
    module: lesson.module,
    order: lesson.order,
    title: lesson.title,
    minutes: lesson.minutes,
    stepCount: lesson.steps.length,
    questionCount: lesson.quiz.length,
  };
}

/** Plain text of a block list, for read-aloud and for length checks. */
export function blocksToText(blocks: Block[]): string {
  return blocks
    .map((b) => (b.type === "p" ? runsToText(b.runs) : b.items.map(runsToText).join("\n")))
    .join("\n");
}

export function runsToText(runs: InlineRun[]): string {
  return runs.map((r) => r.text).join("");
}

/**
 * The placement check: one question per module, asked once, to suggest where to start.
 * A module whose question is answered right can be skipped for now.
 */
export const PlacementQuestionSchema = z.strictObject({
  module: ModuleIdSchema,
  question: QuestionSchema,
});
export type PlacementQuestion = z.infer<typeof PlacementQuestionSchema>;

export const PlacementSchema = z.array(PlacementQuestionSchema).min(1);

/**
 * The module to start with: the first, in course order, whose placement question was
 * answered wrongly (or not at all); undefined when every answer was right.
 */
export function suggestStart(
  moduleOrder: readonly ModuleId[],
  answers: ReadonlyMap<ModuleId, boolean>,
): ModuleId | undefined {
  return moduleOrder.find((m) => answers.get(m) !== true);
}

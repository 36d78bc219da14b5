// A lesson draft → a validated Lesson. Two layers: the rules the schema cannot express
// (step and question counts, a mix of question types, sources present, the rules of
// each question in question-rules.ts, the writing rules, the file's place matching its
// id and module), then LessonSchema itself for the shape. Where a rule here and the
// schema would report the same thing, only the rule's clearer message is kept (see
// OWNED_PATHS).
import { blocksToText, LessonSchema, runsToText, type InlineRun, type Lesson } from "@hocso/shared/content";
import type { PlacedBlock } from "./blocks.ts";
import type { LessonDraft } from "./parse-lesson.ts";
import { QUIZ_HEADING, REMEMBER_HEADING } from "./parse-lesson.ts";
import { markerOf, QUESTION_MARKERS } from "./parse-quiz.ts";
import type { ProblemList } from "./problems.ts";
import { checkQuestion, questionPassages } from "./question-rules.ts";
import { describePath, reportIssues } from "./schema-problems.ts";
import { checkPassages, type Passage } from "./writing-rules.ts";
import type { DataPath } from "./yaml-source.ts";

/** Where the file sits: lessons/<module>/<id>.md. */
export interface LessonPlace {
  module: string;
  id: string;
}

export const STEP_COUNT = { min: 3, max: 6 } as const;
export const QUESTION_COUNT = { min: 4, max: 5 } as const;
/** How many of the three question types a quiz mixes, at least. */
export const MIN_QUESTION_TYPES = 2;
const BODY_KEYS = ["steps", "remember", "quiz"] as const;

export function checkLesson(draft: LessonDraft, place: LessonPlace, problems: ProblemList): Lesson | undefined {
  const frontMatter = readFrontMatter(draft, problems);
  checkSections(draft, problems);
  checkSources(draft, frontMatter, problems);
  const quiz = (draft.quiz?.questions ?? []).map((question, index) => checkQuestion(question, `q${index + 1}`, problems));
  const candidate = {
    ...frontMatter,
    steps: draft.steps.map((step) => ({ title: step.title, body: step.body.map((placed) => placed.block) })),
    remember: draft.remember?.body.map((placed) => placed.block) ?? [],
    quiz,
  };
  const parsed = LessonSchema.safeParse(candidate);
  if (!parsed.success) {
    // Without front matter every field would be "required": one problem says it all.
    const issues = parsed.error.issues.filter(
      (issue) => !isOwnedPath(issue.path) && (draft.frontMatter !== undefined || isBodyPath(issue.path)),
    );
    reportIssues(issues, { locate: (path) => locate(draft, path), describe: (path) => describe(path) }, problems);
  }
  checkPlace(draft, frontMatter, place, problems);
  checkPassages(passagesOf(draft, frontMatter), problems);
  return parsed.success && problems.isEmpty ? parsed.data : undefined;
}

function readFrontMatter(draft: LessonDraft, problems: ProblemList): Record<string, unknown> {
  const data = draft.frontMatter?.data;
  if (draft.frontMatter && (typeof data !== "object" || data === null || Array.isArray(data))) {
    problems.add(1, "front matter must be `field: value` lines (id, module, order, title, …)");
    return {};
  }
  const fields = { ...(data as Record<string, unknown> | undefined) };
  for (const key of BODY_KEYS) {
    if (key in fields) {
      problems.add(draft.frontMatter?.lineOf([key]), `front matter must not set "${key}"; write it in the body`);
      delete fields[key];
    }
  }
  // YAML reads an unquoted 2.6 as a number; DigComp codes are labels, so accept both.
  if (Array.isArray(fields.digcomp)) {
    fields.digcomp = fields.digcomp.map((code: unknown) => (typeof code === "number" ? String(code) : code));
  }
  return fields;
}

function checkSections(draft: LessonDraft, problems: ProblemList): void {
  const stepCount = draft.steps.length;
  if (stepCount < STEP_COUNT.min || stepCount > STEP_COUNT.max) {
    problems.add(
      draft.steps[STEP_COUNT.max]?.line ?? draft.steps[0]?.line ?? draft.remember?.line,
      `a lesson has ${STEP_COUNT.min} to ${STEP_COUNT.max} steps ("##" headings); this one has ${stepCount}`,
    );
  }
  // Only when nothing was written: content that was there but rejected is reported already.
  for (const step of draft.steps) {
    if (!step.written) problems.add(step.line, "this step has no text under its heading");
  }
  if (!draft.remember) problems.add(undefined, `the lesson has no "## ${REMEMBER_HEADING}" section`);
  else if (!draft.remember.written) problems.add(draft.remember.line, `"## ${REMEMBER_HEADING}" is empty`);
  const questionCount = draft.quiz?.questions.length ?? 0;
  if (!draft.quiz) problems.add(undefined, `the lesson has no "## ${QUIZ_HEADING}" section`);
  else if (questionCount < QUESTION_COUNT.min || questionCount > QUESTION_COUNT.max) {
    problems.add(
      draft.quiz.line,
      `"## ${QUIZ_HEADING}" has ${questionCount} questions; a lesson has ${QUESTION_COUNT.min} to ${QUESTION_COUNT.max}`,
    );
  }
  if (draft.quiz) checkQuestionMix(draft.quiz, problems);
}

/** DOMAIN.md §3.1: a quiz mixes chọn 1, đúng/sai and tình huống, so it tests more than recall. */
function checkQuestionMix(quiz: NonNullable<LessonDraft["quiz"]>, problems: ProblemList): void {
  const [first, ...rest] = quiz.questions.map((question) => question.type);
  // Too few questions is reported already; a question without a valid marker has no type.
  if (!first || rest.length === 0 || rest.some((type) => type === undefined)) return;
  if (new Set([first, ...rest]).size >= MIN_QUESTION_TYPES) return;
  const markers = Object.keys(QUESTION_MARKERS).map((marker) => `[${marker}]`);
  problems.add(
    quiz.line,
    `every question is [${markerOf(first)}]; mix at least ${MIN_QUESTION_TYPES} of the types ${markers.join(", ")}`,
  );
}

/** Every fact comes from the research (DOMAIN.md §7); a lesson without sources cannot be checked. */
function checkSources(draft: LessonDraft, fields: Record<string, unknown>, problems: ProblemList): void {
  const data = draft.frontMatter?.data;
  // No front matter, or front matter that is not fields at all, is reported already.
  if (!draft.frontMatter || typeof data !== "object" || data === null || Array.isArray(data)) return;
  const { sources } = fields;
  if (Array.isArray(sources) && sources.length > 0) return;
  problems.add(
    draft.frontMatter.lineOf(["sources"]),
    'the lesson has no sources; list under "sources:" where its facts come from (key such as S41, publisher, title, date; DOMAIN.md §7)',
  );
}

function checkPlace(draft: LessonDraft, fields: Record<string, unknown>, place: LessonPlace, problems: ProblemList): void {
  const lineOf = (key: string) => draft.frontMatter?.lineOf([key]);
  if (typeof fields.id === "string" && fields.id !== place.id) {
    problems.add(lineOf("id"), `id "${fields.id}" must match the file name "${place.id}.md"`);
  }
  if (typeof fields.module === "string" && fields.module !== place.module) {
    problems.add(lineOf("module"), `module "${fields.module}" must match the folder "${place.module}"`);
  }
}

/**
 * Paths whose schema errors the rules above (or the parser) already report in plainer
 * words; "#" stands for any list position.
 */
const OWNED_PATHS = [
  "sources",
  "steps",
  "steps.#.title",
  "steps.#.body",
  "remember",
  "quiz",
  "quiz.#.prompt",
  "quiz.#.options",
  "quiz.#.options.#",
  "quiz.#.answer",
  "quiz.#.explanation",
];

function isOwnedPath(path: DataPath): boolean {
  const pattern = path.map((part) => (typeof part === "number" ? "#" : String(part))).join(".");
  return OWNED_PATHS.includes(pattern);
}

function isBodyPath(path: DataPath): boolean {
  return (BODY_KEYS as readonly PropertyKey[]).includes(path[0] ?? "");
}

/** Source line for a path into the lesson: front matter fields via YAML, body via the draft. */
function locate(draft: LessonDraft, path: DataPath): number | undefined {
  if (!isBodyPath(path)) return draft.frontMatter?.lineOf(path);
  const [head, index, field, part] = path;
  if (typeof index !== "number") return head === "remember" ? draft.remember?.line : undefined;
  if (head === "steps") {
    const step = draft.steps[index];
    return field === "body" && typeof part === "number" ? blockLine(step?.body[part], path.slice(4)) : step?.line;
  }
  if (head === "remember") return blockLine(draft.remember?.body[index], path.slice(2));
  const question = draft.quiz?.questions[index];
  if (field === "options" && typeof part === "number") return question?.options[part]?.line;
  if (field === "explanation") return question?.explanation?.line ?? question?.line;
  return question?.line;
}

/** Line of a block, or of one list item when the path goes on into "items". */
function blockLine(placed: PlacedBlock | undefined, rest: DataPath): number | undefined {
  const [key, item] = rest;
  return key === "items" && typeof item === "number" ? (placed?.partLines[item] ?? placed?.line) : placed?.line;
}

function describe(path: DataPath): string {
  return isBodyPath(path) ? describePath(path) : `front matter ${describePath(path)}`;
}

/** Every piece of text a learner reads, with its line, for the writing checks. */
function passagesOf(draft: LessonDraft, fields: Record<string, unknown>): Passage[] {
  const passages: Passage[] = [];
  if (typeof fields.goal === "string") passages.push({ text: fields.goal, line: draft.frontMatter?.lineOf(["goal"]) ?? 1 });
  if (typeof fields.title === "string") passages.push({ text: fields.title, line: draft.frontMatter?.lineOf(["title"]) ?? 1 });
  for (const step of draft.steps) {
    passages.push({ text: step.title, line: step.line }, ...step.body.flatMap(blockPassages));
  }
  passages.push(...(draft.remember?.body.flatMap(blockPassages) ?? []));
  for (const question of draft.quiz?.questions ?? []) passages.push(...questionPassages(question));
  return passages;
}

function blockPassages(placed: PlacedBlock): Passage[] {
  const { block } = placed;
  if (block.type === "p") return [{ text: blocksToText([block]), prose: prose(block.runs), line: placed.line }];
  return block.items.map((runs, i) => ({
    text: runsToText(runs),
    prose: prose(runs),
    line: placed.partLines[i] ?? placed.line,
  }));
}

/** The text outside `code` spans (what the learner types, e.g. an SMS), for the accent check. */
function prose(runs: InlineRun[]): string {
  return runs.map((run) => (run.code ? " " : run.text)).join("");
}

// The whole content package in one pass: every lesson file, placement.md, modules.yaml
// and ward.yaml are read, checked on their own and against each other (unique ids,
// unique order inside a module), and either compiled or reported, with every problem listed.
import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import type { Catalog, Lesson, PlacementQuestion } from "@hocso/shared/content";
import type { Ward } from "@hocso/shared/ward";
import { buildCatalog, sortLessons } from "./build-catalog.ts";
import { checkLesson } from "./lesson-rules.ts";
import { loadModules, loadWard, type ModuleList } from "./load-config.ts";
import { parseLesson } from "./parse-lesson.ts";
import { parsePlacement } from "./parse-placement.ts";
import { checkPlacement } from "./placement-rules.ts";
import { ProblemList, sortProblems, type Problem } from "./problems.ts";

export const PLACEMENT_FILE = "placement.md";

export interface CompiledLesson {
  lesson: Lesson;
  /** source file relative to the display root, e.g. content/lessons/m1/vneid-muc-2.md */
  file: string;
}

export interface CompiledContent {
  /** in catalog order */
  lessons: CompiledLesson[];
  catalog: Catalog;
  ward: Ward;
  /** one question per module m1–m4, in course order */
  placement: PlacementQuestion[];
}

export type CompileResult =
  | { ok: true; content: CompiledContent }
  | {
      ok: false;
      problems: Problem[];
      lessonFileCount: number;
      /** the lessons whose own file had no problem (in file order), for previewing one while another is broken */
      cleanLessons: CompiledLesson[];
    };

export interface CompileOptions {
  /** the content package folder (holds lessons/, placement.md, modules.yaml, ward.yaml) */
  contentDir: string;
  /** file names in messages are relative to this; defaults to the repository root */
  displayRoot?: string;
}

/** What one lesson file yielded; `key` feeds the checks across files. */
interface LessonFileResult {
  file: string;
  problems: ProblemList;
  lesson: Lesson | undefined;
  key: { id: unknown; module: string; order: unknown; idLine?: number; orderLine?: number };
}

export async function compileContent(options: CompileOptions): Promise<CompileResult> {
  const { contentDir } = options;
  const display = (path: string) => relative(options.displayRoot ?? join(contentDir, ".."), path).split(sep).join("/");
  const modules = loadModules(await readText(join(contentDir, "modules.yaml")), display(join(contentDir, "modules.yaml")));
  const ward = loadWard(await readText(join(contentDir, "ward.yaml")), display(join(contentDir, "ward.yaml")));
  const lessonsDir = join(contentDir, "lessons");
  const paths = await findLessonFiles(lessonsDir);
  const results = await Promise.all(paths.map((path) => compileLessonFile(lessonsDir, path, display, modules.value)));
  checkAcrossFiles(results);
  const placement = await compilePlacement(join(contentDir, PLACEMENT_FILE), display);
  const lists = [modules.problems, ward.problems, placement.problems, ...results.map((result) => result.problems)];
  const problems = lists.flatMap((list) => list.items);
  if (problems.length > 0 || !modules.value || !ward.value || !placement.value) {
    const cleanLessons = results.flatMap((result) =>
      result.lesson && result.problems.isEmpty ? [{ lesson: result.lesson, file: result.file }] : [],
    );
    return { ok: false, problems: sortProblems(problems), lessonFileCount: paths.length, cleanLessons };
  }
  return { ok: true, content: { ...assemble(results, modules.value), ward: ward.value, placement: placement.value } };
}

function assemble(results: LessonFileResult[], modules: ModuleList): Pick<CompiledContent, "lessons" | "catalog"> {
  const fileOf = new Map(results.map((result) => [result.lesson?.id, result.file]));
  const lessons = sortLessons(
    results.flatMap((result) => (result.lesson ? [result.lesson] : [])),
    modules,
  );
  return {
    lessons: lessons.map((lesson) => ({ lesson, file: fileOf.get(lesson.id) ?? "" })),
    catalog: buildCatalog(lessons, modules),
  };
}

async function readText(path: string): Promise<string> {
  return readFile(path, "utf8");
}

async function compilePlacement(
  path: string,
  display: (path: string) => string,
): Promise<{ value: PlacementQuestion[] | undefined; problems: ProblemList }> {
  const problems = new ProblemList(display(path));
  let text: string;
  try {
    text = await readText(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    problems.add(1, `the placement check file is missing; create ${PLACEMENT_FILE} with one question per module m1 to m4`);
    return { value: undefined, problems };
  }
  return { value: checkPlacement(parsePlacement(text, problems), problems), problems };
}

/** Every .md under lessons/, sorted so output and ids never depend on disk order. */
async function findLessonFiles(lessonsDir: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await readdir(lessonsDir, { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  return entries.filter((entry) => entry.endsWith(".md")).sort();
}

async function compileLessonFile(
  lessonsDir: string,
  path: string,
  display: (path: string) => string,
  modules: ModuleList | undefined,
): Promise<LessonFileResult> {
  const file = display(join(lessonsDir, path));
  const problems = new ProblemList(file);
  const parts = path.split(sep);
  const module = parts.length === 2 ? (parts[0] ?? "") : "";
  const id = (parts.at(-1) ?? "").replace(/\.md$/, "");
  if (parts.length !== 2) problems.add(1, "lesson files go in lessons/<module>/<id>.md, e.g. lessons/m1/vneid-muc-2.md");
  else if (modules && !modules.some((listed) => listed.id === module)) {
    problems.add(1, `folder "${module}" is not a module listed in modules.yaml`);
  }
  const draft = parseLesson(await readText(join(lessonsDir, path)), problems);
  const lesson = checkLesson(draft, { module, id }, problems);
  const data = (draft.frontMatter?.data ?? {}) as Record<string, unknown>;
  const key = {
    id: data.id,
    module,
    order: data.order,
    idLine: draft.frontMatter?.lineOf(["id"]),
    orderLine: draft.frontMatter?.lineOf(["order"]),
  };
  return { file, problems, lesson, key };
}

/** Ids are forever (progress rows refer to them); order decides what a learner sees next. */
function checkAcrossFiles(results: LessonFileResult[]): void {
  const byId = new Map<unknown, LessonFileResult>();
  const byPlace = new Map<string, LessonFileResult>();
  for (const result of results) {
    const { id, module, order, idLine, orderLine } = result.key;
    const sameId = byId.get(id);
    if (typeof id === "string" && sameId) {
      result.problems.add(idLine, `lesson id "${id}" is already used by ${sameId.file}; ids must be unique`);
    } else byId.set(id, result);
    const place = `${module}#${String(order)}`;
    const samePlace = byPlace.get(place);
    if (typeof order === "number" && module && samePlace) {
      result.problems.add(orderLine, `order ${order} in module ${module} is already used by ${samePlace.file}`);
    } else byPlace.set(place, result);
  }
}

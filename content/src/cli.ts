// `pnpm --filter @hocso/content lint|build|preview`: check every lesson, placement.md,
// modules.yaml and ward.yaml; `build` then regenerates dist/, and `preview <lesson>`
// prints one lesson as plain text. Exit 0 when the content is clean, 1 when any content
// problem was found (all are printed as file:line: reason) or the lesson is unknown,
// 2 on misuse. An optional last argument names another content folder (the tests use it).
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { compileContent } from "./compile-content.ts";
import { lessonIdOf, renderPreview } from "./preview.ts";
import { formatProblem, type Problem } from "./problems.ts";
import { writeDist } from "./write-dist.ts";

const USAGE = [
  "usage: tsx src/cli.ts <lint|build> [content-dir]",
  "       tsx src/cli.ts preview <lesson id or file> [content-dir]",
].join("\n");
const LINT_COMMAND = "pnpm --filter @hocso/content lint";

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (command === "preview" && args[0]) return preview(args[0], contentDirOf(args[1]));
  if (command !== "lint" && command !== "build") {
    console.error(USAGE);
    return 2;
  }
  const contentDir = contentDirOf(args[0]);
  const result = await compileContent({ contentDir });
  if (!result.ok) {
    printProblems(result.problems);
    const files = new Set(result.problems.map((problem) => problem.file)).size;
    console.error(`content ${command}: ${plural(result.problems.length, "problem")} in ${plural(files, "file")}`);
    return 1;
  }
  const count = plural(result.content.lessons.length, "lesson");
  if (command === "lint") {
    print(`content lint: ${count} OK`);
    return 0;
  }
  const written = await writeDist(join(contentDir, "dist"), result.content);
  print(`content build: ${count} OK, ${written.length} files written to dist/ (catalog ${result.content.catalog.version})`);
  return 0;
}

function contentDirOf(dirArg: string | undefined): string {
  return dirArg ? resolve(dirArg) : fileURLToPath(new URL("..", import.meta.url));
}

/** One lesson as the learner reads it, after the checks; another lesson's problems don't block it. */
async function preview(idOrPath: string, contentDir: string): Promise<number> {
  const id = lessonIdOf(idOrPath);
  const result = await compileContent({ contentDir });
  const problems = result.ok ? [] : result.problems;
  const own = problems.filter((problem) => isLessonFile(problem.file, id));
  if (own.length > 0) {
    printProblems(own);
    const fix = own.length === 1 ? "fix it" : "fix them";
    console.error(`content preview: ${plural(own.length, "problem")} in ${own[0]?.file}; ${fix}, then preview again`);
    return 1;
  }
  const lessons = result.ok ? result.content.lessons : result.cleanLessons;
  const compiled = lessons.find(({ lesson }) => lesson.id === id);
  if (!compiled) {
    const known = lessons.map(({ lesson }) => lesson.id).join(", ");
    console.error(
      `content preview: there is no lesson "${id}". A lesson's id is its file name without .md; the lessons are: ${known}`,
    );
    return 1;
  }
  print(renderPreview(compiled).trimEnd());
  if (problems.length > 0) {
    console.error(`note: ${plural(problems.length, "problem")} in other files; run \`${LINT_COMMAND}\` to see them`);
  }
  return 0;
}

/** content/lessons/m1/vneid-muc-2.md belongs to lesson "vneid-muc-2". */
function isLessonFile(file: string, id: string): boolean {
  const parts = file.split("/");
  return parts.at(-3) === "lessons" && parts.at(-1) === `${id}.md`;
}

function printProblems(problems: Problem[]): void {
  for (const problem of problems) console.error(formatProblem(problem));
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

process.exitCode = await main(process.argv.slice(2));

// `pnpm --filter @hocso/content lint|build`: check every lesson, modules.yaml and
// ward.yaml; `build` then regenerates dist/. Exit 0 when the content is clean, 1 when
// any content problem was found (all are printed as file:line: reason), 2 on misuse.
// An optional second argument names another content folder (the tests use it).
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { compileContent } from "./compile-content.ts";
import { formatProblem } from "./problems.ts";
import { writeDist } from "./write-dist.ts";

const USAGE = "usage: tsx src/cli.ts <lint|build> [content-dir]";

async function main(argv: string[]): Promise<number> {
  const [command, dirArg] = argv;
  if (command !== "lint" && command !== "build") {
    console.error(USAGE);
    return 2;
  }
  const contentDir = dirArg ? resolve(dirArg) : fileURLToPath(new URL("..", import.meta.url));
  const result = await compileContent({ contentDir });
  if (!result.ok) {
    for (const problem of result.problems) console.error(formatProblem(problem));
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

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

process.exitCode = await main(process.argv.slice(2));

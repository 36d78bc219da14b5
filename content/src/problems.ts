// A content problem, reported as `content/lessons/m1/x.md:12: reason` so an editor or a
// terminal can jump straight to it. Every check collects problems instead of throwing,
// so one run shows the ward officer everything that needs fixing, not just the first thing.
import type { Node } from "mdast";

export interface Problem {
  /** path relative to the repository root, with forward slashes */
  file: string;
  /** 1-based line; 1 when nothing more precise is known */
  line: number;
  message: string;
}

export function formatProblem(problem: Problem): string {
  return `${problem.file}:${problem.line}: ${problem.message}`;
}

/** Problems in file order, then line order, so the output reads top to bottom. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
}

/** Collects problems for one file; parsers receive it instead of a bare array. */
export class ProblemList {
  readonly items: Problem[] = [];

  constructor(readonly file: string) {}

  /** Same line and message twice (e.g. both tags of <b>…</b>) is reported once. */
  add(line: number | undefined, message: string): void {
    const problem = { file: this.file, line: line ?? 1, message };
    if (!this.items.some((item) => item.line === problem.line && item.message === message)) this.items.push(problem);
  }

  get isEmpty(): boolean {
    return this.items.length === 0;
  }
}

/** Start line of a Markdown node; 1 when the node carries no position. */
export function lineOf(node: Node | undefined): number {
  return node?.position?.start.line ?? 1;
}

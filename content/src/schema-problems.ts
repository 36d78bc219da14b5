// zod issues → file:line problems. The schemas in @hocso/shared stay the single source
// of truth for the data's shape; this only says, in words, where and what went wrong.
import type { z } from "zod";
import type { DataPath } from "./yaml-source.ts";
import type { ProblemList } from "./problems.ts";

export interface IssueContext {
  /** line for a data path, or undefined to fall back to line 1 */
  locate(path: DataPath): number | undefined;
  /** how a path is named in the message, e.g. `front matter "sources" #2 "date"` */
  describe(path: DataPath): string;
}

export function reportIssues(issues: readonly z.core.$ZodIssue[], context: IssueContext, problems: ProblemList): void {
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        problems.add(context.locate(path), `${context.describe(path)}: unknown field; check its spelling`);
      }
      continue;
    }
    problems.add(context.locate(issue.path), `${context.describe(issue.path)}: ${explain(issue)}`);
  }
}

function explain(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_type" && issue.message.endsWith("received undefined")) return "is required";
  return issue.message;
}

/** `"sources" #2 "date"`: field names quoted, list positions counted from 1 as people do. */
export function describePath(path: DataPath): string {
  return path.map((part) => (typeof part === "number" ? `#${part + 1}` : `"${String(part)}"`)).join(" ");
}

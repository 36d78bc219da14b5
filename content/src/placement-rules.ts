// Placement drafts → the validated placement check: exactly one question for each of
// m1–m4, each obeying the same question and writing rules as a lesson's quiz, then
// PlacementSchema for the shape. The result is in course order.
import { PlacementSchema, type ModuleId, type PlacementQuestion } from "@hocso/shared/content";
import type { PlacementSectionDraft } from "./parse-placement.ts";
import type { ProblemList } from "./problems.ts";
import { checkQuestion, questionPassages } from "./question-rules.ts";
import { describePath, reportIssues } from "./schema-problems.ts";
import { checkPassages } from "./writing-rules.ts";

/** The modules the placement check covers; m5 (the certification guide) is for everyone. */
export const PLACEMENT_MODULES = ["m1", "m2", "m3", "m4"] as const satisfies readonly ModuleId[];
type PlacementModule = (typeof PLACEMENT_MODULES)[number];

export function checkPlacement(sections: PlacementSectionDraft[], problems: ProblemList): PlacementQuestion[] | undefined {
  const found = new Map<PlacementModule, PlacementQuestion>();
  const lineOfModule = new Map<PlacementModule, number>();
  for (const section of sections) {
    const module = placementModule(section, problems);
    if (!module) continue;
    const earlier = lineOfModule.get(module);
    if (earlier !== undefined) {
      problems.add(section.line, `module ${module} already has a placement question at line ${earlier}; keep one`);
      continue;
    }
    lineOfModule.set(module, section.line);
    const question = sectionQuestion(section, module, problems);
    if (question) found.set(module, question);
  }
  for (const module of PLACEMENT_MODULES) {
    if (!lineOfModule.has(module)) {
      problems.add(1, `no placement question for ${module}; add a "## ${module}" section with one question`);
    }
  }
  if (!problems.isEmpty) return undefined;
  const placement = PLACEMENT_MODULES.flatMap((module) => found.get(module) ?? []);
  // The rules above cover every field; the schema stays the last word on the shape.
  const parsed = PlacementSchema.safeParse(placement);
  if (!parsed.success) {
    const locate = (path: readonly PropertyKey[]) => lineOfModule.get(PLACEMENT_MODULES[Number(path[0])] ?? "m1");
    reportIssues(parsed.error.issues, { locate, describe: describePath }, problems);
    return undefined;
  }
  return parsed.data;
}

function placementModule(section: PlacementSectionDraft, problems: ProblemList): PlacementModule | undefined {
  const module = PLACEMENT_MODULES.find((id) => id === section.module);
  if (module) return module;
  const headings = PLACEMENT_MODULES.map((id) => `"## ${id}"`).join(", ");
  problems.add(
    section.line,
    section.module === "m5"
      ? "m5 (the certification guide) has no placement question; the check covers m1 to m4"
      : `"## ${section.module}" is not a module of the placement check; the headings are ${headings}`,
  );
  return undefined;
}

function sectionQuestion(
  section: PlacementSectionDraft,
  module: PlacementModule,
  problems: ProblemList,
): PlacementQuestion | undefined {
  const [draft, extra] = section.questions;
  if (!draft) {
    problems.add(section.line, `"## ${module}" has no question; add one, e.g. "### [Chọn 1] …"`);
    return undefined;
  }
  if (extra) {
    problems.add(
      extra.line,
      `"## ${module}" has ${section.questions.length} questions; the placement check asks exactly one per module`,
    );
  }
  const question = checkQuestion(draft, `p-${module}`, problems);
  checkPassages(questionPassages(draft), problems);
  return { module, question };
}

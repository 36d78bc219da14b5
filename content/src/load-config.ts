// The two YAML data files beside the lessons: ward.yaml (the ward's TDPs, targets and
// reminder times, shape in @hocso/shared/ward) and modules.yaml (the course modules in
// the order the app lists them). Both are edited by hand, so both report file:line.
import { ModuleIdSchema } from "@hocso/shared/content";
import { WardSchema, type Ward } from "@hocso/shared/ward";
import { z } from "zod";
import { ProblemList } from "./problems.ts";
import { describePath, reportIssues } from "./schema-problems.ts";
import { parseYaml, type YamlSource } from "./yaml-source.ts";

export const ModuleListSchema = z
  .array(z.strictObject({ id: ModuleIdSchema, title: z.string().min(1) }))
  .min(1);
export type ModuleList = z.infer<typeof ModuleListSchema>;

export interface Loaded<T> {
  value: T | undefined;
  problems: ProblemList;
}

export function loadWard(text: string, file: string): Loaded<Ward> {
  return loadYaml(text, file, WardSchema, checkWard);
}

export function loadModules(text: string, file: string): Loaded<ModuleList> {
  return loadYaml(text, file, ModuleListSchema, checkModules);
}

function loadYaml<T>(
  text: string,
  file: string,
  schema: z.ZodType<T>,
  extraChecks: (value: T, source: YamlSource, problems: ProblemList) => void,
): Loaded<T> {
  const problems = new ProblemList(file);
  const source = parseYaml(text.normalize("NFC"), 1, problems);
  const parsed = schema.safeParse(source.data);
  if (!parsed.success) {
    reportIssues(parsed.error.issues, { locate: source.lineOf, describe: describePath }, problems);
    return { value: undefined, problems };
  }
  extraChecks(parsed.data, source, problems);
  return { value: problems.isEmpty ? parsed.data : undefined, problems };
}

function checkWard(ward: Ward, source: YamlSource, problems: ProblemList): void {
  reportDuplicates(
    ward.residentialGroups.map((group) => group.id),
    (index) => source.lineOf(["residentialGroups", index, "id"]),
    (id) => `two residential groups have the id "${id}"; ids must be unique`,
    problems,
  );
  ward.residentialGroups.forEach((group, index) => {
    // The sender posts to an OA group by its GMF id (DESIGN.md "Reaching residents").
    if ((group.channel === "oa-group" || group.channel === "sandbox") && !group.zaloGroupId) {
      problems.add(
        source.lineOf(["residentialGroups", index]),
        `"${group.name}" uses channel ${group.channel} but has no zaloGroupId`,
      );
    }
  });
}

function checkModules(modules: ModuleList, source: YamlSource, problems: ProblemList): void {
  reportDuplicates(
    modules.map((module) => module.id),
    (index) => source.lineOf([index, "id"]),
    (id) => `module "${id}" is listed twice`,
    problems,
  );
}

/** Report every repeat of a value after its first appearance. */
export function reportDuplicates(
  values: string[],
  lineAt: (index: number) => number | undefined,
  message: (value: string) => string,
  problems: ProblemList,
): void {
  const seen = new Set<string>();
  values.forEach((value, index) => {
    if (seen.has(value)) problems.add(lineAt(index), message(value));
    seen.add(value);
  });
}

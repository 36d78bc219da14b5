// The catalog: the light index the mini app's first screen loads (module titles and
// lesson summaries), with a version that changes whenever any lesson text changes, so
// caches of lesson bodies can be dropped when the content moves on.
import { createHash } from "node:crypto";
import { summarise, type Catalog, type Lesson } from "@hocso/shared/content";
import type { ModuleList } from "./load-config.ts";

export const VERSION_LENGTH = 12;

/** Lessons in catalog order: modules as listed in modules.yaml, then by `order`. */
export function sortLessons(lessons: Lesson[], modules: ModuleList): Lesson[] {
  const rank = new Map(modules.map((module, index) => [module.id, index]));
  const moduleRank = (lesson: Lesson) => rank.get(lesson.module) ?? modules.length;
  return [...lessons].sort((a, b) => moduleRank(a) - moduleRank(b) || a.order - b.order);
}

export function buildCatalog(lessons: Lesson[], modules: ModuleList): Catalog {
  const sorted = sortLessons(lessons, modules);
  return {
    version: contentHash({ modules, lessons: sorted }),
    modules: modules.map((module) => ({
      id: module.id,
      title: module.title,
      lessons: sorted.filter((lesson) => lesson.module === module.id).map(summarise),
    })),
  };
}

function contentHash(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, VERSION_LENGTH);
}

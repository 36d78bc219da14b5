import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { CatalogSchema, LessonSchema, PlacementSchema, type Catalog, type Lesson } from "@hocso/shared/content";
import { WardSchema } from "@hocso/shared/ward";
import { afterEach, describe, expect, it } from "vitest";
import type { CompiledContent } from "./compile-content.ts";
import { makeContentFixture, validLesson, type ContentFixture } from "./content-fixture.ts";
import { writeDist } from "./write-dist.ts";

let fixture: ContentFixture | undefined;
afterEach(async () => {
  await fixture?.remove();
  fixture = undefined;
});

/** Compile lesson files in a fresh fixture; returns the content and the fixture's dist/ path. */
async function compiled(
  lessons: Record<string, string>,
): Promise<{ content: CompiledContent; dist: string; current: ContentFixture }> {
  const current = await makeContentFixture(lessons);
  fixture = current;
  return { content: await recompile(current), dist: join(current.contentDir, "dist"), current };
}

async function recompile(current: ContentFixture): Promise<CompiledContent> {
  const result = await current.compile();
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join("\n"));
  return result.content;
}

async function readTsFiles(dist: string): Promise<string[]> {
  const files = (await listFiles(dist)).filter((file) => file.endsWith(".ts"));
  return Promise.all(files.map((file) => readFile(join(dist, file), "utf8")));
}

/** Import a generated module the way a consumer would; `v` defeats the module cache between builds. */
async function importDist<T>(dist: string, file: string, v = 0): Promise<T> {
  return (await import(`${pathToFileURL(join(dist, file)).href}?v=${v}`)) as T;
}

async function listFiles(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).sort();
}

const twoLessons = {
  "lessons/m3/bai-sau.md": validLesson({ id: "bai-sau", module: "m3", order: 1 }),
  "lessons/m1/bai-hai.md": validLesson({ id: "bai-hai", module: "m1", order: 2 }),
  "lessons/m1/bai-mot.md": validLesson({ id: "bai-mot", module: "m1", order: 1 }),
};

describe("build output in dist/", () => {
  it("writes lesson, catalog, loader, all-lessons, ward and placement modules that import and hold valid data", async () => {
    const { content, dist } = await compiled(twoLessons);
    await writeDist(dist, content);
    expect(await listFiles(dist)).toEqual([
      "all-lessons.ts",
      "catalog.ts",
      "lesson-loaders.ts",
      "lessons",
      "lessons/bai-hai.ts",
      "lessons/bai-mot.ts",
      "lessons/bai-sau.ts",
      "placement.ts",
      "ward.ts",
    ]);

    const { lessons } = await importDist<{ lessons: Lesson[] }>(dist, "all-lessons.ts");
    expect(lessons.map((lesson) => lesson.id)).toEqual(["bai-mot", "bai-hai", "bai-sau"]);
    for (const lesson of lessons) expect(LessonSchema.parse(lesson)).toEqual(lesson);

    const { catalog } = await importDist<{ catalog: Catalog }>(dist, "catalog.ts");
    expect(CatalogSchema.parse(catalog)).toEqual(content.catalog);
    expect(catalog.modules.map((module) => module.lessons.map((lesson) => lesson.id))).toEqual([
      ["bai-mot", "bai-hai"],
      [],
      ["bai-sau"],
      [],
      [],
    ]);

    const { ward } = await importDist<{ ward: unknown }>(dist, "ward.ts");
    expect(WardSchema.parse(ward)).toEqual(content.ward);

    const { placement } = await importDist<{ placement: unknown }>(dist, "placement.ts");
    expect(PlacementSchema.parse(placement)).toEqual(content.placement);
    expect(await readFile(join(dist, "placement.ts"), "utf8")).toContain(
      'import type { PlacementQuestion } from "@hocso/shared/content";\n\nexport const placement: PlacementQuestion[] = [',
    );
  });

  it("loads each lesson on demand by id and answers undefined for unknown ids", async () => {
    const { content, dist } = await compiled(twoLessons);
    await writeDist(dist, content);
    const loaders = await importDist<{
      lessonIds: string[];
      loadLesson(id: string): Promise<Lesson | undefined>;
    }>(dist, "lesson-loaders.ts");
    expect(loaders.lessonIds).toEqual(["bai-mot", "bai-hai", "bai-sau"]);
    expect((await loaders.loadLesson("bai-sau"))?.module).toBe("m3");
    expect(await loaders.loadLesson("khong-co")).toBeUndefined();
    expect(await loaders.loadLesson("__proto__")).toBeUndefined();
    const loaderSource = await readFile(join(dist, "lesson-loaders.ts"), "utf8");
    expect(loaderSource).toContain('"bai-mot": () => import("./lessons/bai-mot.ts"),');
  });

  it("deletes files left by an earlier build", async () => {
    const { content, dist } = await compiled(twoLessons);
    await mkdir(join(dist, "lessons"), { recursive: true });
    await writeFile(join(dist, "lessons", "bai-da-xoa.ts"), "export {};\n");
    await writeDist(dist, content);
    expect(await listFiles(join(dist, "lessons"))).toEqual(["bai-hai.ts", "bai-mot.ts", "bai-sau.ts"]);
  });

  it("writes byte-identical files when built twice from the same content", async () => {
    const { content, dist, current } = await compiled(twoLessons);
    await writeDist(dist, content);
    const first = await readTsFiles(dist);
    await writeDist(dist, await recompile(current));
    expect(await readTsFiles(dist)).toEqual(first);
  });

  it("changes the catalog version when any lesson text changes, and only then", async () => {
    const { content, current } = await compiled(twoLessons);
    const same = await recompile(current);
    await current.write("lessons/m1/bai-mot.md", twoLessons["lessons/m1/bai-mot.md"].replace("trên màn hình", "trên điện thoại"));
    const changed = await recompile(current);
    expect(content.catalog.version).toMatch(/^[0-9a-f]{12}$/);
    expect(same.catalog.version).toBe(content.catalog.version);
    expect(changed.catalog.version).not.toBe(content.catalog.version);
  });
});

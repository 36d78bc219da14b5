// The compiled course and ward file (content/dist), read once at start.
import { lessons } from "@hocso/content/all-lessons";
import { catalog } from "@hocso/content/catalog";
import { ward } from "@hocso/content/ward";
import type { Lesson } from "@hocso/shared/content";
import type { Ward } from "@hocso/shared/ward";

export type FindLesson = (id: string) => Lesson | undefined;

const lessonsById = new Map(lessons.map((lesson) => [lesson.id, lesson]));

export const findLesson: FindLesson = (id) => lessonsById.get(id);

export const wardFile: Ward = ward;

/** Every lesson in teaching order: the catalog's modules, each module's lessons in order. */
export const courseLessons: readonly Lesson[] = catalog.modules.flatMap((m) =>
  m.lessons.map((summary) => {
    const lesson = lessonsById.get(summary.id);
    if (!lesson) throw new Error(`the catalog lists lesson ${summary.id}, which the course does not have`);
    return lesson;
  }),
);

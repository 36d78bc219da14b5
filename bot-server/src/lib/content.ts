// The compiled course and ward file (content/dist), read once at start.
import { lessons } from "@hocso/content/all-lessons";
import { ward } from "@hocso/content/ward";
import type { Lesson } from "@hocso/shared/content";
import type { Ward } from "@hocso/shared/ward";

export type FindLesson = (id: string) => Lesson | undefined;

const lessonsById = new Map(lessons.map((lesson) => [lesson.id, lesson]));

export const findLesson: FindLesson = (id) => lessonsById.get(id);

export const wardFile: Ward = ward;

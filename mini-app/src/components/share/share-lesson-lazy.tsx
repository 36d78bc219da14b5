// <ShareLesson lesson={…} />: "Chia sẻ bài học" as screens use it. The button and the ways to
// share load on their own, so the first screen's script does not carry them.
import { lazy, Suspense } from "react";
import type { SharedLesson } from "./share-lesson.ts";

const ShareLessonButton = lazy(() =>
  import("./share-lesson-button.tsx").then((m) => ({ default: m.ShareLessonButton })),
);

export function ShareLesson({ lesson }: { lesson: SharedLesson }) {
  return (
    <Suspense fallback={<div className="share-lesson share-lesson-placeholder" aria-hidden="true" />}>
      <ShareLessonButton lesson={lesson} />
    </Suspense>
  );
}

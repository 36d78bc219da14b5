// The course as the screens see it: the light catalogue, the ward file and a loader for one
// lesson's full text. The app passes in the compiled content package; tests pass a fixture.
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from "react";
import type { Catalog, Lesson, LessonSummary } from "@hocso/shared/content";
import type { Ward } from "@hocso/shared/ward";

export interface Course {
  catalog: Catalog;
  ward: Pick<Ward, "name" | "controller" | "residentialGroups">;
  loadLesson: (id: string) => Promise<Lesson | undefined>;
}

const CourseContext = createContext<Course | null>(null);

export function CourseProvider({ course, children }: { course: Course; children: ReactNode }) {
  return <CourseContext.Provider value={course}>{children}</CourseContext.Provider>;
}

export function useCourse(): Course {
  const course = useContext(CourseContext);
  if (!course) throw new Error("useCourse needs a <CourseProvider> above it");
  return course;
}

/** Every lesson in course order, with its module's title. */
export function allLessons(catalog: Catalog): LessonSummary[] {
  return catalog.modules.flatMap((m) => m.lessons);
}

export type LessonState =
  | { status: "loading" }
  | { status: "ready"; lesson: Lesson }
  | { status: "missing" }
  | { status: "failed"; retry: () => void };

/** Load one lesson on demand (each lesson is its own code-split chunk). */
export function useLesson(lessonId: string): LessonState {
  const { loadLesson } = useCourse();
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<LessonState>({ status: "loading" });
  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    let current = true;
    setState({ status: "loading" });
    loadLesson(lessonId).then(
      (lesson) => {
        if (current) setState(lesson ? { status: "ready", lesson } : { status: "missing" });
      },
      (error: unknown) => {
        console.error(`lesson ${lessonId} failed to load`, error);
        if (current) setState({ status: "failed", retry });
      },
    );
    return () => {
      current = false;
    };
  }, [lessonId, loadLesson, attempt, retry]);

  return state;
}

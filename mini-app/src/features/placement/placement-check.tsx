// "/kiem-tra-nhanh": the placement check. One question per module, one per screen, answered
// like the quiz (the same QuestionView: locked at once, with the reason); then the module to start from, and a button
// straight into its first lesson. When every answer is right it says so and points to the
// certification guide. The result is kept on the phone; the home screen marks the module.
import { useEffect, useRef, useState } from "react";
import { Button, useNavigate } from "zmp-ui";
import { suggestStart, type Catalog, type ModuleId, type PlacementQuestion } from "@hocso/shared/content";
import { useCourse } from "../../app/course.tsx";
import { AppPage } from "../../app/layout.tsx";
import { strings } from "../../app/strings.ts";
import { CheckMark } from "../../components/check-mark.tsx";
import { QuestionView } from "../../components/question-view.tsx";
import { ReadAloud } from "../../components/read-aloud/read-aloud-lazy.tsx";
import { questionParts } from "../../components/read-aloud/read-aloud-text.ts";
import { placementStore, type PlacementResult } from "./placement-store.ts";

/** The questions in course order (the order of the modules on the home screen). */
function inCourseOrder(catalog: Catalog, questions: readonly PlacementQuestion[]): PlacementQuestion[] {
  const position = (m: ModuleId) => catalog.modules.findIndex((module) => module.id === m);
  return [...questions].sort((a, b) => position(a.module) - position(b.module));
}

function scoreOf(
  catalog: Catalog,
  questions: readonly PlacementQuestion[],
  chosen: ReadonlyArray<number | null>,
): PlacementResult {
  const answers = new Map<ModuleId, boolean>(questions.map((q, i) => [q.module, chosen[i] === q.question.answer]));
  // a module whose lessons are still being written cannot be where the learner starts
  const withLessons = (m: ModuleId) => catalog.modules.some((module) => module.id === m && module.lessons.length > 0);
  const order = questions.map((q) => q.module).filter(withLessons);
  return {
    answers: Object.fromEntries(answers),
    suggested: suggestStart(order, answers) ?? null,
    finishedAt: new Date().toISOString(),
  };
}

export function PlacementCheck({ questions }: { questions: readonly PlacementQuestion[] }) {
  const { catalog } = useCourse();
  const navigate = useNavigate();
  const [ordered] = useState(() => inCourseOrder(catalog, questions));
  const [index, setIndex] = useState(0);
  const [chosen, setChosen] = useState<Array<number | null>>(() => ordered.map(() => null));
  const [result, setResult] = useState<PlacementResult | null>(null);
  const t = strings.placement;

  if (ordered.length === 0) {
    return (
      <AppPage title={t.title} backTo="/">
        <h1>{t.notReady}</h1>
        <Button fullWidth onClick={() => navigate("/", { direction: "backward" })}>
          {t.home}
        </Button>
      </AppPage>
    );
  }

  if (result) return <PlacementOutcome result={result} total={ordered.length} />;

  const current = ordered[index];
  if (!current) return null;
  const answered = chosen[index] ?? null;
  const isLast = index === ordered.length - 1;

  function onNext() {
    if (!isLast) {
      setIndex(index + 1);
      return;
    }
    const finished = scoreOf(catalog, ordered, chosen);
    placementStore.set((state) => ({ ...state, result: finished }));
    setResult(finished);
  }

  return (
    <AppPage
      title={t.title}
      backTo="/"
      actions={
        answered !== null && (
          <Button className="wide" onClick={onNext}>
            {isLast ? t.seeResult : t.next}
          </Button>
        )
      }
    >
      {index === 0 && <p className="lead">{t.intro}</p>}
      <QuestionView
        key={current.question.id}
        question={current.question}
        counter={t.counter(index + 1, ordered.length)}
        aside={<ReadAloud parts={questionParts(current.question.prompt, current.question.options)} />}
        chosen={answered}
        onChoose={(option) => {
          if (answered === null) setChosen((all) => all.map((c, i) => (i === index ? option : c)));
        }}
      />
    </AppPage>
  );
}

/** The first lesson of the suggested module, or of the next module that has lessons yet. */
function firstLessonFrom(catalog: Catalog, moduleId: string): string | undefined {
  const start = catalog.modules.findIndex((m) => m.id === moduleId);
  if (start < 0) return undefined;
  return catalog.modules.slice(start).find((m) => m.lessons.length > 0)?.lessons[0]?.id;
}

function PlacementOutcome({ result, total }: { result: PlacementResult; total: number }) {
  const { catalog } = useCourse();
  const navigate = useNavigate();
  const heading = useRef<HTMLHeadingElement>(null);
  const t = strings.placement;
  const correct = Object.values(result.answers).filter(Boolean).length;
  const module = result.suggested === null ? undefined : catalog.modules.find((m) => m.id === result.suggested);
  const firstLesson = result.suggested === null ? undefined : firstLessonFrom(catalog, result.suggested);

  useEffect(() => {
    window.scrollTo?.({ top: 0 });
    heading.current?.focus({ preventScroll: true });
  }, []);

  const home = (
    <Button variant="secondary" onClick={() => navigate("/", { direction: "backward" })}>
      {t.home}
    </Button>
  );

  if (!module) {
    return (
      <AppPage
        title={t.title}
        backTo="/"
        actions={
          <>
            {home}
            <Button onClick={() => navigate("/thi-chung-nhan")}>{t.toCertification}</Button>
          </>
        }
      >
        {correct === total ? (
          <>
            <p className="result-mark" aria-hidden="true">
              <CheckMark size={44} />
            </p>
            <h1 ref={heading} tabIndex={-1}>
              {t.allRight}
            </h1>
            <p className="lead">{t.score(correct, total)}</p>
            <p>{t.allRightText}</p>
          </>
        ) : (
          // only a module without lessons yet was missed: nothing to suggest
          <h1 ref={heading} tabIndex={-1}>
            {t.score(correct, total)}
          </h1>
        )}
      </AppPage>
    );
  }

  return (
    <AppPage
      title={t.title}
      backTo="/"
      actions={
        <>
          {home}
          {firstLesson && <Button onClick={() => navigate(`/bai/${firstLesson}`)}>{t.startLearning}</Button>}
        </>
      }
    >
      <h1 ref={heading} tabIndex={-1}>
        {t.suggestion(module.title)}
      </h1>
      <p className="lead">{t.score(correct, total)}</p>
      <p>{t.suggestionWhy}</p>
    </AppPage>
  );
}

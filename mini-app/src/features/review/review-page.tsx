// "/on-tap": the questions due again (hocso:review), one per screen like the quiz, with the
// right answer and its reason at once. Each answer is an event with source "review" and moves
// the question along its schedule: right, it comes back later; wrong, tomorrow.
import { useEffect, useState } from "react";
import { Button, useNavigate } from "zmp-ui";
import type { Question } from "@hocso/shared/content";
import { useCourse } from "../../app/course.tsx";
import { AppPage } from "../../app/layout.tsx";
import { questionAnswered } from "../../app/learning-log.ts";
import { dueReviewItems, forgetReviewItems, reviewStore } from "../../app/review-store.ts";
import { strings } from "../../app/strings.ts";
import { QuestionView } from "../../components/question-view.tsx";
// the same Nghe button as the quiz (read-aloud is built to be placed on other screens)
import { ReadAloud } from "../../components/read-aloud/read-aloud-lazy.tsx";
import { questionParts } from "../../components/read-aloud/read-aloud-text.ts";

interface DueQuestion {
  lessonId: string;
  lessonTitle: string;
  question: Question;
}

type Loaded = { status: "loading" } | { status: "ready"; items: DueQuestion[] } | { status: "failed" };

/** The due questions as they were when the screen opened, with their lessons' text. */
function useDueQuestions(attempt: number): Loaded {
  const { loadLesson } = useCourse();
  const [state, setState] = useState<Loaded>({ status: "loading" });

  useEffect(() => {
    let current = true;
    const due = dueReviewItems(reviewStore.get());
    const lessonIds = [...new Set(due.map((d) => d.lessonId))];
    Promise.all(lessonIds.map((id) => loadLesson(id).then((lesson) => [id, lesson] as const))).then(
      (pairs) => {
        const lessons = new Map(pairs);
        const items: DueQuestion[] = [];
        const gone = [];
        for (const d of due) {
          const lesson = lessons.get(d.lessonId);
          const question = lesson?.quiz.find((q) => q.id === d.questionId);
          if (lesson && question) items.push({ lessonId: lesson.id, lessonTitle: lesson.title, question });
          else gone.push(d); // the lesson was rewritten since: nothing left to review
        }
        forgetReviewItems(gone);
        if (current) setState({ status: "ready", items });
      },
      (error: unknown) => {
        console.error("review questions failed to load", error);
        if (current) setState({ status: "failed" });
      },
    );
    return () => {
      current = false;
    };
  }, [loadLesson, attempt]);

  return state;
}

export function ReviewPage() {
  const [attempt, setAttempt] = useState(0);
  const state = useDueQuestions(attempt);
  const navigate = useNavigate();
  const t = strings.review;

  if (state.status === "ready" && state.items.length > 0) return <ReviewSession items={state.items} />;
  return (
    <AppPage title={t.title} backTo="/">
      {state.status === "loading" && <p role="status">{strings.loading}</p>}
      {state.status === "ready" && <h1>{t.nothingDue}</h1>}
      {state.status === "failed" && (
        <>
          <h1>{t.loadFailed}</h1>
          <Button fullWidth onClick={() => setAttempt((n) => n + 1)}>
            {t.retry}
          </Button>
        </>
      )}
      {state.status !== "loading" && (
        <Button variant="secondary" fullWidth onClick={() => navigate("/")} style={{ marginTop: 12 }}>
          {t.home}
        </Button>
      )}
    </AppPage>
  );
}

function ReviewSession({ items }: { items: DueQuestion[] }) {
  const navigate = useNavigate();
  const [index, setIndex] = useState(0);
  const [chosen, setChosen] = useState<Array<number | null>>(() => items.map(() => null));
  const [done, setDone] = useState(false);
  const item = items[index];
  const t = strings.review;

  if (done || !item) {
    const correct = items.filter((it, i) => chosen[i] === it.question.answer).length;
    return (
      <AppPage
        title={t.title}
        backTo="/"
        actions={
          <Button className="wide" onClick={() => navigate("/", { direction: "backward" })}>
            {t.home}
          </Button>
        }
      >
        <h1 className="result-score">{t.doneHeading(items.length)}</h1>
        <p className="lead">{t.doneScore(correct, items.length)}</p>
        <p>{t.doneNext}</p>
      </AppPage>
    );
  }

  const answered = chosen[index] ?? null;
  const isLast = index === items.length - 1;

  function onChoose(option: number) {
    if (!item || answered !== null) return;
    questionAnswered(item.lessonId, item.question, option, "review");
    setChosen((all) => all.map((c, i) => (i === index ? option : c)));
  }

  return (
    <AppPage
      title={t.title}
      backTo="/"
      actions={
        answered !== null && (
          <Button className="wide" onClick={() => (isLast ? setDone(true) : setIndex(index + 1))}>
            {isLast ? t.finish : t.next}
          </Button>
        )
      }
    >
      <QuestionView
        key={`${item.lessonId}/${item.question.id}`}
        question={item.question}
        counter={strings.quiz.counter(index + 1, items.length)}
        aside={<ReadAloud parts={questionParts(item.question.prompt, item.question.options)} />}
        context={<p className="muted">{t.fromLesson(item.lessonTitle)}</p>}
        chosen={answered}
        onChoose={onChoose}
      />
    </AppPage>
  );
}

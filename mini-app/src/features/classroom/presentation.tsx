// The lesson on the big screen: its steps one at a time, the "Ghi nhớ" box, each quiz question
// asked to the room, and the class's results. "Trước" / "Tiếp", the keyboard or a clicker move
// between them; "Nghe" reads the current one aloud; "Toàn màn hình" leaves only this on screen.
import { useCallback, useEffect, useMemo, useRef, useState, type Ref } from "react";
import { Button } from "zmp-ui";
import type { Lesson } from "@hocso/shared/content";
import { wardDate } from "@hocso/shared/dates";
import { strings } from "../../app/strings.ts";
import { ReadAloud } from "../../components/read-aloud/read-aloud-lazy.tsx";
import { blocksToParts } from "../../components/read-aloud/read-aloud-text.ts";
// The lesson player's renderer of lesson text, so both show a lesson the same way.
import { BlockView } from "../../components/block-view.tsx";
import type { Tdp } from "./classroom-page.tsx";
import { FullscreenButton } from "./fullscreen-button.tsx";
import { QuestionSlide } from "./question-slide.tsx";
import { SummarySlide } from "./summary-slide.tsx";
import { useClassRecord } from "./use-class-record.ts";
import { useSlideKeys } from "./use-slide-keys.ts";

export type Slide =
  | { kind: "step"; index: number }
  | { kind: "remember" }
  | { kind: "question"; index: number }
  | { kind: "summary" };

/** Every screen of the lesson in the order the class goes through them. */
export function slidesOf(lesson: Lesson): Slide[] {
  return [
    ...lesson.steps.map((_, index) => ({ kind: "step", index }) as const),
    { kind: "remember" },
    ...lesson.quiz.map((_, index) => ({ kind: "question", index }) as const),
    { kind: "summary" },
  ];
}

interface PresentationProps {
  lesson: Lesson;
  tdp: Tdp;
  classId: string | null;
}

export function Presentation({ lesson, tdp, classId }: PresentationProps) {
  const slides = useMemo(() => slidesOf(lesson), [lesson]);
  const [position, setPosition] = useState(0);
  const [revealed, setRevealed] = useState<ReadonlySet<string>>(new Set());
  // the class's ward date, fixed when the lesson opens: every count of this class goes to it
  const [date] = useState(() => wardDate(new Date()));
  const record = useClassRecord({ lesson, tdpId: tdp.id, date, classId });
  const stage = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);
  const last = slides.length - 1;
  const t = strings.classroom;

  const go = useCallback((delta: 1 | -1) => setPosition((p) => Math.min(last, Math.max(0, p + delta))), [last]);
  useSlideKeys(go);

  useEffect(() => {
    // each screen starts at its top (in full screen the stage scrolls itself)
    stage.current?.scrollIntoView({ block: "start" });
    if (stage.current) stage.current.scrollTop = 0;
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    heading.current?.focus({ preventScroll: true }); // screen readers read the new title
  }, [position]);

  const slide = slides[position]!;
  return (
    <div className="classroom-stage" ref={stage}>
      <div className="classroom-top">
        <p className="classroom-lesson">{lesson.title}</p>
        <FullscreenButton target={stage} />
      </div>
      <div className="classroom-slide">
        {slide.kind === "step" && <StepSlide lesson={lesson} index={slide.index} headingRef={heading} />}
        {slide.kind === "remember" && <RememberSlide lesson={lesson} headingRef={heading} />}
        {slide.kind === "question" && (
          <QuestionSlide
            key={slide.index}
            question={lesson.quiz[slide.index]!}
            counter={t.questionCounter(slide.index + 1, lesson.quiz.length)}
            revealed={revealed.has(lesson.quiz[slide.index]!.id)}
            onReveal={() => setRevealed((now) => new Set(now).add(lesson.quiz[slide.index]!.id))}
            record={record}
            headingRef={heading}
          />
        )}
        {slide.kind === "summary" && (
          <SummarySlide lesson={lesson} tdp={tdp} date={date} classId={classId} headingRef={heading} />
        )}
      </div>
      <nav className="classroom-nav" aria-label={t.navigation}>
        <Button variant="secondary" disabled={position === 0} onClick={() => go(-1)}>
          {t.previous}
        </Button>
        <Button disabled={position === last} onClick={() => go(1)}>
          {t.next}
        </Button>
      </nav>
      <p className="classroom-keys">{t.keysHint}</p>
    </div>
  );
}

function StepSlide({ lesson, index, headingRef }: { lesson: Lesson; index: number; headingRef: Ref<HTMLHeadingElement> }) {
  const step = lesson.steps[index]!;
  return (
    <>
      <div className="screen-top">
        <p className="counter">{strings.classroom.stepCounter(index + 1, lesson.steps.length)}</p>
        <ReadAloud key={index} parts={[step.title, ...blocksToParts(step.body)]} />
      </div>
      <h1 ref={headingRef} tabIndex={-1}>
        {step.title}
      </h1>
      <BlockView blocks={step.body} />
    </>
  );
}

function RememberSlide({ lesson, headingRef }: { lesson: Lesson; headingRef: Ref<HTMLHeadingElement> }) {
  const t = strings.classroom;
  return (
    <section className="remember-box">
      <div className="screen-top">
        <h1 ref={headingRef} tabIndex={-1}>
          {t.remember}
        </h1>
        <ReadAloud key="remember" parts={[t.remember, ...blocksToParts(lesson.remember)]} />
      </div>
      <BlockView blocks={lesson.remember} />
    </section>
  );
}

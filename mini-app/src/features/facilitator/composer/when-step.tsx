// "Khi nào gửi?": now or at a ward date and time, and whether quiet hours (21:00–06:30 by
// default) will hold the message for older readers — unless it is marked Khẩn.
import { useState } from "react";
import { Button, Radio } from "zmp-ui";
import { SEND_AT_MAX_DAYS } from "@hocso/shared/announcements";
import { addDays, wardDate, wardMoment } from "@hocso/shared/dates";
import { isQuiet, type QuietHours } from "@hocso/shared/quiet-hours";
import { strings } from "../../../app/strings.ts";
import { nextFullHour } from "../ward-time.ts";
import { heldUntil, sendTime, type Draft, type TimeProblem } from "./draft.ts";
import type { StepProps } from "./step-props.ts";

function problemText(problem: TimeProblem): string {
  const t = strings.composer;
  return { missing: t.missingTime, past: t.pastTime, "too-far": t.tooFar }[problem];
}

export function WhenStep({ draft, staff, headingRef, update, next, back }: StepProps) {
  const [shownProblem, setShownProblem] = useState<TimeProblem | null>(null);
  const t = strings.composer;
  const today = wardDate(new Date());

  function choose(when: Draft["when"]) {
    setShownProblem(null);
    if (when === "later" && (!draft.date || !draft.time)) {
      update({ when, ...nextFullHour(new Date()) });
    } else {
      update({ when });
    }
  }

  function onNext() {
    const { problem } = sendTime(draft, new Date());
    if (problem) return setShownProblem(problem);
    next();
  }

  const describedBy = shownProblem ? "send-time-problem" : undefined;
  return (
    <>
      <fieldset className="choice-list">
        <legend>
          <h1 ref={headingRef} tabIndex={-1}>
            {t.whenHeading}
          </h1>
        </legend>
        {(["now", "later"] as const).map((when) => (
          <Radio
            key={when}
            className={draft.when === when ? "choice is-checked" : "choice"}
            name="when"
            value={when}
            checked={draft.when === when}
            onChange={() => choose(when)}
            label={when === "now" ? t.now : t.later}
          />
        ))}
      </fieldset>
      {draft.when === "later" && (
        <div className="send-time">
          <label className="field-label" htmlFor="send-date">
            {t.dateLabel}
          </label>
          <input
            id="send-date"
            className="date-input"
            type="date"
            min={today}
            max={addDays(today, SEND_AT_MAX_DAYS)}
            value={draft.date}
            aria-invalid={shownProblem !== null}
            aria-describedby={describedBy}
            onChange={(event) => {
              update({ date: event.target.value });
              setShownProblem(null);
            }}
          />
          <label className="field-label" htmlFor="send-time">
            {t.timeLabel}
          </label>
          <input
            id="send-time"
            className="date-input"
            type="time"
            value={draft.time}
            aria-invalid={shownProblem !== null}
            aria-describedby={describedBy}
            onChange={(event) => {
              update({ time: event.target.value });
              setShownProblem(null);
            }}
          />
        </div>
      )}
      {shownProblem && (
        <p id="send-time-problem" className="form-error" role="alert">
          {problemText(shownProblem)}
        </p>
      )}
      <QuietNote draft={draft} quiet={staff.quietHours} />
      <div className="stack composer-actions">
        <Button fullWidth onClick={onNext}>
          {t.next}
        </Button>
        <Button variant="secondary" fullWidth onClick={back}>
          {t.back}
        </Button>
      </div>
    </>
  );
}

/** Whether quiet hours hold it, and until when; what a Khẩn one does instead. */
function QuietNote({ draft, quiet }: { draft: Draft; quiet: QuietHours }) {
  const t = strings.composer;
  const { at, problem } = sendTime(draft, new Date());
  if (problem) return null;
  const when = at ?? new Date();
  if (draft.urgent) {
    return isQuiet(when, quiet) ? <p className="note quiet-note">{t.quietUrgent(quiet.start, quiet.end)}</p> : null;
  }
  const held = heldUntil(when, false, quiet);
  if (!held) return null;
  return (
    <div className="note quiet-note">
      <p>{t.quietHeld(quiet.start, quiet.end, wardMoment(held))}</p>
      <p>{t.quietHint}</p>
    </div>
  );
}

/** The last check's "Thời gian": now or the time chosen, with the quiet-hours note. */
export function WhenSummary({ draft, quiet }: { draft: Draft; quiet: QuietHours }) {
  const t = strings.composer;
  const { at } = sendTime(draft, new Date());
  return (
    <>
      <p className="lead">{at ? t.sendAt(wardMoment(at)) : t.sendNow}</p>
      <QuietNote draft={draft} quiet={quiet} />
    </>
  );
}

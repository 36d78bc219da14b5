// "Ghi kết quả của lớp": after the answer is shown, how many were present and how many raised
// their hand for the right answer, each a labelled number field with big − and + buttons, and
// "Lưu kết quả". What happened to the save is said in words; a failed save keeps the numbers.
import { useState } from "react";
import { Button } from "zmp-ui";
import { CLASSROOM_MAX_PRESENT } from "@hocso/shared/classroom";
import { strings } from "../../app/strings.ts";
import { checkCounts, stepCount, toCount } from "./counts.ts";
import { isSaved, type QuestionCounts } from "./use-class-record.ts";

interface CountFormProps {
  questionId: string;
  counts: QuestionCounts;
  onChange: (fields: Partial<Pick<QuestionCounts, "present" | "right">>) => void;
  onSave: () => void;
}

export function CountForm({ questionId, counts, onChange, onSave }: CountFormProps) {
  const [problem, setProblem] = useState<{ field: "present" | "right"; message: string } | null>(null);
  const t = strings.classroom;
  const presentNow = toCount(counts.present);
  const rightMax = presentNow !== null && presentNow >= 1 ? Math.min(presentNow, CLASSROOM_MAX_PRESENT) : CLASSROOM_MAX_PRESENT;
  const ids = { heading: `classroom-${questionId}-count`, problem: `classroom-${questionId}-problem` };

  function change(fields: Partial<Pick<QuestionCounts, "present" | "right">>) {
    setProblem(null);
    onChange(fields);
  }

  function save() {
    const checked = checkCounts(counts.present, counts.right);
    if (!checked.ok) {
      setProblem({ field: checked.field, message: checked.message });
      return;
    }
    onSave();
  }

  return (
    <section className="classroom-count" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{t.countHeading}</h2>
      <p className="muted">{t.noNames}</p>
      <CountField
        id={`classroom-${questionId}-present`}
        label={t.present}
        value={counts.present}
        min={1}
        max={CLASSROOM_MAX_PRESENT}
        invalid={problem?.field === "present"}
        describedBy={problem?.field === "present" ? ids.problem : undefined}
        onChange={(present) => change({ present })}
      />
      <CountField
        id={`classroom-${questionId}-right`}
        label={t.answeredRight}
        value={counts.right}
        min={0}
        max={rightMax}
        invalid={problem?.field === "right"}
        describedBy={problem?.field === "right" ? ids.problem : undefined}
        onChange={(right) => change({ right })}
      />
      {problem && (
        <p id={ids.problem} className="form-error" role="alert">
          {problem.message}
        </p>
      )}
      <Button fullWidth loading={counts.save.kind === "saving"} onClick={save}>
        {t.save}
      </Button>
      <p className="status-line classroom-save-status" role="status">
        {counts.save.kind === "saving" && t.saving}
        {counts.save.kind === "idle" && isSaved(counts) && t.saved(counts.saved!.answeredRight, counts.saved!.present)}
      </p>
      {counts.save.kind === "failed" && (
        <p className="note" role="alert">
          {t.saveFailed(counts.save.reason)}
        </p>
      )}
    </section>
  );
}

interface CountFieldProps {
  id: string;
  label: string;
  value: string;
  min: number;
  max: number;
  invalid: boolean;
  describedBy?: string;
  onChange: (value: string) => void;
}

function CountField({ id, label, value, min, max, invalid, describedBy, onChange }: CountFieldProps) {
  const t = strings.classroom;
  return (
    <div className="classroom-number">
      <label htmlFor={id}>{label}</label>
      <div className="classroom-number-row">
        <button type="button" aria-label={t.less(label)} onClick={() => onChange(stepCount(value, -1, min, max))}>
          −
        </button>
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          step={1}
          value={value}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value)}
        />
        <button type="button" aria-label={t.more(label)} onClick={() => onChange(stepCount(value, 1, min, max))}>
          +
        </button>
      </div>
    </div>
  );
}

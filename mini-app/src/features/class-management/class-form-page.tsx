// "/huong-dan/lop-hoc/moi" and "/huong-dan/lop-hoc/:classId/sua": one form to create a weekly
// class or edit one — TDP (when the facilitator has several), weekday, start time, length,
// place, topic, lessons from the course, what to bring, first and last date. The server checks
// everything; each field it refuses gets a plain Vietnamese note beside it.
import { useId, useState, type ReactNode } from "react";
import { Button, Checkbox, useNavigate, useParams } from "zmp-ui";
import type { StaffMe } from "@hocso/shared/announcements";
import type { CreateClassRequest, PatchClassRequest, WeeklyClass } from "@hocso/shared/classes";
import { ApiError, messageOf } from "../../app/api-client.ts";
import { allLessons, useCourse } from "../../app/course.tsx";
import { AppPage } from "../../app/layout.tsx";
import { withSession } from "../../app/session.ts";
import { strings } from "../../app/strings.ts";
import { FirstLoad } from "../facilitator/load-failed.tsx";
import { managedClassPath, MANAGED_CLASSES_PATH } from "../facilitator/paths.ts";
import { StaffGate } from "../facilitator/staff-gate.tsx";
import { patchClass } from "./api/patch-class.ts";
import { postClass } from "./api/post-class.ts";
import { wardToday, weekdayName } from "./class-schedule.ts";
import { usePolled } from "../facilitator/use-polled.ts";
import { getClass } from "./api/get-class.ts";
import "../facilitator/facilitator.css";
import "./class-management.css";

type CheckboxChange = { target: { checked: boolean } };

/** The form's fields as typed: text, as the inputs hold them. */
interface ClassDraft {
  tdpId: string;
  weekday: string;
  startTime: string;
  durationMinutes: string;
  place: string;
  topic: string;
  lessonIds: string[];
  bring: string;
  firstDate: string;
  lastDate: string;
}

type FieldName = keyof ClassDraft;
type Problems = Partial<Record<FieldName, string>>;

export function ClassFormPage() {
  const { classId } = useParams();
  const t = strings.classManagement;
  const title = classId === undefined ? t.newTitle : t.editTitle;
  return (
    <AppPage title={title} backTo={classId === undefined ? MANAGED_CLASSES_PATH : managedClassPath(classId)}>
      <h1>{title}</h1>
      <StaffGate>
        {(staff) => (classId === undefined ? <ClassForm staff={staff} /> : <EditClass staff={staff} classId={classId} />)}
      </StaffGate>
    </AppPage>
  );
}

function blankDraft(staff: StaffMe): ClassDraft {
  return {
    tdpId: staff.tdps.length === 1 ? staff.tdps[0]!.id : "",
    weekday: "",
    startTime: "",
    durationMinutes: "90",
    place: "",
    topic: "",
    lessonIds: [],
    bring: "",
    firstDate: wardToday(),
    lastDate: "",
  };
}

function draftOf(cls: WeeklyClass): ClassDraft {
  return {
    tdpId: cls.tdpId,
    weekday: String(cls.weekday),
    startTime: cls.startTime,
    durationMinutes: String(cls.durationMinutes),
    place: cls.place,
    topic: cls.topic,
    lessonIds: cls.lessonIds,
    bring: cls.bring,
    firstDate: cls.firstDate,
    lastDate: cls.lastDate ?? "",
  };
}

/**
 * The request as the server reads it. An empty number field goes as 0 and an empty date as
 * "", which the server refuses by name, so every problem is reported the same way.
 */
function requestOf(draft: ClassDraft): CreateClassRequest {
  return {
    tdpId: draft.tdpId,
    weekday: Number(draft.weekday),
    startTime: draft.startTime,
    durationMinutes: Number(draft.durationMinutes),
    place: draft.place,
    topic: draft.topic,
    lessonIds: draft.lessonIds,
    bring: draft.bring,
    firstDate: draft.firstDate,
    lastDate: draft.lastDate === "" ? null : draft.lastDate,
  };
}

/** Only what changed: an edit that leaves the time and place alone tells nobody anything. */
function patchOf(before: WeeklyClass, draft: ClassDraft): PatchClassRequest {
  const { tdpId: _tdp, ...after } = requestOf(draft);
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    if (JSON.stringify(value) !== JSON.stringify(before[key as keyof WeeklyClass])) patch[key] = value;
  }
  return patch as PatchClassRequest;
}

/** The server's field errors as notes beside the fields; null when it named none of them. */
function problemsOf(error: unknown): Problems | null {
  if (!(error instanceof ApiError) || error.code !== "bad_request" || error.fields.length === 0) return null;
  const notes = strings.classManagement.fieldProblems;
  const problems: Problems = {};
  for (const field of error.fields) {
    const name = field.path.split(".")[0] as FieldName;
    if (notes[name]) problems[name] = notes[name];
  }
  return Object.keys(problems).length > 0 ? problems : null;
}

function EditClass({ staff, classId }: { staff: StaffMe; classId: string }) {
  const { data: cls, problem, retry } = usePolled((token) => getClass(token, classId), () => false, 0, [classId]);
  if (!cls) return <FirstLoad problem={problem} onRetry={retry} />;
  return <ClassForm staff={staff} editing={cls} />;
}

function ClassForm({ staff, editing }: { staff: StaffMe; editing?: WeeklyClass }) {
  const navigate = useNavigate();
  const { catalog } = useCourse();
  const [draft, setDraft] = useState<ClassDraft>(() => (editing ? draftOf(editing) : blankDraft(staff)));
  const [problems, setProblems] = useState<Problems>({});
  const [formProblem, setFormProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const t = strings.classManagement;
  const ids = useId();

  const update = (changes: Partial<ClassDraft>) => {
    setDraft((d) => ({ ...d, ...changes }));
    setProblems((p) => {
      const next = { ...p };
      for (const key of Object.keys(changes)) delete next[key as FieldName];
      return next;
    });
  };

  async function submit() {
    setFormProblem(null);
    let patch: PatchClassRequest | null = null;
    if (editing) {
      patch = patchOf(editing, draft);
      if (Object.keys(patch).length === 0) return setFormProblem(t.nothingChanged);
    }
    setBusy(true);
    try {
      const saved = await withSession((token) =>
        editing ? patchClass(token, editing.id, patch!) : postClass(token, requestOf(draft)),
      );
      navigate(managedClassPath(saved.id), { replace: true });
    } catch (error) {
      const byField = problemsOf(error);
      setProblems(byField ?? {});
      if (byField) setFormProblem(t.fixFields);
      else if (error instanceof ApiError && error.code === "conflict") setFormProblem(t.classExists);
      else setFormProblem(messageOf(error));
      setBusy(false);
    }
  }

  const field = (name: FieldName, control: (props: FieldProps) => ReactNode) => (
    <Field name={name} idBase={ids} problem={problems[name]}>
      {control}
    </Field>
  );
  const text = (name: "place" | "topic" | "bring", maxLength: number) =>
    field(name, (p) => (
      <input {...p} className="text-input" type="text" maxLength={maxLength} value={draft[name]} onChange={(e) => update({ [name]: e.target.value })} />
    ));

  return (
    <form
      className="class-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      {editing ? (
        <p className="lead">{staff.tdps.find((g) => g.id === editing.tdpId)?.name ?? editing.tdpId}</p>
      ) : (
        staff.tdps.length > 1 &&
        field("tdpId", (p) => (
          <select {...p} value={draft.tdpId} onChange={(e) => update({ tdpId: e.target.value })}>
            <option value="">{t.chooseTdp}</option>
            {staff.tdps.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        ))
      )}
      {field("weekday", (p) => (
        <select {...p} value={draft.weekday} onChange={(e) => update({ weekday: e.target.value })}>
          <option value="">—</option>
          {[1, 2, 3, 4, 5, 6, 7].map((n) => (
            <option key={n} value={String(n)}>
              {weekdayName(n)}
            </option>
          ))}
        </select>
      ))}
      {field("startTime", (p) => (
        <input {...p} className="date-input" type="time" value={draft.startTime} onChange={(e) => update({ startTime: e.target.value })} />
      ))}
      {field("durationMinutes", (p) => (
        <input
          {...p}
          className="text-input"
          type="number"
          inputMode="numeric"
          min={15}
          max={300}
          step={15}
          value={draft.durationMinutes}
          onChange={(e) => update({ durationMinutes: e.target.value })}
        />
      ))}
      {text("place", 200)}
      {text("topic", 200)}
      <fieldset className="choice-list form-field" aria-describedby={`${ids}-lessonIds-hint`}>
        <legend>{t.fields.lessonIds}</legend>
        <p id={`${ids}-lessonIds-hint`} className="field-hint muted">
          {t.hints.lessonIds}
        </p>
        {problems.lessonIds && (
          <p className="form-error" role="alert">
            {problems.lessonIds}
          </p>
        )}
        {allLessons(catalog).map((lesson) => {
          const checked = draft.lessonIds.includes(lesson.id);
          return (
            <Checkbox
              key={lesson.id}
              className={checked ? "choice is-checked" : "choice"}
              value={lesson.id}
              checked={checked}
              onChange={(e: CheckboxChange) =>
                update({
                  lessonIds: e.target.checked
                    ? allLessons(catalog)
                        .map((l) => l.id)
                        .filter((id) => id === lesson.id || draft.lessonIds.includes(id))
                    : draft.lessonIds.filter((id) => id !== lesson.id),
                })
              }
              label={lesson.title}
            />
          );
        })}
      </fieldset>
      {text("bring", 300)}
      {field("firstDate", (p) => (
        <input {...p} className="date-input" type="date" value={draft.firstDate} onChange={(e) => update({ firstDate: e.target.value })} />
      ))}
      {field("lastDate", (p) => (
        <input
          {...p}
          className="date-input"
          type="date"
          min={draft.firstDate || undefined}
          value={draft.lastDate}
          onChange={(e) => update({ lastDate: e.target.value })}
        />
      ))}
      {editing && <p className="note">{t.changeNote}</p>}
      {formProblem && (
        <p className="form-error composer-problem" role="alert">
          {formProblem}
        </p>
      )}
      <div className="stack composer-actions">
        <Button fullWidth htmlType="submit" loading={busy}>
          {editing ? t.save : t.create}
        </Button>
        <Button
          variant="secondary"
          fullWidth
          disabled={busy}
          onClick={() => navigate(editing ? managedClassPath(editing.id) : MANAGED_CLASSES_PATH, { direction: "backward" })}
        >
          {t.leaveForm}
        </Button>
      </div>
    </form>
  );
}

interface FieldProps {
  id: string;
  "aria-invalid": boolean;
  "aria-describedby"?: string;
}

/** A labelled field with its hint and, when the server refused it, the note saying why. */
function Field({
  name,
  idBase,
  problem,
  children,
}: {
  name: FieldName;
  idBase: string;
  problem: string | undefined;
  children: (props: FieldProps) => ReactNode;
}) {
  const t = strings.classManagement;
  const id = `${idBase}-${name}`;
  const hint = t.hints[name];
  const describedBy = [hint ? `${id}-hint` : null, problem ? `${id}-problem` : null].filter(Boolean).join(" ");
  return (
    <div className="form-field">
      <label className="field-label" htmlFor={id}>
        {t.fields[name]}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="field-hint muted">
          {hint}
        </p>
      )}
      {problem && (
        <p id={`${id}-problem`} className="form-error">
          {problem}
        </p>
      )}
      {children({ id, "aria-invalid": problem !== undefined, "aria-describedby": describedBy || undefined })}
    </div>
  );
}

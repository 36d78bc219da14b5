// The composer's screens other than "Khi nào gửi?": write, preview, groups, and the last check
// before sending. Each has one main action.
import { useRef, useState } from "react";
import { Button, Checkbox } from "zmp-ui";
import {
  ANNOUNCEMENT_TEXT_LIMIT,
  announcementLength,
  announcementTextProblem,
  renderAnnouncement,
  type StaffMe,
} from "@hocso/shared/announcements";
import { strings } from "../../../app/strings.ts";
import { MessageBubble } from "../message-bubble.tsx";
import { formatCount } from "../ward-time.ts";
import type { StepProps } from "./step-props.ts";
import type { Draft } from "./draft.ts";
import { WhenSummary } from "./when-step.tsx";

type CheckboxChange = { target: { checked: boolean } };

export function WriteStep({ draft, headingRef, update, next }: StepProps) {
  const [problem, setProblem] = useState<string | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const t = strings.composer;
  const left = ANNOUNCEMENT_TEXT_LIMIT - announcementLength(draft.text);

  function onPreview() {
    const why = announcementTextProblem(draft.text);
    if (why === null) return next();
    setProblem(why === "blank" ? t.blank : t.tooLong(formatCount(-left)));
    field.current?.focus();
  }

  return (
    <>
      <h1 ref={headingRef} tabIndex={-1}>
        {t.writeHeading}
      </h1>
      <label className="field-label" htmlFor="announcement-text">
        {t.textLabel}
      </label>
      <p id="announcement-text-hint" className="muted field-hint">
        {t.textHint}
      </p>
      <textarea
        ref={field}
        id="announcement-text"
        className="text-area"
        rows={8}
        value={draft.text}
        aria-invalid={problem !== null}
        aria-describedby={`announcement-text-hint announcement-text-count${problem ? " announcement-text-problem" : ""}`}
        onChange={(event) => {
          update({ text: event.target.value });
          setProblem(null);
        }}
      />
      <p id="announcement-text-count" className={left < 0 ? "char-count char-count-over" : "char-count"}>
        {left < 0 ? t.over(formatCount(-left)) : t.left(formatCount(left))}
      </p>
      {problem && (
        <p id="announcement-text-problem" className="form-error" role="alert">
          {problem}
        </p>
      )}
      <div className="choice-list">
        <Checkbox
          className={draft.urgent ? "choice is-checked" : "choice"}
          value="urgent"
          checked={draft.urgent}
          onChange={(e: CheckboxChange) => update({ urgent: e.target.checked })}
          label={t.urgent}
        />
      </div>
      <p className="muted">{t.urgentHint}</p>
      <div className="stack composer-actions">
        <Button fullWidth onClick={onPreview}>
          {t.toPreview}
        </Button>
      </div>
    </>
  );
}

/** The group whose name the preview's first line shows: the first one chosen, or the first in scope. */
function previewGroupName(draft: Draft, staff: StaffMe, wardName: string): string {
  const chosen = staff.tdps.find((tdp) => draft.tdpIds.includes(tdp.id)) ?? staff.tdps[0];
  return chosen?.name ?? wardName;
}

/** Exactly what the group receives: the server sends this same rendering. */
export function previewText(draft: Draft, staff: StaffMe, wardName: string): string {
  return renderAnnouncement({ text: draft.text, groupName: previewGroupName(draft, staff, wardName), urgent: draft.urgent });
}

export function PreviewStep({
  draft,
  staff,
  headingRef,
  next,
  back,
  sender,
  wardName,
}: StepProps & { sender: string; wardName: string }) {
  const t = strings.composer;
  return (
    <>
      <h1 ref={headingRef} tabIndex={-1}>
        {t.previewHeading}
      </h1>
      <p>{t.previewIntro}</p>
      <MessageBubble text={previewText(draft, staff, wardName)} sender={sender} />
      {staff.tdps.length > 1 && <p className="muted">{t.previewEachGroup}</p>}
      <div className="stack composer-actions">
        <Button fullWidth onClick={next}>
          {t.toGroups}
        </Button>
        <Button variant="secondary" fullWidth onClick={back}>
          {t.edit}
        </Button>
      </div>
    </>
  );
}

export function GroupsStep({ draft, staff, headingRef, update, next, back }: StepProps) {
  const [problem, setProblem] = useState<string | null>(null);
  const t = strings.composer;
  const chosen = new Set(draft.tdpIds);

  function toggle(id: string, on: boolean) {
    const ids = staff.tdps.map((tdp) => tdp.id).filter((tdpId) => (tdpId === id ? on : chosen.has(tdpId)));
    update({ tdpIds: ids });
    setProblem(null);
  }

  function onNext() {
    if (chosen.size === 0) return setProblem(t.noGroup);
    next();
  }

  return (
    <>
      <fieldset className="choice-list" aria-describedby={problem ? "groups-problem" : undefined}>
        <legend>
          <h1 ref={headingRef} tabIndex={-1}>
            {t.groupsHeading}
          </h1>
        </legend>
        {staff.tdps.length === 0 && <p>{t.noTdps}</p>}
        {staff.tdps.length > 2 && (
          <Button variant="tertiary" fullWidth onClick={() => update({ tdpIds: staff.tdps.map((tdp) => tdp.id) })}>
            {t.selectAll}
          </Button>
        )}
        {problem && (
          <p id="groups-problem" className="form-error" role="alert">
            {problem}
          </p>
        )}
        {staff.tdps.map((tdp) => (
          <Checkbox
            key={tdp.id}
            className={chosen.has(tdp.id) ? "choice is-checked" : "choice"}
            value={tdp.id}
            checked={chosen.has(tdp.id)}
            onChange={(e: CheckboxChange) => toggle(tdp.id, e.target.checked)}
          >
            <span className="group-name">{tdp.name}</span>
            <span className="sr-only">. </span>
            <span className="group-how">{tdp.channel === "share" ? t.shareGroup : t.oaGroup}</span>
          </Checkbox>
        ))}
      </fieldset>
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

export function ConfirmStep({
  draft,
  staff,
  headingRef,
  back,
  sender,
  wardName,
  busy,
  onSend,
}: StepProps & { sender: string; wardName: string; busy: boolean; onSend: () => void }) {
  const t = strings.composer;
  const groups = staff.tdps.filter((tdp) => draft.tdpIds.includes(tdp.id));
  return (
    <>
      <h1 ref={headingRef} tabIndex={-1}>
        {t.confirmHeading}
      </h1>
      <h2>{t.contentLabel}</h2>
      <MessageBubble text={previewText(draft, staff, wardName)} sender={sender} />
      <h2>{t.toLabel}</h2>
      <ul className="group-list">
        {groups.map((tdp) => (
          <li key={tdp.id}>
            {tdp.name}
            {tdp.channel === "share" && ` ${t.byHandMark}`}
          </li>
        ))}
      </ul>
      <h2>{t.whenLabel}</h2>
      <WhenSummary draft={draft} quiet={staff.quietHours} />
      <div className="stack composer-actions">
        <Button fullWidth loading={busy} onClick={onSend}>
          {t.send}
        </Button>
        <Button variant="secondary" fullWidth disabled={busy} onClick={back}>
          {t.back}
        </Button>
      </div>
    </>
  );
}

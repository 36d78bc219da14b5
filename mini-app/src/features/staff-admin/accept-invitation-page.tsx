// "/nhan-vai-tro?ma=<code>", Nhận vai trò: where an invitation's link or QR opens. The person sees
// what they are invited to be ("người hướng dẫn của Tổ dân phố Giải Phóng"), then "Nhận vai trò".
// Without ?ma they type the code. Taking a role needs an account on the server, so without the
// progress consent the page says so and leads to "Dữ liệu của tôi", as the staff screens do.
import { useEffect, useState, type FormEvent } from "react";
import { Button, useLocation, useNavigate } from "zmp-ui";
import type { StaffMe } from "@hocso/shared/announcements";
import {
  invitationRefusalOf,
  isInvitationCode,
  normaliseInvitationCode,
  type InvitationPreview,
} from "@hocso/shared/staff-admin";
import { ApiError, messageOf } from "../../app/api-client.ts";
import { useDeviceStore } from "../../app/device-store.ts";
import { AppPage } from "../../app/layout.tsx";
import { learnerStore, mayUseServer } from "../../app/learner-store.ts";
import { withSession } from "../../app/session.ts";
import { strings } from "../../app/strings.ts";
import { STAFF_HOME_PATH } from "../facilitator/paths.ts";
import { staffStore } from "../facilitator/staff-store.ts";
import { wardMoment } from "@hocso/shared/dates";
import { getInvitationPreview } from "./api/get-invitation-preview.ts";
import { postAcceptInvitation } from "./api/post-accept-invitation.ts";
import { roleAndScope, tdpNamesOf } from "./role-text.ts";
import "./staff-admin.css";

export function AcceptInvitationPage() {
  const learner = useDeviceStore(learnerStore);
  const navigate = useNavigate();
  const fromLink = new URLSearchParams(useLocation().search).get("ma");
  const t = strings.staffAdmin;
  return (
    <AppPage title={t.acceptTitle} backTo="/">
      <h1>{t.acceptHeading}</h1>
      {mayUseServer(learner) ? (
        <Invitation fromLink={fromLink} />
      ) : (
        <>
          <p>{t.acceptNeedsAccount}</p>
          <Button fullWidth onClick={() => navigate("/du-lieu-cua-toi")}>
            {strings.facilitator.openMyData}
          </Button>
        </>
      )}
    </AppPage>
  );
}

/** Why the server refused, in words the invited person can act on. */
function refusalText(error: unknown): string {
  const t = strings.staffAdmin;
  if (error instanceof ApiError) {
    const refusal = error.code === "not_found" ? invitationRefusalOf(error.fields) : null;
    if (refusal) return t.refusals[refusal];
    if (error.code === "conflict") return t.alreadyAdmin;
    if (error.code === "rate_limited") return t.tooManyCodes;
  }
  return messageOf(error);
}

type Step =
  | { kind: "type"; typed: string; problem: string | null }
  | { kind: "loading"; code: string }
  | { kind: "preview"; code: string; preview: InvitationPreview; problem: string | null; accepting: boolean }
  | { kind: "refused"; code: string; reason: string }
  | { kind: "accepted"; profile: StaffMe };

function firstStep(fromLink: string | null): Step {
  if (fromLink && isInvitationCode(fromLink)) return { kind: "loading", code: normaliseInvitationCode(fromLink) };
  return { kind: "type", typed: fromLink ?? "", problem: fromLink ? strings.staffAdmin.badCode : null };
}

function Invitation({ fromLink }: { fromLink: string | null }) {
  const t = strings.staffAdmin;
  const navigate = useNavigate();
  const [step, setStep] = useState<Step>(() => firstStep(fromLink));
  const loadingCode = step.kind === "loading" ? step.code : null;

  useEffect(() => {
    if (loadingCode === null) return;
    let current = true;
    withSession((token) => getInvitationPreview(token, loadingCode)).then(
      (preview) => current && setStep({ kind: "preview", code: loadingCode, preview, problem: null, accepting: false }),
      (error: unknown) => current && setStep({ kind: "refused", code: loadingCode, reason: refusalText(error) }),
    );
    return () => {
      current = false;
    };
  }, [loadingCode]);

  async function accept(code: string, preview: InvitationPreview) {
    setStep({ kind: "preview", code, preview, problem: null, accepting: true });
    try {
      const profile = await withSession((token) => postAcceptInvitation(token, code));
      // The home screen shows "Dành cho người hướng dẫn" from this at once.
      staffStore.set({ role: profile.role, checkedAt: new Date().toISOString() });
      setStep({ kind: "accepted", profile });
    } catch (error) {
      setStep({ kind: "preview", code, preview, problem: refusalText(error), accepting: false });
    }
  }

  switch (step.kind) {
    case "type":
      return <CodeForm step={step} onChange={setStep} />;
    case "loading":
      return <p role="status">{strings.loading}</p>;
    case "refused":
      return (
        <>
          <p className="note" role="alert">
            {step.reason}
          </p>
          <div className="stack">
            <Button fullWidth onClick={() => setStep({ kind: "loading", code: step.code })}>
              {strings.facilitator.retry}
            </Button>
            <Button variant="secondary" fullWidth onClick={() => setStep({ kind: "type", typed: "", problem: null })}>
              {t.typeAnother}
            </Button>
          </div>
        </>
      );
    case "preview": {
      const { preview } = step;
      const what = roleAndScope(preview.role, preview.tdps.map((tdp) => tdp.id), tdpNamesOf(preview.tdps));
      return (
        <>
          <p className="lead">{t.invitedAs(what)}</p>
          {preview.role === "admin" && <p>{t.adminNote}</p>}
          <p>{t.invitationUntil(wardMoment(preview.expiresAt))}</p>
          {step.problem && (
            <p className="form-error" role="alert">
              {step.problem}
            </p>
          )}
          <Button fullWidth loading={step.accepting} onClick={() => void accept(step.code, preview)}>
            {t.accept}
          </Button>
        </>
      );
    }
    case "accepted": {
      const { profile } = step;
      const what = roleAndScope(profile.role, profile.tdps.map((tdp) => tdp.id), tdpNamesOf(profile.tdps));
      return (
        <>
          <div role="status">
            <p className="lead">{t.accepted(what)}</p>
          </div>
          <Button fullWidth onClick={() => navigate(STAFF_HOME_PATH)}>
            {t.openStaffHome}
          </Button>
        </>
      );
    }
  }
}

function CodeForm({
  step,
  onChange,
}: {
  step: Extract<Step, { kind: "type" }>;
  onChange: (next: Step) => void;
}) {
  const t = strings.staffAdmin;
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!isInvitationCode(step.typed)) return onChange({ ...step, problem: t.badCode });
    onChange({ kind: "loading", code: normaliseInvitationCode(step.typed) });
  }
  return (
    <form onSubmit={submit} noValidate>
      <p>{t.typeCode}</p>
      <label className="field-label" htmlFor="invitation-code">
        {t.codeField}
      </label>
      <p className="field-hint muted" id="invitation-code-hint">
        {t.codeFieldHint}
      </p>
      <input
        id="invitation-code"
        className="date-input code-input"
        type="text"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={20}
        value={step.typed}
        aria-invalid={step.problem !== null}
        aria-describedby={step.problem ? "invitation-code-hint invitation-code-problem" : "invitation-code-hint"}
        onChange={(event) => onChange({ kind: "type", typed: event.target.value, problem: null })}
      />
      {step.problem && (
        <p id="invitation-code-problem" className="form-error" role="alert">
          {step.problem}
        </p>
      )}
      <Button fullWidth htmlType="submit">
        {t.seeInvitation}
      </Button>
    </form>
  );
}

// "Cho người hướng dẫn xem tiến độ": the 'share-progress' consent, a choice of its own, never
// pre-ticked (DOMAIN.md §5). It lets the facilitator of the learner's TDP see their name (if
// they give one) and progress in the "cần hỗ trợ" list. It stands only beside the progress
// consent and lives only on the server: given and withdrawn there at once, with the notice
// version, so the facilitator's view follows the learner's word immediately.
import { useId, useState, type FormEvent } from "react";
import { Button } from "zmp-ui";
import type { PatchMeRequest } from "@hocso/shared/api";
import { messageOf } from "../../app/api-client.ts";
import { useDeviceStore } from "../../app/device-store.ts";
import { learnerStore, mayUseServer } from "../../app/learner-store.ts";
import { withSession } from "../../app/session.ts";
import { strings } from "../../app/strings.ts";
import { loadLearnerRules } from "../../app/sync.ts";
import { patchMyConsents } from "./api/patch-my-consents.ts";
import type { ServerData } from "./use-server-data.ts";

/** PatchMeRequest's displayName allows at most this many characters */
const NAME_MAX = 80;

export function ShareProgressRow({ server }: { server: ServerData }) {
  const learner = useDeviceStore(learnerStore);
  const c = strings.needsHelp.consent;
  return (
    <div className="consent-row">
      <h3>{c.heading}</h3>
      <p>{c.what}</p>
      <p className="muted">{c.seen}</p>
      {!mayUseServer(learner) ? <p>{c.needsProgress}</p> : <ShareChoice server={server} />}
    </div>
  );
}

function ShareChoice({ server }: { server: ServerData }) {
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const c = strings.needsHelp.consent;
  const t = strings.myData;
  const { state } = server;

  if (state.kind === "loading") return <p role="status">{c.loading}</p>;
  if (state.kind !== "ready") return <p>{c.needsServer}</p>;

  async function decide(granted: boolean, displayName?: string | null) {
    setBusy(true);
    setStatus(null);
    try {
      const version = (await loadLearnerRules()).CONSENT_TEXT_VERSION;
      const body: PatchMeRequest = { consents: { "share-progress": granted }, consentVersion: version };
      if (displayName !== undefined) body.displayName = displayName;
      server.replaceMe(await withSession((token) => patchMyConsents(token, body)));
      setStatus(granted ? t.given : t.withdrawn);
    } catch (error) {
      setStatus(c.failed(messageOf(error)));
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  }

  const { me } = state;
  const given = me.consents["share-progress"]?.granted === true;
  return (
    <>
      {given ? (
        <>
          <p>{c.given}</p>
          <p>{me.displayName ? c.shownAs(me.displayName) : c.shownNameless}</p>
          {!confirming ? (
            <Button variant="secondary" fullWidth disabled={busy} onClick={() => setConfirming(true)}>
              {c.withdraw}
            </Button>
          ) : (
            <div role="alertdialog" aria-labelledby="withdraw-share-progress" className="confirm-box">
              <p id="withdraw-share-progress">{c.withdrawConfirm}</p>
              <div className="stack">
                <Button type="danger" fullWidth loading={busy} onClick={() => void decide(false)}>
                  {t.withdrawYes}
                </Button>
                <Button variant="secondary" fullWidth disabled={busy} onClick={() => setConfirming(false)}>
                  {t.withdrawNo}
                </Button>
              </div>
            </div>
          )}
        </>
      ) : (
        <GiveForm busy={busy} onGive={(name) => void decide(true, name)} />
      )}
      {status && (
        <p className="status-line" role="status" style={{ marginTop: 12 }}>
          {status}
        </p>
      )}
    </>
  );
}

/** The optional name and the button that gives the consent. */
function GiveForm({ busy, onGive }: { busy: boolean; onGive: (displayName: string | null) => void }) {
  const [name, setName] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  const c = strings.needsHelp.consent;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const trimmed = name.trim().replace(/\s+/g, " ");
    if (trimmed.length > NAME_MAX) {
      setProblem(c.nameTooLong);
      return;
    }
    onGive(trimmed === "" ? null : trimmed);
  }

  return (
    <form noValidate onSubmit={onSubmit}>
      <p>{c.not}</p>
      <label className="field-label" htmlFor={`${id}-name`}>
        {c.nameLabel}
      </label>
      <p id={`${id}-hint`} className="muted field-hint">
        {c.nameHint}
      </p>
      <input
        id={`${id}-name`}
        className="field-input"
        type="text"
        autoComplete="name"
        value={name}
        aria-invalid={problem !== null}
        aria-describedby={problem ? `${id}-hint ${id}-problem` : `${id}-hint`}
        onChange={(event) => {
          setName(event.target.value);
          setProblem(null);
        }}
      />
      {problem && (
        <p id={`${id}-problem`} className="form-error" role="alert">
          {problem}
        </p>
      )}
      <Button htmlType="submit" fullWidth loading={busy}>
        {c.give}
      </Button>
    </form>
  );
}

// "Xóa tài khoản và dữ liệu": one confirmation ("Xóa hết" / "Không xóa"), then the account on
// the server and every hocso:* key on the phone go, and the app starts again at onboarding.
// Without a network nothing is deleted and the learner is told why.
import { useEffect, useRef, useState } from "react";
import { Button, useNavigate } from "zmp-ui";
import { strings } from "../../app/strings.ts";
import { deleteAccountAndData } from "./account-data.ts";

export function DeleteSection() {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const question = useRef<HTMLParagraphElement>(null);
  const navigate = useNavigate();
  const t = strings.myData;

  useEffect(() => {
    if (confirming) question.current?.focus();
  }, [confirming]);

  async function onDelete() {
    setBusy(true);
    setProblem(null);
    const outcome = await deleteAccountAndData();
    setBusy(false);
    if (!outcome.ok) {
      setProblem(outcome.message);
      setConfirming(false);
      return;
    }
    navigate("/", { replace: true });
  }

  return (
    <section className="card" aria-labelledby="delete">
      <h2 id="delete" style={{ marginTop: 0 }}>
        {strings.privacy.deleteHeading}
      </h2>
      <p>{t.deleteIntro}</p>
      {confirming ? (
        <div role="alertdialog" aria-labelledby="delete-confirm" className="confirm-box">
          <p id="delete-confirm" ref={question} tabIndex={-1}>
            {t.deleteConfirm}
          </p>
          <div className="stack">
            <Button type="danger" fullWidth loading={busy} onClick={() => void onDelete()}>
              {t.deleteYes}
            </Button>
            <Button variant="secondary" fullWidth disabled={busy} onClick={() => setConfirming(false)}>
              {t.deleteNo}
            </Button>
          </div>
        </div>
      ) : (
        <Button variant="secondary" type="danger" fullWidth onClick={() => setConfirming(true)}>
          {t.deleteButton}
        </Button>
      )}
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}

// "/diem-danh", Điểm danh buổi học: a resident checks in at their class. Opened from the
// facilitator's QR (/diem-danh?ma=482913) it checks in at once; otherwise "Quét mã QR" opens
// Zalo's scanner, and the six digits can always be typed instead (outside Zalo there is no
// scanner). Attendance is kept under the resident's account, so it needs "lưu tiến độ học".
import { useEffect, useRef, useState } from "react";
import { Button, useLocation, useNavigate } from "zmp-ui";
import { CHECKIN_CODE_LENGTH, checkInDigits, type CheckInResult } from "@hocso/shared/attendance";
import { ApiError, messageOf } from "../../app/api-client.ts";
import { useDeviceStore } from "../../app/device-store.ts";
import { AppPage } from "../../app/layout.tsx";
import { learnerStore, mayUseServer } from "../../app/learner-store.ts";
import { withSession } from "../../app/session.ts";
import { strings } from "../../app/strings.ts";
import { OutsideZaloError, scanQRCode, ZaloDeniedError } from "../../app/zalo.ts";
import { CheckMark } from "../../components/check-mark.tsx";
import { postCheckIn } from "./api/post-check-in.ts";

type State =
  | { kind: "idle" }
  | { kind: "checking" }
  | { kind: "done"; result: CheckInResult }
  | { kind: "failed"; message: string; needAccount?: boolean };

export function CheckInPage() {
  const learner = useDeviceStore(learnerStore);
  const t = strings.classManagement;
  return (
    <AppPage title={t.checkInTitle} backTo="/lop-hoc">
      <h1>{t.checkInHeading}</h1>
      {mayUseServer(learner) ? <CheckIn /> : <NeedAccount underSixteen={learner.profile?.ageBand === "duoi-16"} />}
    </AppPage>
  );
}

function NeedAccount({ underSixteen }: { underSixteen: boolean }) {
  const navigate = useNavigate();
  const t = strings.classManagement;
  if (underSixteen) return <p className="note">{t.underSixteen}</p>;
  return (
    <>
      <p className="note">{t.needAccount}</p>
      <Button fullWidth onClick={() => navigate("/du-lieu-cua-toi")}>
        {t.openMyData}
      </Button>
    </>
  );
}

/** The code a scanned QR carries: the `ma` of our check-in link, or six digits on their own. */
function codeFromScan(content: string): string | null {
  const trimmed = content.trim();
  const fromLink = /[?&]ma=(\d{6})(?:&|#|$)/.exec(trimmed);
  if (fromLink) return fromLink[1]!;
  return /^\d{6}$/.test(trimmed) ? trimmed : null;
}

function failureOf(error: unknown): Extract<State, { kind: "failed" }> {
  const t = strings.classManagement;
  if (error instanceof ApiError) {
    if (error.code === "not_found") return { kind: "failed", message: t.codeUnknown };
    if (error.code === "rate_limited") return { kind: "failed", message: t.tooManyTries };
    if (error.code === "conflict") return { kind: "failed", message: t.classOff };
    if (error.code === "forbidden") return { kind: "failed", message: t.needAccount, needAccount: true };
  }
  return { kind: "failed", message: messageOf(error) };
}

function CheckIn() {
  const navigate = useNavigate();
  const fromLink = new URLSearchParams(useLocation().search).get("ma");
  const [state, setState] = useState<State>({ kind: "idle" });
  const [typed, setTyped] = useState("");
  const [typedProblem, setTypedProblem] = useState<string | null>(null);
  const [scanNote, setScanNote] = useState<string | null>(null);
  const started = useRef(false);
  const t = strings.classManagement;

  async function checkIn(code: string) {
    setState({ kind: "checking" });
    try {
      setState({ kind: "done", result: await withSession((token) => postCheckIn(token, code)) });
    } catch (error) {
      setState(failureOf(error));
    }
  }

  // Opened from the QR: check in at once, once.
  useEffect(() => {
    if (started.current || fromLink === null) return;
    started.current = true;
    const code = checkInDigits(fromLink);
    if (code.length === CHECKIN_CODE_LENGTH) void checkIn(code);
    else setState({ kind: "failed", message: t.codeUnknown });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only the link the page opened with
  }, [fromLink]);

  async function scan() {
    setScanNote(null);
    try {
      const code = codeFromScan(await scanQRCode());
      if (code) await checkIn(code);
      else setScanNote(t.scanNotOurs);
    } catch (error) {
      if (error instanceof OutsideZaloError) setScanNote(t.scanOutside);
      else if (error instanceof ZaloDeniedError) setScanNote(t.scanStopped);
      else {
        console.warn("scanQRCode failed", error);
        setScanNote(t.scanOutside);
      }
    }
  }

  function submitTyped() {
    const code = checkInDigits(typed);
    if (code.length !== CHECKIN_CODE_LENGTH) return setTypedProblem(t.codeInvalid);
    setTypedProblem(null);
    void checkIn(code);
  }

  if (state.kind === "done") {
    return (
      <>
        <p className="status-line status-saved lead" role="status">
          <CheckMark /> {t.checkedIn(state.result.dateLabel, state.result.topic)}
        </p>
        {state.result.already && <p>{t.checkedInBefore}</p>}
        <Button fullWidth variant="secondary" onClick={() => navigate("/lop-hoc", { direction: "backward" })}>
          {t.toClasses}
        </Button>
      </>
    );
  }

  return (
    <>
      {state.kind === "checking" && <p role="status">{t.checkingIn}</p>}
      {state.kind === "failed" && (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      )}
      {state.kind === "failed" && state.needAccount ? (
        <Button fullWidth onClick={() => navigate("/du-lieu-cua-toi")}>
          {t.openMyData}
        </Button>
      ) : (
        <>
          <p className="lead">{t.checkInIntro}</p>
          <Button fullWidth disabled={state.kind === "checking"} onClick={() => void scan()}>
            {t.scan}
          </Button>
          {scanNote && (
            <p className="note" role="status" style={{ marginTop: 12 }}>
              {scanNote}
            </p>
          )}
          <form
            style={{ marginTop: 24 }}
            onSubmit={(event) => {
              event.preventDefault();
              submitTyped();
            }}
          >
            <label className="field-label" htmlFor="check-in-code">
              {t.codeLabel}
            </label>
            <input
              id="check-in-code"
              className="date-input"
              type="text"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={9}
              value={typed}
              aria-invalid={typedProblem !== null}
              aria-describedby={typedProblem ? "check-in-code-problem" : undefined}
              onChange={(e) => {
                setTyped(e.target.value);
                setTypedProblem(null);
              }}
            />
            {typedProblem && (
              <p id="check-in-code-problem" className="form-error" role="alert">
                {typedProblem}
              </p>
            )}
            <Button fullWidth htmlType="submit" loading={state.kind === "checking"}>
              {t.submit}
            </Button>
          </form>
        </>
      )}
    </>
  );
}

// "/huong-dan/thong-bao/moi", Viết thông báo: one step per screen — write (with the characters
// left), preview (the Zalo bubble residents will see), groups, when, check and send — then the
// delivery report replaces this screen. The draft stays on the phone until it is sent.
import { useEffect, useRef, useState } from "react";
import { Button, useNavigate } from "zmp-ui";
import type { StaffMe } from "@hocso/shared/announcements";
import { ApiError, messageOf } from "../../../app/api-client.ts";
import { useCourse } from "../../../app/course.tsx";
import { useDeviceStore } from "../../../app/device-store.ts";
import { AppPage } from "../../../app/layout.tsx";
import { withSession } from "../../../app/session.ts";
import { strings } from "../../../app/strings.ts";
import { postAnnouncement } from "../api/post-announcement.ts";
import { ANNOUNCEMENTS_PATH, reportPath } from "../paths.ts";
import { StaffGate } from "../staff-gate.tsx";
import "../facilitator.css";
import { draftStore, sendTime, type Draft } from "./draft.ts";
import type { StepProps } from "./step-props.ts";
import { ConfirmStep, GroupsStep, PreviewStep, WriteStep } from "./steps.tsx";
import { WhenStep } from "./when-step.tsx";

export function ComposerPage() {
  return (
    <AppPage title={strings.composer.title} backTo={ANNOUNCEMENTS_PATH}>
      <StaffGate>{(staff) => <Composer staff={staff} />}</StaffGate>
    </AppPage>
  );
}

const STEPS = ["write", "preview", "groups", "when", "confirm"] as const;
type Step = (typeof STEPS)[number];

function Composer({ staff }: { staff: StaffMe }) {
  const stored = useDeviceStore(draftStore);
  const { ward } = useCourse();
  const navigate = useNavigate();
  const [step, setStep] = useState<Step>("write");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ text: string; lost: boolean } | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);
  const t = strings.composer;

  // Groups no longer in the facilitator's scope are dropped; with one group, it is chosen.
  const inScope = stored.tdpIds.filter((id) => staff.tdps.some((tdp) => tdp.id === id));
  const draft: Draft = { ...stored, tdpIds: inScope.length === 0 && staff.tdps.length === 1 ? [staff.tdps[0]!.id] : inScope };

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [step]);

  const index = STEPS.indexOf(step);
  const go = (to: number) => {
    setProblem(null);
    setStep(STEPS[Math.max(0, Math.min(STEPS.length - 1, to))]!);
  };

  async function send() {
    if (busy) return;
    const { at, problem: timeProblem } = sendTime(draft, new Date());
    if (timeProblem) {
      go(STEPS.indexOf("when"));
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const body = { text: draft.text, tdpIds: draft.tdpIds, sendAt: at ? at.toISOString() : null, urgent: draft.urgent };
      const announcement = await withSession((token) => postAnnouncement(token, body));
      draftStore.clear();
      navigate(reportPath(announcement.id), { replace: true });
    } catch (error) {
      setProblem(problemText(error));
      setBusy(false);
    }
  }

  const props: StepProps = {
    draft,
    staff,
    headingRef,
    update: (patch) => draftStore.set((d) => ({ ...d, ...patch, tdpIds: patch.tdpIds ?? draft.tdpIds })),
    next: () => go(index + 1),
    back: () => go(index - 1),
  };
  const sender = t.bubbleSender(ward.name);

  return (
    <>
      <p className="counter step-counter">{t.step(index + 1, STEPS.length)}</p>
      {step === "write" && <WriteStep {...props} />}
      {step === "preview" && <PreviewStep {...props} sender={sender} wardName={ward.name} />}
      {step === "groups" && <GroupsStep {...props} />}
      {step === "when" && <WhenStep {...props} />}
      {step === "confirm" && (
        <ConfirmStep {...props} sender={sender} wardName={ward.name} busy={busy} onSend={() => void send()} />
      )}
      {problem && (
        <div className="note composer-problem" role="alert">
          <p>{problem.text}</p>
          {problem.lost && (
            <Button variant="secondary" fullWidth onClick={() => navigate(ANNOUNCEMENTS_PATH)}>
              {t.openList}
            </Button>
          )}
        </div>
      )}
    </>
  );
}

/** What went wrong, in words; a lost connection may have lost only the answer. */
function problemText(error: unknown): { text: string; lost: boolean } {
  const t = strings.composer;
  if (error instanceof ApiError && error.code === "network") return { text: t.maybeSent, lost: true };
  if (error instanceof ApiError && error.code === "bad_request" && error.fields.length > 0) {
    const names = [...new Set(error.fields.map((f) => t.fieldProblems[f.path.split(".")[0] ?? ""] ?? f.path))];
    return { text: t.badFields(names.join(", ")), lost: false };
  }
  return { text: messageOf(error), lost: false };
}

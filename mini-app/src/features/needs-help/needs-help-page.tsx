// "/huong-dan/can-ho-tro", Người cần hỗ trợ: the learners of the facilitator's TDPs (tổ dân phố)
// who answered a lesson wrongly many times or have not learned for 3 weeks, grouped by TDP,
// each reason in plain words with a hint of what to do. Only learners who agreed to share their
// progress are named; the others are a number. Read once per visit (the server audits it).
import { useId } from "react";
import type { StaffMe } from "@hocso/shared/announcements";
import { formatWardDate } from "@hocso/shared/dates";
import type { NeedsHelpLearner, NeedsHelpList, NeedsHelpReason } from "@hocso/shared/needs-help";
import { AppPage } from "../../app/layout.tsx";
import { strings } from "../../app/strings.ts";
import { FirstLoad } from "../facilitator/load-failed.tsx";
import { STAFF_HOME_PATH } from "../facilitator/paths.ts";
import { scopeText } from "../facilitator/scope-text.ts";
import { StaffGate } from "../facilitator/staff-gate.tsx";
import { usePolled } from "../facilitator/use-polled.ts";
import { getNeedsHelp } from "./api/get-needs-help.ts";
import "../facilitator/facilitator.css";
import "./needs-help.css";

export function NeedsHelpPage() {
  const t = strings.needsHelp;
  return (
    <AppPage title={t.title} backTo={STAFF_HOME_PATH}>
      <h1>{t.heading}</h1>
      <StaffGate>{(staff) => <NeedsHelp staff={staff} />}</StaffGate>
    </AppPage>
  );
}

/** the list does not change while it is open: it is read again on each visit */
const never = () => false;

function NeedsHelp({ staff }: { staff: StaffMe }) {
  const { data, problem, retry } = usePolled(getNeedsHelp, never, 0, []);
  const t = strings.needsHelp;
  return (
    <>
      <p className="lead">{scopeText(staff)}</p>
      <p>{t.intro}</p>
      {data ? <Groups list={data} /> : <FirstLoad problem={problem} onRetry={retry} />}
    </>
  );
}

function Groups({ list }: { list: NeedsHelpList }) {
  const t = strings.needsHelp;
  const groups = byTdp(list.learners);
  return (
    <>
      {list.learners.length === 0 && list.notSharing === 0 && <p className="status-line">{t.none}</p>}
      {groups.map((group) => (
        <TdpGroup key={group.tdpId} name={group.tdpName} learners={group.learners} />
      ))}
      {list.notSharing > 0 && (
        <div className="note">
          <p>{t.notSharing(list.notSharing)}</p>
          <p>{t.notSharingHint}</p>
        </div>
      )}
    </>
  );
}

/** The learners in the server's order (TDPs in the ward file's order), one group per TDP. */
function byTdp(learners: readonly NeedsHelpLearner[]) {
  const groups: Array<{ tdpId: string; tdpName: string; learners: NeedsHelpLearner[] }> = [];
  for (const learner of learners) {
    const last = groups[groups.length - 1];
    if (last?.tdpId === learner.tdpId) last.learners.push(learner);
    else groups.push({ tdpId: learner.tdpId, tdpName: learner.tdpName, learners: [learner] });
  }
  return groups;
}

function TdpGroup({ name, learners }: { name: string; learners: readonly NeedsHelpLearner[] }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="needs-help-group">
      <h2 id={headingId}>{name}</h2>
      {learners.map((learner) => (
        <LearnerCard key={learner.userId} learner={learner} />
      ))}
    </section>
  );
}

function LearnerCard({ learner }: { learner: NeedsHelpLearner }) {
  const headingId = useId();
  const t = strings.needsHelp;
  const name = learner.displayName ?? t.nameless;
  return (
    <article className="card needs-help-card" aria-labelledby={headingId}>
      <h3 id={headingId}>{name}</h3>
      <ul className="needs-help-reasons" aria-label={t.reasonsLabel(name)}>
        {learner.reasons.map((reason) => (
          <li key={reason.kind === "inactive" ? "inactive" : reason.lessonId}>
            <p className="needs-help-reason">{reasonText(reason)}</p>
            <p className="needs-help-hint">{reason.kind === "inactive" ? t.hintInactive : t.hintFailed}</p>
          </li>
        ))}
      </ul>
    </article>
  );
}

function reasonText(reason: NeedsHelpReason): string {
  const t = strings.needsHelp;
  return reason.kind === "inactive"
    ? t.inactive(reason.days, formatWardDate(reason.lastActiveOn))
    : t.failedAttempts(reason.wrongAnswers, reason.lessonTitle);
}

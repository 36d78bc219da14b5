// "/huong-dan/phan-quyen", Phân quyền: the ward office's list of staff and of invitations not
// accepted yet. "Mời người hướng dẫn" makes a one-time code (shown as a QR, shared over Zalo);
// each member's TDPs (tổ dân phố) can be changed, or their role removed after a confirm step.
// Policy "role:grant"; the server checks every request again.
import { useEffect, useRef, useState } from "react";
import { Button } from "zmp-ui";
import type { StaffMe } from "@hocso/shared/announcements";
import type { CreatedInvitation, OpenInvitation, StaffMember } from "@hocso/shared/staff-admin";
import { messageOf } from "../../app/api-client.ts";
import { AppPage } from "../../app/layout.tsx";
import { withSession } from "../../app/session.ts";
import { strings } from "../../app/strings.ts";
import { FirstLoad, LoadFailed } from "../facilitator/load-failed.tsx";
import { STAFF_HOME_PATH } from "../facilitator/paths.ts";
import { StaffGate } from "../facilitator/staff-gate.tsx";
import { wardMoment } from "@hocso/shared/dates";
import { deleteInvitation } from "./api/delete-invitation.ts";
import { getInvitations } from "./api/get-invitations.ts";
import { getStaff } from "./api/get-staff.ts";
import { InvitationReady } from "./invitation-ready.tsx";
import { InviteForm } from "./invite-form.tsx";
import { roleAndScope, tdpNamesOf, type TdpNames } from "./role-text.ts";
import { StaffMemberCard } from "./staff-member-card.tsx";
import "../facilitator/facilitator.css";
import "./staff-admin.css";

export function StaffAdminPage() {
  return (
    <AppPage title={strings.facilitator.areaTitle} backTo={STAFF_HOME_PATH}>
      <h1>{strings.staffAdmin.heading}</h1>
      <StaffGate>{(staff) => <StaffAdmin staff={staff} />}</StaffGate>
    </AppPage>
  );
}

type View = { kind: "lists" } | { kind: "invite" } | { kind: "ready"; invitation: CreatedInvitation };
type Lists = { members: StaffMember[]; invitations: OpenInvitation[] };

function StaffAdmin({ staff }: { staff: StaffMe }) {
  const t = strings.staffAdmin;
  const [view, setView] = useState<View>({ kind: "lists" });
  const [lists, setLists] = useState<Lists | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  // what the last change did: said once the lists show it
  const doneNotice = useRef<string | null>(null);
  const names = tdpNamesOf(staff.tdps);
  const allowed = staff.policies.includes("role:grant");

  useEffect(() => {
    if (!allowed) return;
    let current = true;
    withSession((token) => Promise.all([getStaff(token), getInvitations(token)])).then(
      ([members, invitations]) => {
        if (!current) return;
        setLists({ members, invitations });
        setNotice(doneNotice.current);
        setProblem(null);
      },
      (error: unknown) => current && setProblem(messageOf(error)),
    );
    return () => {
      current = false;
    };
  }, [attempt, allowed]);

  if (!allowed) return <p className="note">{t.notAllowed}</p>;
  const reload = (message: string | null) => {
    doneNotice.current = message;
    setAttempt((n) => n + 1);
  };

  if (view.kind === "invite") {
    return (
      <InviteForm
        staff={staff}
        onBack={() => setView({ kind: "lists" })}
        onCreated={(invitation) => {
          setView({ kind: "ready", invitation });
          reload(null);
        }}
      />
    );
  }
  if (view.kind === "ready") {
    return <InvitationReady invitation={view.invitation} names={names} onDone={() => setView({ kind: "lists" })} />;
  }
  return (
    <>
      <p className="lead">{t.intro}</p>
      <Button fullWidth onClick={() => setView({ kind: "invite" })}>
        {t.invite}
      </Button>
      <div role="status">{notice && <p className="status-line">{notice}</p>}</div>
      {lists === null ? (
        <FirstLoad problem={problem} onRetry={() => setAttempt((n) => n + 1)} />
      ) : (
        <>
          {problem && <LoadFailed reason={problem} onRetry={() => setAttempt((n) => n + 1)} variant="secondary" />}
          <h2>{t.staffHeading}</h2>
          {lists.members.map((member) => (
            <StaffMemberCard key={member.userId} member={member} staff={staff} names={names} onChanged={reload} />
          ))}
          <h2>{t.openHeading}</h2>
          {lists.invitations.length === 0 && <p>{t.noOpen}</p>}
          {lists.invitations.map((invitation) => (
            <OpenInvitationCard key={invitation.id} invitation={invitation} names={names} onRevoked={reload} />
          ))}
        </>
      )}
    </>
  );
}

function OpenInvitationCard({
  invitation,
  names,
  onRevoked,
}: {
  invitation: OpenInvitation;
  names: TdpNames;
  onRevoked: (notice: string) => void;
}) {
  const t = strings.staffAdmin;
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const headingId = `invitation-${invitation.id}`;

  async function revoke() {
    setBusy(true);
    setProblem(null);
    try {
      await withSession((token) => deleteInvitation(token, invitation.id));
      onRevoked(t.revoked);
    } catch (error) {
      setProblem(messageOf(error));
      setBusy(false);
    }
  }

  return (
    <section className="card staff-card" aria-labelledby={headingId}>
      <h3 id={headingId}>{t.invitationFor(roleAndScope(invitation.role, invitation.tdpIds, names))}</h3>
      <p>{t.expiresOn(wardMoment(invitation.expiresAt))}</p>
      <Button variant="secondary" fullWidth loading={busy} aria-describedby={headingId} onClick={() => void revoke()}>
        {t.revoke}
      </Button>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}

// One staff member in the ward office's list: their name (or "Tài khoản số N"), role and TDPs
// (tổ dân phố); "Đổi tổ dân phố" for a facilitator, and "Bỏ quyền" behind a confirm step.
import { useState } from "react";
import { Button } from "zmp-ui";
import type { StaffMe } from "@hocso/shared/announcements";
import type { StaffMember } from "@hocso/shared/staff-admin";
import { ApiError, messageOf } from "../../app/api-client.ts";
import { withSession } from "../../app/session.ts";
import { strings } from "../../app/strings.ts";
import { deleteStaff } from "./api/delete-staff.ts";
import { putStaff } from "./api/put-staff.ts";
import { listTdps, personName, type TdpNames } from "./role-text.ts";
import { TdpCheckboxes } from "./tdp-checkboxes.tsx";

type Mode = "view" | "edit" | "confirm-remove";

interface StaffMemberCardProps {
  member: StaffMember;
  staff: StaffMe;
  names: TdpNames;
  /** after a change was saved: the page reloads its lists and says what happened */
  onChanged: (notice: string) => void;
}

/** The server's 409 about the ward's only admin, in words; anything else as the client says it. */
function problemOf(error: unknown): string {
  if (error instanceof ApiError && error.code === "conflict") return strings.staffAdmin.lastAdmin;
  return messageOf(error);
}

export function StaffMemberCard({ member, staff, names, onChanged }: StaffMemberCardProps) {
  const t = strings.staffAdmin;
  const [mode, setMode] = useState<Mode>("view");
  const [tdpIds, setTdpIds] = useState<string[]>(member.tdpIds);
  const [noTdp, setNoTdp] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const name = personName(member);
  const headingId = `staff-${member.userId}`;

  function switchTo(next: Mode) {
    setMode(next);
    setProblem(null);
    setNoTdp(false);
    setTdpIds(member.tdpIds);
  }

  async function run(change: (token: string) => Promise<unknown>, notice: string) {
    setBusy(true);
    setProblem(null);
    try {
      await withSession(change);
      setMode("view");
      onChanged(notice);
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  }

  function save() {
    if (tdpIds.length === 0) return setNoTdp(true);
    void run((token) => putStaff(token, member.userId, { role: "facilitator", tdpIds }), t.saved(name));
  }

  return (
    <section className="card staff-card" aria-labelledby={headingId}>
      <h3 id={headingId}>{name}</h3>
      <p>{t.roles[member.role]}</p>
      <p>{member.role === "admin" ? t.wholeWard : listTdps(member.tdpIds, names)}</p>
      {mode === "view" && (
        <div className="stack">
          {member.role === "facilitator" && (
            <Button variant="secondary" fullWidth aria-describedby={headingId} onClick={() => switchTo("edit")}>
              {t.editTdps}
            </Button>
          )}
          <Button variant="secondary" fullWidth aria-describedby={headingId} onClick={() => switchTo("confirm-remove")}>
            {t.remove}
          </Button>
        </div>
      )}
      {mode === "edit" && (
        <>
          <TdpCheckboxes
            legend={<h4>{t.editHeading(name)}</h4>}
            tdps={staff.tdps}
            chosen={tdpIds}
            onChange={(ids) => {
              setTdpIds(ids);
              setNoTdp(false);
            }}
            problem={noTdp ? t.noTdp : null}
            problemId={`staff-${member.userId}-tdp-problem`}
          />
          <div className="stack">
            <Button fullWidth loading={busy} onClick={save}>
              {t.save}
            </Button>
            <Button variant="secondary" fullWidth onClick={() => switchTo("view")}>
              {t.cancel}
            </Button>
          </div>
        </>
      )}
      {mode === "confirm-remove" && (
        <>
          <p className="note" role="alert">
            {t.removeConfirm(name)}
          </p>
          <div className="stack">
            <Button
              fullWidth
              loading={busy}
              onClick={() => void run((token) => deleteStaff(token, member.userId), t.removed(name))}
            >
              {t.removeYes}
            </Button>
            <Button variant="secondary" fullWidth onClick={() => switchTo("view")}>
              {t.removeNo}
            </Button>
          </div>
        </>
      )}
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}

// "Mời người hướng dẫn": the role (người hướng dẫn or cán bộ phường) and, for a facilitator, the
// TDPs (tổ dân phố) they will look after; "Tạo lời mời" asks the server for a one-time code.
import { useEffect, useRef, useState } from "react";
import { Button } from "zmp-ui";
import type { StaffMe, StaffRole } from "@hocso/shared/announcements";
import type { CreatedInvitation } from "@hocso/shared/staff-admin";
import { messageOf } from "../../app/api-client.ts";
import { withSession } from "../../app/session.ts";
import { strings } from "../../app/strings.ts";
import { ChoiceGroup } from "../../components/choice-group.tsx";
import { postInvitation } from "./api/post-invitation.ts";
import { TdpCheckboxes } from "./tdp-checkboxes.tsx";

interface InviteFormProps {
  staff: StaffMe;
  onCreated: (invitation: CreatedInvitation) => void;
  onBack: () => void;
}

export function InviteForm({ staff, onCreated, onBack }: InviteFormProps) {
  const t = strings.staffAdmin;
  const [role, setRole] = useState<StaffRole>("facilitator");
  const [tdpIds, setTdpIds] = useState<string[]>([]);
  const [noTdp, setNoTdp] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  async function create() {
    if (role === "facilitator" && tdpIds.length === 0) return setNoTdp(true);
    setSaving(true);
    setProblem(null);
    try {
      const body = { role, tdpIds: role === "admin" ? [] : tdpIds };
      onCreated(await withSession((token) => postInvitation(token, body)));
    } catch (error) {
      setProblem(messageOf(error));
      setSaving(false);
    }
  }

  return (
    <section aria-labelledby="invite-heading">
      <h2 id="invite-heading" ref={heading} tabIndex={-1}>
        {t.inviteHeading}
      </h2>
      <ChoiceGroup
        question={t.roleQuestion}
        level={2}
        name="invite-role"
        options={[
          { value: "facilitator", label: t.roles.facilitator },
          { value: "admin", label: t.roles.admin },
        ]}
        value={role}
        onChange={setRole}
      />
      {role === "admin" ? (
        <p className="note">{t.adminNote}</p>
      ) : (
        <TdpCheckboxes
          legend={<h2>{t.tdpQuestion}</h2>}
          tdps={staff.tdps}
          chosen={tdpIds}
          onChange={(ids) => {
            setTdpIds(ids);
            setNoTdp(false);
          }}
          problem={noTdp ? t.noTdp : null}
          problemId="invite-tdp-problem"
        />
      )}
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      <div className="stack">
        <Button fullWidth loading={saving} onClick={() => void create()}>
          {t.create}
        </Button>
        <Button variant="secondary" fullWidth onClick={onBack}>
          {t.back}
        </Button>
      </div>
    </section>
  );
}

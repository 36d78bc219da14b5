// "/thong-tin": the learner's tổ dân phố, audience group and age band. Always saved on the
// phone; sent to the server only with the progress consent and never for under-16s.
import { useState } from "react";
import { Button, useLocation, useNavigate, useSnackbar } from "zmp-ui";
import type { AgeBand, Audience } from "@hocso/shared/learner";
import { useCourse } from "../../app/course.tsx";
import { useDeviceStore } from "../../app/device-store.ts";
import { AppPage } from "../../app/layout.tsx";
import { AGE_BANDS, AUDIENCES, learnerStore } from "../../app/learner-store.ts";
import { saveProfile } from "../../app/sync.ts";
import { strings } from "../../app/strings.ts";
import { ChoiceGroup } from "../../components/choice-group.tsx";

const AUDIENCE_OPTIONS = AUDIENCES.map((value) => ({ value, label: strings.audiences[value] }));
const AGE_OPTIONS = AGE_BANDS.map((value) => ({ value, label: strings.ageBands[value] }));

interface Problems {
  tdp?: string;
  audience?: string;
  age?: string;
}

export function ProfilePage() {
  const { ward } = useCourse();
  const learner = useDeviceStore(learnerStore);
  const navigate = useNavigate();
  const { openSnackbar } = useSnackbar();
  const carried = (useLocation().state as { notice?: string | null } | null)?.notice ?? null;
  const [tdpId, setTdpId] = useState<string | null>(learner.profile?.tdpId ?? null);
  const [audience, setAudience] = useState<Audience | null>(learner.profile?.audience ?? null);
  const [ageBand, setAgeBand] = useState<AgeBand | null>(learner.profile?.ageBand ?? null);
  const [problems, setProblems] = useState<Problems>({});
  const [busy, setBusy] = useState(false);
  const t = strings.profile;

  const groups = ward.residentialGroups.map((g) => ({ value: g.id, label: g.name }));

  async function onSave() {
    if (busy) return;
    if (!tdpId || !audience || !ageBand) {
      setProblems({
        tdp: tdpId ? undefined : t.missingTdp,
        audience: audience ? undefined : t.missingAudience,
        age: ageBand ? undefined : t.missingAge,
      });
      return;
    }
    setBusy(true);
    const outcome = await saveProfile({ tdpId, audience, ageBand });
    setBusy(false);
    if (outcome.kind === "failed") {
      openSnackbar({ text: `${outcome.message} ${t.notSent}`, type: "warning", duration: 8000 });
    }
    navigate("/", { replace: true });
  }

  return (
    <AppPage
      title={t.title}
      backTo="/"
      actions={
        <Button className="wide" loading={busy} onClick={() => void onSave()}>
          {t.save}
        </Button>
      }
    >
      {carried && (
        <p className="card status-line" role="status">
          {carried}
        </p>
      )}
      <ChoiceGroup
        question={t.tdpHeading}
        level={1}
        name="tdp"
        options={groups}
        value={tdpId}
        onChange={(v) => {
          setTdpId(v);
          setProblems((p) => ({ ...p, tdp: undefined }));
        }}
        error={problems.tdp}
      />
      <ChoiceGroup
        question={t.audienceHeading}
        level={2}
        name="audience"
        options={AUDIENCE_OPTIONS}
        value={audience}
        onChange={(v) => {
          setAudience(v);
          setProblems((p) => ({ ...p, audience: undefined }));
        }}
        error={problems.audience}
      />
      <ChoiceGroup
        question={t.ageHeading}
        level={2}
        name="age"
        options={AGE_OPTIONS}
        value={ageBand}
        onChange={(v) => {
          setAgeBand(v);
          setProblems((p) => ({ ...p, age: undefined }));
        }}
        error={problems.age}
      />
      {ageBand === "duoi-16" && (
        <p className="note" role="note">
          {t.underSixteenNote}
        </p>
      )}
      {learner.consents?.progress !== true && <p className="muted">{t.onDeviceOnly}</p>}
    </AppPage>
  );
}

// What every facilitator screen shows before its own content: nothing is asked of the server
// without the progress consent (signing in would store a Zalo id), then the staff profile
// loads; a learner's account is told plainly that it has no staff role.
import type { ReactNode } from "react";
import { Button, useNavigate } from "zmp-ui";
import type { StaffMe } from "@hocso/shared/announcements";
import { useDeviceStore } from "../../app/device-store.ts";
import { learnerStore, mayUseServer } from "../../app/learner-store.ts";
import { strings } from "../../app/strings.ts";
import { LoadFailed } from "./load-failed.tsx";
import { useStaff } from "./use-staff.ts";

export function StaffGate({ children }: { children: (staff: StaffMe) => ReactNode }) {
  const learner = useDeviceStore(learnerStore);
  const navigate = useNavigate();
  const t = strings.facilitator;
  if (!mayUseServer(learner)) {
    return (
      <>
        <p>{t.needConsent}</p>
        <Button fullWidth onClick={() => navigate("/du-lieu-cua-toi")}>
          {t.openMyData}
        </Button>
      </>
    );
  }
  return <LoadedStaff>{children}</LoadedStaff>;
}

function LoadedStaff({ children }: { children: (staff: StaffMe) => ReactNode }) {
  const { state, retry } = useStaff();
  const navigate = useNavigate();
  const t = strings.facilitator;
  switch (state.kind) {
    case "loading":
      return <p role="status">{strings.loading}</p>;
    case "not-staff":
      return (
        <>
          <p className="note" role="alert">
            {t.notStaff}
          </p>
          <Button fullWidth onClick={() => navigate("/", { direction: "backward" })}>
            {t.home}
          </Button>
        </>
      );
    case "failed":
      return <LoadFailed reason={state.message} onRetry={retry} />;
    case "ready":
      return <>{children(state.staff)}</>;
  }
}

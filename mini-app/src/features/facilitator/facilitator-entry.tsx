// "Dành cho người hướng dẫn" on the home screen, for staff only. The phone remembers the last
// answer of GET /api/v1/staff/me so the entry shows at once, and asks again once per opening
// of the app: a role granted or taken away shows the next time the app opens.
import { useEffect } from "react";
import { Button, useNavigate } from "zmp-ui";
import { useDeviceStore } from "../../app/device-store.ts";
import { strings } from "../../app/strings.ts";
import { STAFF_HOME_PATH } from "./paths.ts";
import { staffStore } from "./staff-store.ts";
import { refreshStaff } from "./use-staff.ts";

/** once per page load: the home screen is shown often, the role changes rarely */
export const staffCheck = { done: false };

export function FacilitatorEntry() {
  const cached = useDeviceStore(staffStore);
  const navigate = useNavigate();
  useEffect(() => {
    if (staffCheck.done) return;
    staffCheck.done = true;
    void refreshStaff();
  }, []);
  if (!cached?.role) return null;
  return (
    <Button fullWidth onClick={() => navigate(STAFF_HOME_PATH)}>
      {strings.facilitator.entry}
    </Button>
  );
}

// "/huong-dan", Trang người hướng dẫn: one big button for each thing this person may do, in
// the order a facilitator's week goes (classes, the class itself, messages, who needs help)
// and then the ward office's work. What shows follows the policies GET /api/v1/staff/me
// returns; the server still checks every request.
import { Button, useNavigate } from "zmp-ui";
import type { StaffMe } from "@hocso/shared/announcements";
import { AppPage } from "../../app/layout.tsx";
import { strings } from "../../app/strings.ts";
import {
  ANNOUNCEMENTS_PATH,
  AUDIT_PATH,
  CLASS_REMINDERS_PATH,
  CLASSROOM_PATH,
  DASHBOARD_PATH,
  MANAGED_CLASSES_PATH,
  NEEDS_HELP_PATH,
  STAFF_ADMIN_PATH,
} from "./paths.ts";
import { scopeText } from "./scope-text.ts";
import { StaffGate } from "./staff-gate.tsx";
import "./facilitator.css";

interface Tile {
  label: string;
  path: string;
  /** the policy that makes the tile useful (bot-server lib/policies.ts) */
  policy: string;
}

export function staffTiles(staff: StaffMe): Tile[] {
  const t = strings.staffHome.tiles;
  const tiles: Tile[] = [
    { label: t.classes, path: MANAGED_CLASSES_PATH, policy: "class:manage" },
    { label: t.classroom, path: CLASSROOM_PATH, policy: "class:manage" },
    { label: t.announcements, path: ANNOUNCEMENTS_PATH, policy: "broadcast:send" },
    { label: t.classReminders, path: CLASS_REMINDERS_PATH, policy: "broadcast:send" },
    { label: t.needsHelp, path: NEEDS_HELP_PATH, policy: "report:view" },
    { label: t.dashboard, path: DASHBOARD_PATH, policy: "report:view" },
    { label: t.staffAdmin, path: STAFF_ADMIN_PATH, policy: "role:grant" },
    { label: t.audit, path: AUDIT_PATH, policy: "audit:view" },
  ];
  return tiles.filter((tile) => staff.policies.includes(tile.policy));
}

export function StaffHomePage() {
  return (
    <AppPage title={strings.facilitator.areaTitle} backTo="/">
      <h1>{strings.staffHome.heading}</h1>
      <StaffGate>{(staff) => <Tiles staff={staff} />}</StaffGate>
    </AppPage>
  );
}

function Tiles({ staff }: { staff: StaffMe }) {
  const navigate = useNavigate();
  return (
    <>
      <p className="lead">{scopeText(staff)}</p>
      <nav aria-label={strings.staffHome.heading} className="stack">
        {staffTiles(staff).map((tile) => (
          <Button key={tile.path} variant="secondary" fullWidth onClick={() => navigate(tile.path)}>
            {tile.label}
          </Button>
        ))}
      </nav>
    </>
  );
}

// Placeholder until the screen is written (issue 7).
import { AppPage } from "../../app/layout.tsx";

export function AcceptInvitationPage() {
  return (
    <AppPage title="Người hướng dẫn" backTo="/huong-dan">
      <h1>Nhận vai trò</h1>
    </AppPage>
  );
}

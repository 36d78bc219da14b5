// Placeholder until the screen is written (issue 7).
import { AppPage } from "../../app/layout.tsx";

export function StaffAdminPage() {
  return (
    <AppPage title="Người hướng dẫn" backTo="/huong-dan">
      <h1>Phân quyền</h1>
    </AppPage>
  );
}

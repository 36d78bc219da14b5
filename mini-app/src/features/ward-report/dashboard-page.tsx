// Placeholder until the screen is written (issue 7).
import { AppPage } from "../../app/layout.tsx";

export function DashboardPage() {
  return (
    <AppPage title="Người hướng dẫn" backTo="/huong-dan">
      <h1>Số liệu</h1>
    </AppPage>
  );
}

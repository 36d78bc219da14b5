// Placeholder until the screen is written (issue 7).
import { AppPage } from "../../app/layout.tsx";

export function AuditPage() {
  return (
    <AppPage title="Người hướng dẫn" backTo="/huong-dan">
      <h1>Nhật ký thao tác</h1>
    </AppPage>
  );
}

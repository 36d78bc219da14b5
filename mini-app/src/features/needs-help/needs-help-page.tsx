// Placeholder until the screen is written (issue 7).
import { AppPage } from "../../app/layout.tsx";

export function NeedsHelpPage() {
  return (
    <AppPage title="Người hướng dẫn" backTo="/huong-dan">
      <h1>Cần hỗ trợ</h1>
    </AppPage>
  );
}

// Placeholder until the screen is written (issue 7).
import { AppPage } from "../../app/layout.tsx";

export function CheckInPage() {
  return (
    <AppPage title="Người hướng dẫn" backTo="/huong-dan">
      <h1>Điểm danh</h1>
    </AppPage>
  );
}

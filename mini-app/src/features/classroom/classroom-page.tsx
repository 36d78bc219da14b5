// Placeholder until the screen is written (issue 7).
import { AppPage } from "../../app/layout.tsx";

export function ClassroomPage() {
  return (
    <AppPage title="Người hướng dẫn" backTo="/huong-dan">
      <h1>Chế độ lớp học</h1>
    </AppPage>
  );
}

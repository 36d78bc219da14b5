// "/co-chu-va-mau": the text size, contrast and reading speed as a screen of its own, reached
// from the home screen. (The header's "Aa" opens the same choices over the current screen.)
import { Button, useNavigate } from "zmp-ui";
import { AppPage } from "../../app/layout.tsx";
import { strings } from "../../app/strings.ts";
import { DisplaySettingsPanel } from "./display-settings.tsx";

export function DisplaySettingsPage() {
  const navigate = useNavigate();
  const t = strings.display;
  return (
    <AppPage
      title={t.title}
      backTo="/"
      actions={
        <Button className="wide" onClick={() => navigate("/", { direction: "backward" })}>
          {t.done}
        </Button>
      }
    >
      <h1>{t.title}</h1>
      <DisplaySettingsPanel sectionHeading="h2" />
    </AppPage>
  );
}

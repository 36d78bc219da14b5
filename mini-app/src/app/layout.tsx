// The frame of every screen: a fixed header with a large back button, the page title, the
// "Aa" button for text size and colours, and the "Sandbox" badge when signed in through the
// Zalo sandbox; the content below it; and an optional action bar that stays at the bottom
// within thumb reach.
import type { ReactNode } from "react";
import { Page, useNavigate } from "zmp-ui";
import { DisplaySettingsButton } from "../features/settings/display-settings-button.tsx";
import { useDeviceStore } from "./device-store.ts";
import { learnerStore } from "./learner-store.ts";
import { strings } from "./strings.ts";

interface AppPageProps {
  /** short text in the header; the screen's own heading is an <h1> in the content */
  title: string;
  /** where the back button leads ("up" one level); no back button when absent */
  backTo?: string;
  children: ReactNode;
  /** the screen's main buttons, kept visible at the bottom */
  actions?: ReactNode;
  /** put the buttons after the content instead, so they are reached only by reading it */
  actionsAfterContent?: boolean;
}

export function AppPage({ title, backTo, children, actions, actionsAfterContent = false }: AppPageProps) {
  const navigate = useNavigate();
  const { signedInVia } = useDeviceStore(learnerStore);
  return (
    <Page className="app-page">
      <header className="app-header">
        {backTo !== undefined && (
          <button
            type="button"
            className="app-header-back"
            aria-label={strings.back}
            onClick={() => navigate(backTo, { direction: "backward" })}
          >
            <svg viewBox="0 0 24 24" width="30" height="30" aria-hidden="true" focusable="false">
              <path d="M15 4 7 12l8 8" fill="none" stroke="currentColor" strokeWidth="2.6" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
          </button>
        )}
        <span className="app-header-title">{title}</span>
        <DisplaySettingsButton />
        {signedInVia === "sandbox" && <span className="sandbox-badge">{strings.sandboxBadge}</span>}
      </header>
      <main className="app-content">{children}</main>
      {actions && <div className={actionsAfterContent ? "app-actions app-actions-inline" : "app-actions"}>{actions}</div>}
    </Page>
  );
}

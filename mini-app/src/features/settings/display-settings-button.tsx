// The header's "Aa" button, on every screen: it opens "Cỡ chữ và màu" as a sheet over the
// current screen, so the learner sees the text change where they were reading and loses no
// place (a quiz half answered stays half answered). The choices themselves load on first use.
import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { Button, useLocation } from "zmp-ui";
import { strings } from "../../app/strings.ts";

export const DISPLAY_SETTINGS_PATH = "/co-chu-va-mau";

const DisplaySettingsPanel = lazy(() =>
  import("./display-settings.tsx").then((m) => ({ default: m.DisplaySettingsPanel })),
);

export function DisplaySettingsButton() {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const { pathname } = useLocation();
  const t = strings.display;

  function onClose() {
    setOpen(false);
    button.current?.focus(); // back where the learner was
  }

  if (pathname === DISPLAY_SETTINGS_PATH) return null; // the screen itself is open
  return (
    <>
      <button
        ref={button}
        type="button"
        className="app-header-aa"
        aria-label={t.openLabel}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        <span aria-hidden="true">{t.openShort}</span>
      </button>
      {open && <DisplaySettingsSheet onClose={onClose} />}
    </>
  );
}

function DisplaySettingsSheet({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const t = strings.display;

  /** close through the element when it can, so its "close" event is the one way out */
  function close() {
    const element = dialog.current;
    if (element?.open && typeof element.close === "function") element.close();
    else onClose();
  }

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    // A modal <dialog> keeps focus inside and the screen behind inert; old web views
    // without showModal() still show it, as a plain sheet.
    if (typeof element.showModal === "function") element.showModal();
    else element.setAttribute("open", "");
    return () => {
      if (element.open) element.close?.();
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      className="settings-sheet"
      aria-labelledby="settings-sheet-title"
      onClose={onClose}
      onClick={(event) => {
        if (event.target === dialog.current) close(); // a tap on the dimmed backdrop
      }}
    >
      <div className="settings-sheet-body">
        <h2 id="settings-sheet-title">{t.title}</h2>
        <Suspense fallback={<p role="status">{strings.loading}</p>}>
          <DisplaySettingsPanel sectionHeading="h3" />
        </Suspense>
      </div>
      <div className="settings-sheet-footer">
        <Button fullWidth onClick={close}>
          {t.done}
        </Button>
      </div>
    </dialog>
  );
}

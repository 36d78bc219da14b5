// "Toàn màn hình": the presentation alone on the TV or projector (the Fullscreen API on the
// stage element). Not shown where the browser cannot do it (an iPhone, some in-app browsers).
import { useEffect, useState, type RefObject } from "react";
import { strings } from "../../app/strings.ts";

export function FullscreenButton({ target }: { target: RefObject<HTMLElement> }) {
  const [on, setOn] = useState(() => Boolean(document.fullscreenElement));
  const t = strings.classroom;

  useEffect(() => {
    const follow = () => setOn(Boolean(document.fullscreenElement));
    document.addEventListener("fullscreenchange", follow);
    return () => document.removeEventListener("fullscreenchange", follow);
  }, []);

  if (document.fullscreenEnabled !== true) return null;

  function toggle() {
    // A refusal (no user gesture, a policy of the embedding app) leaves the page as it is:
    // the presentation works the same without full screen.
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    else void target.current?.requestFullscreen().catch(() => undefined);
  }

  return (
    <button type="button" className="classroom-fullscreen" onClick={toggle}>
      {on ? t.exitFullscreen : t.fullscreen}
    </button>
  );
}

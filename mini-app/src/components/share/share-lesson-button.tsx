// "Chia sẻ bài học" on a lesson's first screen and on its result: opens the way to share the
// lesson and says plainly what happened when the link was copied instead.
import { useState } from "react";
import { Button } from "zmp-ui";
import { strings } from "../../app/strings.ts";
import { shareLesson, type ShareOutcome, type SharedLesson } from "./share-lesson.ts";

export function ShareLessonButton({ lesson }: { lesson: SharedLesson }) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ShareOutcome | null>(null);
  const t = strings.share;

  async function onShare() {
    if (busy) return;
    setBusy(true);
    setOutcome(null);
    setOutcome(await shareLesson(lesson));
    setBusy(false);
  }

  return (
    <div className="share-lesson">
      <Button variant="secondary" fullWidth loading={busy} onClick={() => void onShare()} prefixIcon={<ShareIcon />}>
        {t.button}
      </Button>
      <div role="status">
        {outcome?.kind === "copied" && (
          <p className="card status-line share-note">
            {t.copied}. {t.copiedHelp}
          </p>
        )}
        {outcome?.kind === "manual" && <p className="card share-note share-link">{t.manual(outcome.url)}</p>}
      </div>
    </div>
  );
}

function ShareIcon() {
  return (
    <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      <circle cx="18" cy="5.5" r="2.8" fill="currentColor" />
      <circle cx="6" cy="12" r="2.8" fill="currentColor" />
      <circle cx="18" cy="18.5" r="2.8" fill="currentColor" />
      <path d="m8.5 10.7 7-4M8.5 13.3l7 4" stroke="currentColor" strokeWidth="2" />
    </svg>
  );
}

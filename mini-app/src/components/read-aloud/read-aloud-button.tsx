// The "Nghe" button (screens use it through read-aloud-lazy.tsx): reads what is on the screen
// in the phone's Vietnamese voice at the speed chosen in "Cỡ chữ và màu"; a second press
// stops. Its name stays "Nghe" while reading (it is a toggle, aria-pressed), and a line under
// it says what is happening, or, when the phone cannot read Vietnamese aloud, why and what to
// do instead.
import { useEffect, useRef, useState } from "react";
import { displayStore, SPEECH_RATE_VALUE } from "../../app/display-store.ts";
import { strings } from "../../app/strings.ts";
import { read, stopReading, warmUpVoices, type Unavailable } from "./speech.ts";

type ReadState = { kind: "idle" } | { kind: "reading" } | { kind: "failed" } | { kind: "unavailable"; why: Unavailable };

export function ReadAloudButton({ parts }: { parts: readonly string[] }) {
  const [state, setState] = useState<ReadState>({ kind: "idle" });
  /** this button's reading is the one going on */
  const speaking = useRef(false);
  const text = parts.join("\n");
  const t = strings.readAloud;

  useEffect(warmUpVoices, []);

  // A new step or question is new text: this button's reading stops with the old one.
  useEffect(
    () => () => {
      if (speaking.current) stopReading();
    },
    [text],
  );

  async function onPress() {
    if (state.kind === "reading") {
      stopReading();
      return;
    }
    setState({ kind: "reading" });
    speaking.current = true;
    const rate = SPEECH_RATE_VALUE[displayStore.get().speechRate];
    const done = (next: ReadState) => {
      speaking.current = false;
      setState(next);
    };
    const outcome = await read(parts, rate, {
      onEnd: () => done({ kind: "idle" }),
      onError: () => done({ kind: "failed" }),
    });
    if (outcome !== "reading") done({ kind: "unavailable", why: outcome });
  }

  const reading = state.kind === "reading";
  return (
    <div className="read-aloud">
      <button
        type="button"
        className={reading ? "read-aloud-button is-reading" : "read-aloud-button"}
        aria-pressed={reading}
        onClick={() => void onPress()}
      >
        {reading ? <StopIcon /> : <SpeakerIcon />}
        <span>{t.listen}</span>
      </button>
      <div className="read-aloud-status" role="status">
        {reading && <p className="read-aloud-note">{t.reading}</p>}
        {state.kind === "failed" && <p className="read-aloud-note">{t.failed}</p>}
        {state.kind === "unavailable" && (
          <div className="note read-aloud-help">
            <p>
              <strong>{state.why === "no-speech" ? t.noSpeech : t.noVoice}</strong>
            </p>
            <p>{state.why === "no-speech" ? t.noSpeechHelp : t.noVoiceHelp}</p>
          </div>
        )}
      </div>
    </div>
  );
}

function SpeakerIcon() {
  return (
    <svg viewBox="0 0 24 24" width="26" height="26" aria-hidden="true" focusable="false">
      <path d="M4 9.5h3.5L12 5.5v13l-4.5-4H4z" fill="currentColor" />
      <path
        d="M15.5 8.8a4.5 4.5 0 0 1 0 6.4M18 6.3a8 8 0 0 1 0 11.4"
        fill="none"
        stroke="currentColor"
        strokeWidth="2.2"
        strokeLinecap="round"
      />
    </svg>
  );
}

function StopIcon() {
  return (
    <svg viewBox="0 0 24 24" width="26" height="26" aria-hidden="true" focusable="false">
      <rect x="6" y="6" width="12" height="12" rx="2" fill="currentColor" />
    </svg>
  );
}

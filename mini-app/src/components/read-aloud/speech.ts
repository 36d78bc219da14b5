// Reading text aloud with the phone's own Vietnamese voice (Web Speech API, speechSynthesis).
// Only one reading at a time: starting one stops the other, so two Nghe buttons never talk
// over each other. Without the API, or without a voice whose language starts with "vi", the
// caller learns why, so the screen can say what to do instead of staying silent.
// https://developer.mozilla.org/en-US/docs/Web/API/SpeechSynthesis

export type Unavailable = "no-speech" | "no-vietnamese-voice";

export interface ReadingHandlers {
  /** the last part was read, or the reading was stopped (by the learner or by another one) */
  onEnd: () => void;
  /** the voice failed part-way (e.g. the system's speech engine stopped) */
  onError: () => void;
}

/** How long to wait for the list of voices, which some browsers fill in after a moment. */
const VOICES_WAIT_MS = 1500;

function speechApi(): SpeechSynthesis | null {
  if (typeof window === "undefined") return null;
  const synth = (window as { speechSynthesis?: SpeechSynthesis }).speechSynthesis;
  if (!synth || typeof window.SpeechSynthesisUtterance !== "function") return null;
  return synth;
}

const normaliseLang = (lang: string) => lang.toLowerCase().replace("_", "-");

/** A Vietnamese voice, preferring vi-VN; a local voice over a network one (works offline). */
export function vietnameseVoice(voices: readonly SpeechSynthesisVoice[]): SpeechSynthesisVoice | undefined {
  const vietnamese = voices.filter((v) => normaliseLang(v.lang).startsWith("vi"));
  const rank = (v: SpeechSynthesisVoice) => (normaliseLang(v.lang) === "vi-vn" ? 0 : 2) + (v.localService ? 0 : 1);
  return [...vietnamese].sort((a, b) => rank(a) - rank(b))[0];
}

function voicesOf(synth: SpeechSynthesis): Promise<SpeechSynthesisVoice[]> {
  const now = synth.getVoices();
  if (now.length > 0) return Promise.resolve(now);
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      synth.removeEventListener?.("voiceschanged", done);
      resolve(synth.getVoices());
    };
    const timer = setTimeout(done, VOICES_WAIT_MS);
    synth.addEventListener?.("voiceschanged", done);
  });
}

/** Ask for the voices early (Chrome loads them lazily), so the first press can speak at once. */
export function warmUpVoices(): void {
  speechApi()?.getVoices();
}

interface Session {
  handlers: ReadingHandlers;
  finished: boolean;
}

let current: Session | null = null;

function finish(session: Session, how: "end" | "error"): void {
  if (session.finished) return;
  session.finished = true;
  if (current === session) current = null;
  if (how === "end") session.handlers.onEnd();
  else session.handlers.onError();
}

/** Stop whatever is being read. */
export function stopReading(): void {
  const session = current;
  if (!session) return;
  finish(session, "end");
  speechApi()?.cancel();
}

/**
 * Read the parts one after another (one utterance per part: long utterances get cut off in
 * some engines). Resolves "reading" once speaking has been asked for, or why it cannot be;
 * stopReading() stops it. When the voices are known already, speaking starts synchronously,
 * inside the tap that asked for it, as iOS wants.
 */
export async function read(parts: readonly string[], rate: number, handlers: ReadingHandlers): Promise<"reading" | Unavailable> {
  const synth = speechApi();
  if (!synth) return "no-speech";
  stopReading();
  const session: Session = { handlers, finished: false };
  current = session;

  let voices = synth.getVoices();
  if (voices.length === 0) {
    voices = await voicesOf(synth);
    if (current !== session) return "reading"; // stopped while waiting for the voices
  }
  const voice = vietnameseVoice(voices);
  if (!voice) {
    current = null;
    session.finished = true;
    return "no-vietnamese-voice";
  }

  // a queue left over (e.g. from before the app was paused) would delay this reading
  if (synth.speaking || synth.pending) synth.cancel();
  const texts = parts.map((p) => p.trim()).filter((p) => p.length > 0);
  texts.forEach((text, i) => {
    const utterance = new window.SpeechSynthesisUtterance(text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.rate = rate;
    utterance.onerror = (event) => {
      // cancel() reports "interrupted"/"canceled" on the queued parts: that is a stop, not a failure
      const stopped = event.error === "interrupted" || event.error === "canceled";
      if (current === session) finish(session, stopped ? "end" : "error");
    };
    if (i === texts.length - 1) {
      utterance.onend = () => {
        if (current === session) finish(session, "end");
      };
    }
    synth.speak(utterance);
  });
  if (texts.length === 0) finish(session, "end");
  return "reading";
}

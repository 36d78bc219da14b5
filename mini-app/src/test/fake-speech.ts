// A stand-in for the browser's speechSynthesis (Web Speech API) in component tests: happy-dom
// has none. It keeps what was asked to be spoken and lets a test finish or fail the reading.

export interface FakeVoice {
  name: string;
  lang: string;
  localService: boolean;
  default: boolean;
  voiceURI: string;
}

export class FakeUtterance {
  lang = "";
  rate = 1;
  voice: FakeVoice | null = null;
  onend: (() => void) | null = null;
  onerror: ((event: { error: string }) => void) | null = null;
  constructor(readonly text: string) {}
}

export interface FakeSpeech {
  /** every utterance handed to speak(), in order */
  spoken: FakeUtterance[];
  cancels: number;
  /** the voice list changes, as when Chrome finishes loading it */
  setVoices(voices: FakeVoice[]): void;
  /** the engine reaches the end of everything queued */
  finishAll(): void;
  /** the engine fails on the utterance being spoken */
  fail(error: string): void;
}

export function voice(lang: string, name = `Giọng ${lang}`): FakeVoice {
  return { name, lang, localService: true, default: false, voiceURI: name };
}

/** Put a fake speechSynthesis on window with these voices; undo with removeFakeSpeech(). */
export function installFakeSpeech(initialVoices: FakeVoice[]): FakeSpeech {
  let voices = initialVoices;
  let queue: FakeUtterance[] = [];
  const listeners = new Set<() => void>();
  const fake: FakeSpeech = {
    spoken: [],
    cancels: 0,
    setVoices(next) {
      voices = next;
      for (const listener of listeners) listener();
    },
    finishAll() {
      const done = queue;
      queue = [];
      for (const u of done) u.onend?.();
    },
    fail(error) {
      const [first, ...rest] = queue;
      queue = rest;
      first?.onerror?.({ error });
    },
  };
  const synth = {
    get speaking() {
      return queue.length > 0;
    },
    get pending() {
      return queue.length > 1;
    },
    getVoices: () => voices,
    speak(u: FakeUtterance) {
      fake.spoken.push(u);
      queue.push(u);
    },
    cancel() {
      fake.cancels += 1;
      const dropped = queue;
      queue = [];
      for (const u of dropped) u.onerror?.({ error: "interrupted" });
    },
    addEventListener: (_type: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_type: string, listener: () => void) => listeners.delete(listener),
  };
  Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true, writable: true });
  Object.defineProperty(window, "SpeechSynthesisUtterance", { value: FakeUtterance, configurable: true, writable: true });
  return fake;
}

export function removeFakeSpeech(): void {
  delete (window as { speechSynthesis?: unknown }).speechSynthesis;
  delete (window as { SpeechSynthesisUtterance?: unknown }).SpeechSynthesisUtterance;
}

// How the learner wants the app to look and sound on this phone (key hocso:display): text
// size in three bounded steps, the high-contrast theme and the read-aloud speed. Kept here,
// beside the other device stores, because the layout, the settings screen and the Nghe
// buttons all read it. Nothing of it ever goes to the server.
import * as z from "zod/mini";
import { createDeviceStore } from "./device-store.ts";

export const DISPLAY_KEY = "hocso:display";

export const TEXT_SIZES = ["normal", "large", "xlarge"] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

export const SPEECH_RATES = ["slow", "normal"] as const;
export type SpeechRate = (typeof SPEECH_RATES)[number];

/** speechSynthesis rates: older listeners follow a slower voice better (DOMAIN.md §4) */
export const SPEECH_RATE_VALUE: Record<SpeechRate, number> = { slow: 0.8, normal: 1 };

const DisplaySchema = z.object({
  textSize: z.enum(TEXT_SIZES),
  highContrast: z.boolean(),
  speechRate: z.enum(SPEECH_RATES),
});
export type DisplaySettings = z.infer<typeof DisplaySchema>;

export const displayStore = createDeviceStore<DisplaySettings>(DISPLAY_KEY, DisplaySchema, {
  textSize: "normal",
  highContrast: false,
  speechRate: "slow",
});

/**
 * Mirror the settings onto <html> (data-text-size="normal|large|xlarge", data-contrast="high"),
 * where app.css scales the text and swaps the colours, and where tests can read them.
 */
export function applyDisplay(settings: DisplaySettings, root: HTMLElement = document.documentElement): void {
  root.dataset.textSize = settings.textSize;
  if (settings.highContrast) root.dataset.contrast = "high";
  else delete root.dataset.contrast;
}

/** Apply the stored settings now and whenever they change; returns the unsubscribe. */
export function followDisplaySettings(): () => void {
  applyDisplay(displayStore.get());
  return displayStore.subscribe(() => applyDisplay(displayStore.get()));
}

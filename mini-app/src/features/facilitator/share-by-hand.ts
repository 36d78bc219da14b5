// Sharing a message (an announcement, a class reminder or notice) into an ordinary group the OA
// cannot post in: Zalo's share sheet inside Zalo; elsewhere the browser's share sheet when there
// is one, else the text copied to the clipboard, and as a last resort the text shown to copy by
// hand (as components/share does for lessons).
import { OutsideZaloError, shareTextInZalo } from "../../app/zalo.ts";

export type ShareOutcome = { kind: "shared" } | { kind: "cancelled" } | { kind: "copied" } | { kind: "manual" };

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === "AbortError";
}

export async function shareByHand(text: string): Promise<ShareOutcome> {
  try {
    return { kind: (await shareTextInZalo(text)) ? "shared" : "cancelled" };
  } catch (error) {
    if (!(error instanceof OutsideZaloError)) console.warn("Zalo's share sheet failed; sharing another way", error);
  }

  if (typeof navigator.share === "function") {
    try {
      await navigator.share({ text });
      return { kind: "shared" };
    } catch (error) {
      if (isAbort(error)) return { kind: "cancelled" };
      console.warn("navigator.share failed; copying the text instead", error);
    }
  }

  try {
    await navigator.clipboard.writeText(text);
    return { kind: "copied" };
  } catch (error) {
    console.warn("could not copy the message", error);
    return { kind: "manual" };
  }
}

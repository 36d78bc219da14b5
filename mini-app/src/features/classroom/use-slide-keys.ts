// Keys for a laptop at the front of the room, or the presentation clicker plugged into it:
// → / Page Down / Space for the next step, ← / Page Up / Shift+Space for the one before.
// Typing into a count field, or pressing Space on a focused button, is left alone.
import { useEffect } from "react";

const FORWARD = new Set(["ArrowRight", "PageDown", " "]);
const BACK = new Set(["ArrowLeft", "PageUp"]);

function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/** Space on a button or link activates it; the button already moves the slide if it should. */
function activatedBySpace(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest("button, a[href], [role='button']") !== null;
}

export function useSlideKeys(go: (delta: 1 | -1) => void): void {
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (typingIn(event.target)) return;
      const space = event.key === " ";
      if (space && activatedBySpace(event.target)) return;
      const delta = space && event.shiftKey ? -1 : FORWARD.has(event.key) ? 1 : BACK.has(event.key) ? -1 : 0;
      if (delta === 0) return;
      event.preventDefault(); // Space and Page Down would scroll the page as well
      go(delta);
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [go]);
}

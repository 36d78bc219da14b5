// Text the OA posts into a Zalo group or chat: NFC-normalised (Vietnamese typed on different
// keyboards arrives composed or decomposed), within Zalo's 2,000 characters, and with no
// mention a writer did not mean (ZALO.md §1.4, §3.1).

/** Zalo's limit for one text message, counted in characters after NFC. */
export const ZALO_TEXT_LIMIT = 2000;

/** Characters as Zalo counts them: code points of the NFC form. */
export function zaloLength(text: string): number {
  return [...text.normalize("NFC")].length;
}

/**
 * GMF turns `[@<id>]` into a mention, and `[@<group id>]` into @everyone: a facilitator's
 * text or a class's place must never do that by accident. A word joiner (U+2060) after the
 * bracket keeps the text readable and inert.
 */
export function escapeMentions(text: string): string {
  return text.replace(/\[@/g, "[\u2060@");
}

/** At most `max` characters (code points), ending in "…" (after any trailing space) when cut. */
export function cutText(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("").trimEnd()}…`;
}

/** NFC, mention-safe, trailing spaces trimmed per line, at most two blank lines in a row. */
export function groupText(text: string): string {
  return escapeMentions(text.normalize("NFC"))
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

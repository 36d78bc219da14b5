// What the Nghe button reads, as separate parts (one utterance each): lesson text block by
// block, a question with its answers. Kept apart from the button so screens can prepare the
// text without loading the speech code.
import type { Block, InlineRun } from "@hocso/shared/content";
import { strings } from "../../app/strings.ts";

/** The parts of a lesson text to read: each paragraph and each list item on its own. */
export function blocksToParts(blocks: readonly Block[]): string[] {
  // shared/content has blocksToText, but importing it would bring zod into the first screen
  const runs = (r: readonly InlineRun[]) => r.map((run) => run.text).join("");
  return blocks.flatMap((b) => (b.type === "p" ? [runs(b.runs)] : b.items.map(runs)));
}

/** A question as the learner hears it: the prompt, then "Lựa chọn 1: …" for each option. */
export function questionParts(prompt: string, options: readonly string[]): string[] {
  return [prompt, ...options.map((option, i) => strings.readAloud.option(i + 1, option))];
}

// Checks on the words themselves, from the writing rules for older readers
// (DOMAIN.md §3.2): no sentence over 25 words, and no phone number that could belong to
// a real person (examples use obviously fake ones such as 09xx.xxx.xxx).
import type { ProblemList } from "./problems.ts";

export interface Passage {
  text: string;
  line: number;
}

export const MAX_SENTENCE_WORDS = 25;

export function checkPassages(passages: Passage[], problems: ProblemList): void {
  for (const passage of passages) {
    for (const sentence of splitSentences(passage.text)) {
      const words = countWords(sentence);
      if (words > MAX_SENTENCE_WORDS) {
        problems.add(
          passage.line,
          `a sentence has ${words} words (at most ${MAX_SENTENCE_WORDS}); split it: "${preview(sentence)}"`,
        );
      }
    }
    const phone = REAL_LOOKING_PHONE.exec(passage.text);
    if (phone) {
      problems.add(passage.line, `"${phone[0]}" looks like a real phone number; use a fake one such as 09xx.xxx.xxx`);
    }
  }
}

/** Sentences end at . ! ? or … followed by a space or the end of the text. */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?…])\s+/u)
    .map((sentence) => sentence.trim())
    .filter((sentence) => countWords(sentence) > 0);
}

/** Words are space-separated pieces containing a letter or digit (so "→" or "-" don't count). */
export function countWords(sentence: string): number {
  return sentence.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** A Vietnamese mobile or landline number: 0 then 9–10 more digits, maybe split by dots, spaces or dashes. */
const REAL_LOOKING_PHONE = /(?<![\p{N}])0\d{2,3}[ .-]?\d{3}[ .-]?\d{3,4}(?![\p{N}])/u;

function preview(sentence: string): string {
  return sentence.length > 60 ? `${sentence.slice(0, 57)}…` : sentence;
}

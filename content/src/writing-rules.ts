// Checks on the words themselves, from the writing rules for older readers
// (DOMAIN.md §3.2): no sentence over 25 words, no sentence typed without Vietnamese
// accents, and no phone or bank account number that could belong to a real person
// (examples use obviously fake ones such as 09xx.xxx.xxx or 0000 xxxx).
import type { ProblemList } from "./problems.ts";

export interface Passage {
  text: string;
  line: number;
  /**
   * The text without its `code` spans, for the accent check: what a learner types (an SMS
   * such as `V 09xx.xxx.xxx quang cao`) may lack accents on purpose. Defaults to `text`.
   */
  prose?: string;
}

export const MAX_SENTENCE_WORDS = 25;
/** Fewer plain Vietnamese-looking words than this is too little to judge (e.g. "Sai", "Trang tinnhiemmang.vn"). */
export const MIN_WORDS_FOR_ACCENT_CHECK = 5;
/** A shorter run of digits is a price, a year or a hotline (156, 5656, 1/7/2024), not an account. */
export const MIN_ACCOUNT_DIGITS = 8;

export function checkPassages(passages: Passage[], problems: ProblemList): void {
  for (const passage of passages) {
    for (const sentence of splitSentences(passage.text)) checkLength(sentence, passage.line, problems);
    for (const sentence of splitSentences(passage.prose ?? passage.text)) checkAccents(sentence, passage.line, problems);
    checkNumbers(passage, problems);
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

function checkLength(sentence: string, line: number, problems: ProblemList): void {
  const words = countWords(sentence);
  if (words > MAX_SENTENCE_WORDS) {
    problems.add(line, `a sentence has ${words} words (at most ${MAX_SENTENCE_WORDS}); split it: "${preview(sentence)}"`);
  }
}

// ---- Accents -------------------------------------------------------------------------
// Vietnamese written without its marks ("Bac hay mo ung dung") is hard for older readers
// and is read aloud wrongly. A sentence is reported when at least five of its words are
// unmarked Vietnamese-shaped syllables and they make up 80% or more of its Vietnamese words
// (correct Vietnamese has many unmarked syllables, but never that many). Brand names and
// addresses (VNeID, CH Play, App Store, Zalo, dichvucong.gov.vn) are not syllable-shaped,
// so they neither count towards the five nor need marks; every correct sentence of the
// shipped lessons has marked words in it.

/** One unmarked Vietnamese syllable: initial consonant(s), 1–3 vowels, final consonant(s). */
const PLAIN_SYLLABLE = /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?$/u;
const COMBINING_MARK = /[\u0300-\u036f]/u;
/** Share of unmarked syllables from which a sentence reads as typed without accents. */
const UNACCENTED_SHARE = 0.8;

function checkAccents(sentence: string, line: number, problems: ProblemList): void {
  const words = sentence
    .split(/\s+/u)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""))
    .filter((word) => /\p{L}/u.test(word));
  const marked = words.filter(hasVietnameseMark).length;
  const plain = words.filter((word) => !hasVietnameseMark(word) && PLAIN_SYLLABLE.test(word.toLowerCase())).length;
  if (plain >= MIN_WORDS_FOR_ACCENT_CHECK && plain / (plain + marked) >= UNACCENTED_SHARE) {
    problems.add(
      line,
      `this sentence seems typed without Vietnamese accents (dấu); retype it with accents: "${preview(sentence)}"`,
    );
  }
}

/** à, ế, ư, ợ … (any combining mark once decomposed) or đ. */
export function hasVietnameseMark(word: string): boolean {
  return /[đĐ]/u.test(word) || COMBINING_MARK.test(word.normalize("NFD"));
}

// ---- Numbers -------------------------------------------------------------------------

/**
 * A Vietnamese mobile or landline number: 0 then 9–10 more digits, maybe split by dots,
 * spaces or dashes; not the tail of a longer grouped number such as 0071.000.123456.
 */
const REAL_LOOKING_PHONE = /(?<![\p{N}])(?<![\p{N}][ .-])0\d{2,3}[ .-]?\d{3}[ .-]?\d{3,4}(?![\p{N}])/gu;
/**
 * A run of digit groups joined by one space, dot or dash ("0071 0001 23456"), maybe after
 * a "+" ("+84 905 …"). Groups may hold the placeholder x, as fake numbers do ("0000 xxxx").
 */
const NUMBER_RUN = /(?<![\p{L}\p{N}])(?:\(?\+\s?\d+\)?[ .-]?)?[\dxX]+(?![\p{L}\p{N}])(?:[ .-][\dxX]+(?![\p{L}\p{N}]))*/gu;
/** 20.000.000 or 20 000 000: how an amount of money is grouped. */
const THOUSANDS = /^\d{1,3}(?:[. ]\d{3})+$/u;
const MONEY_UNIT = /^\s*(?:đồng|đ|₫|vnđ|vnd|nghìn|ngàn|triệu|tỷ)(?![\p{L}])/iu;
/** 01.07.2024, 2024-2025: dates and year ranges, not accounts. */
const DATE_LIKE = /^(?:\d{1,2}[.-]\d{1,2}[.-]\d{4}|(?:19|20)\d{2}[ -](?:19|20)\d{2})$/u;

function checkNumbers(passage: Passage, problems: ProblemList): void {
  const { text, line } = passage;
  const phones: [number, number][] = [];
  for (const phone of text.matchAll(REAL_LOOKING_PHONE)) {
    phones.push([phone.index, phone.index + phone[0].length]);
    problems.add(line, `"${phone[0]}" looks like a real phone number; use a fake one such as 09xx.xxx.xxx`);
  }
  for (const run of text.matchAll(NUMBER_RUN)) {
    const number = run[0].trim();
    const start = run.index;
    const end = start + run[0].length;
    if (phones.some(([from, to]) => start < to && from < end)) continue;
    const reason = numberProblem(number, text.slice(end));
    if (reason) problems.add(line, reason);
  }
}

/** Why `number` (followed in the text by `after`) must not be in a lesson, or undefined. */
function numberProblem(number: string, after: string): string | undefined {
  const digits = number.replace(/\D/gu, "").length;
  if (/x/iu.test(number) || digits < MIN_ACCOUNT_DIGITS) return undefined;
  if (/^\(?\+/u.test(number)) {
    return `"${number}" looks like a real phone number; use a fake one such as 09xx.xxx.xxx`;
  }
  if (DATE_LIKE.test(number)) return undefined;
  if (THOUSANDS.test(number)) {
    if (MONEY_UNIT.test(after)) return undefined;
    return `"${number}" looks like a real bank account number; if it is an amount of money, write its unit ("${number} đồng"), otherwise use a fake number such as 0000 xxxx`;
  }
  return `"${number}" looks like a real bank account number; use a fake one such as 0000 xxxx`;
}

function preview(sentence: string): string {
  return sentence.length > 60 ? `${sentence.slice(0, 57)}…` : sentence;
}

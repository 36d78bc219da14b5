// The rules for one quiz question, shared by lessons and by the placement check: one
// [x], 2–3 options, "Đúng" then "Sai" for a [Đúng/Sai] question, and a short
// "Giải thích:" paragraph. The schema then checks the shape of what these return.
import type { Question } from "@hocso/shared/content";
import type { QuestionDraft } from "./parse-quiz.ts";
import type { ProblemList } from "./problems.ts";
import { splitSentences, type Passage } from "./writing-rules.ts";

export const OPTION_COUNT = { min: 2, max: 3 } as const;
export const MAX_EXPLANATION_SENTENCES = 3;
const TRUE_FALSE_OPTIONS = ["Đúng", "Sai"] as const;

export function checkQuestion(question: QuestionDraft, id: string, problems: ProblemList): Question {
  checkOptions(question, problems);
  checkExplanation(question, problems);
  return {
    id,
    // Missing markers were reported by the parser; a placeholder keeps the other checks going.
    type: question.type ?? "single",
    prompt: question.prompt,
    options: question.options.map((option) => option.text),
    answer: question.options.findIndex((option) => option.checked),
    explanation: question.explanation?.text ?? "",
  };
}

/** The prompt, each option and the explanation, with their lines, for the writing checks. */
export function questionPassages(question: QuestionDraft): Passage[] {
  const passages: Passage[] = [{ text: question.prompt, line: question.line }];
  passages.push(...question.options.map((option) => ({ text: option.text, line: option.line })));
  if (question.explanation) passages.push(question.explanation);
  return passages;
}

function checkOptions(question: QuestionDraft, problems: ProblemList): void {
  const { options } = question;
  const listLine = question.listLine ?? question.line;
  if (options.length === 0) {
    problems.add(question.line, 'this question has no answer options; add "- [ ] …" lines with "- [x]" for the correct one');
    return;
  }
  if (options.length > OPTION_COUNT.max) {
    problems.add(
      options[OPTION_COUNT.max]?.line,
      `${options.length} answer options; at most ${OPTION_COUNT.max} are allowed, to keep questions easy to read`,
    );
  }
  if (options.length < OPTION_COUNT.min) problems.add(listLine, `a question needs at least ${OPTION_COUNT.min} answer options`);
  const checked = options.filter((option) => option.checked);
  if (checked.length === 0) problems.add(listLine, "no answer is marked [x]; mark the one correct answer");
  if (checked.length > 1) problems.add(checked[1]?.line, "more than one answer is marked [x]; exactly one must be correct");
  if (question.type === "truefalse" && !isTrueFalse(options.map((option) => option.text))) {
    problems.add(listLine, `a [Đúng/Sai] question has exactly two options, "Đúng" then "Sai"`);
  }
}

function isTrueFalse(texts: string[]): boolean {
  return texts.length === TRUE_FALSE_OPTIONS.length && texts.every((text, i) => text === TRUE_FALSE_OPTIONS[i]);
}

function checkExplanation(question: QuestionDraft, problems: ProblemList): void {
  const { explanation } = question;
  if (!explanation) {
    problems.add(question.line, 'this question has no explanation; add a paragraph starting "Giải thích:" after the options');
  } else if (!explanation.text) {
    problems.add(explanation.line, 'the "Giải thích:" paragraph is empty');
  } else if (splitSentences(explanation.text).length > MAX_EXPLANATION_SENTENCES) {
    problems.add(explanation.line, `an explanation has 1 to ${MAX_EXPLANATION_SENTENCES} sentences; shorten it`);
  }
}

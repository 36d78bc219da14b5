// The "## Câu hỏi" section (or a placement.md section) → question drafts. This reads
// structure only (which heading, which list, which paragraph); whether a question is
// *right* (one [x], Đúng/Sai options, an explanation) is decided in question-rules.ts.
import type { QuestionType } from "@hocso/shared/content";
import type { Heading, List, Paragraph, RootContent } from "mdast";
import { unsupportedBlock } from "./blocks.ts";
import { toPlainText } from "./inline-runs.ts";
import { lineOf, type ProblemList } from "./problems.ts";

export interface OptionDraft {
  text: string;
  checked: boolean;
  line: number;
}

export interface QuestionDraft {
  /** line of the ### heading */
  line: number;
  type: QuestionType | undefined;
  prompt: string;
  options: OptionDraft[];
  /** line of the answer list, when there is one */
  listLine: number | undefined;
  explanation: { text: string; line: number } | undefined;
}

/** The markers authors write in a question heading, and the type each stands for. */
export const QUESTION_MARKERS: Readonly<Record<string, QuestionType>> = {
  "Chọn 1": "single",
  "Đúng/Sai": "truefalse",
  "Tình huống": "scenario",
};

/** The marker an author writes for a question type, e.g. "Chọn 1" for "single". */
export function markerOf(type: QuestionType): string {
  return Object.entries(QUESTION_MARKERS).find(([, value]) => value === type)?.[0] ?? type;
}

const markerList = Object.keys(QUESTION_MARKERS)
  .map((marker) => `[${marker}]`)
  .join(", ");

export function parseQuiz(nodes: RootContent[], problems: ProblemList): QuestionDraft[] {
  const questions: QuestionDraft[] = [];
  for (const node of nodes) {
    const current = questions.at(-1);
    if (node.type === "heading" && node.depth === 3) questions.push(startQuestion(node, problems));
    else if (!current) problems.add(lineOf(node), `each question starts with a ### heading, e.g. "### [Chọn 1] …"`);
    else addToQuestion(current, node, problems);
  }
  return questions;
}

function startQuestion(heading: Heading, problems: ProblemList): QuestionDraft {
  const line = lineOf(heading);
  const { type, prompt } = readHeading(toPlainText(heading.children, problems));
  if (!type) problems.add(line, `a question heading must start with one of ${markerList}`);
  if (!prompt) problems.add(line, "the question heading has no question text after its marker");
  return { line, type, prompt, options: [], listLine: undefined, explanation: undefined };
}

function readHeading(text: string): { type: QuestionType | undefined; prompt: string } {
  const match = /^\[([^\]]*)\]\s*(.*)$/.exec(text);
  if (!match) return { type: undefined, prompt: text };
  return { type: markerType(match[1] ?? ""), prompt: (match[2] ?? "").trim() };
}

/** Markers compare loosely (case, spaces around "/") so "[đúng / sai]" still works. */
function markerType(marker: string): QuestionType | undefined {
  const key = looseMarker(marker);
  const found = Object.entries(QUESTION_MARKERS).find(([name]) => looseMarker(name) === key);
  return found?.[1];
}

function looseMarker(marker: string): string {
  return marker.toLocaleLowerCase("vi").replace(/\s*\/\s*/g, "/").replace(/\s+/g, " ").trim();
}

function addToQuestion(question: QuestionDraft, node: RootContent, problems: ProblemList): void {
  if (node.type === "list") addOptions(question, node, problems);
  else if (node.type === "paragraph") addExplanation(question, node, problems);
  else problems.add(lineOf(node), unsupportedBlock(node));
}

function addOptions(question: QuestionDraft, list: List, problems: ProblemList): void {
  if (question.listLine !== undefined) {
    problems.add(lineOf(list), "a question has one list of answer options; merge the two lists");
    return;
  }
  question.listLine = lineOf(list);
  for (const item of list.children) {
    const line = lineOf(item);
    const [first, ...rest] = item.children;
    if (rest.length > 0) problems.add(lineOf(rest[0]), "an answer option must be a single short line");
    if (item.checked === null || item.checked === undefined) {
      problems.add(line, 'each answer option starts with "[ ]", or "[x]" for the correct one, e.g. "- [ ] Không"');
    }
    const text = first?.type === "paragraph" ? toPlainText(first.children, problems) : "";
    if (!text) problems.add(line, "an answer option has no text");
    question.options.push({ text, checked: item.checked === true, line });
  }
}

const EXPLANATION_LABEL = /^Giải thích\s*:\s*/iu;

function addExplanation(question: QuestionDraft, paragraph: Paragraph, problems: ProblemList): void {
  const line = lineOf(paragraph);
  const text = toPlainText(paragraph.children, problems);
  // A paragraph left empty was all rejected content (an image, HTML), reported already.
  if (!text) return;
  if (!EXPLANATION_LABEL.test(text)) {
    problems.add(line, 'after the answer options write one paragraph starting with "Giải thích:"');
  } else if (question.explanation) {
    problems.add(line, 'a question has one "Giải thích:" paragraph; merge the two');
  } else if (question.listLine === undefined) {
    problems.add(line, '"Giải thích:" comes after the answer options');
  } else {
    question.explanation = { text: text.replace(EXPLANATION_LABEL, "").trim(), line };
  }
}

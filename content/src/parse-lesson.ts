/*
 * A lesson file → a lesson draft (text plus source lines), ready for lesson-rules.ts.
 *
 * THE LESSON FILE FORMAT (content/lessons/<module>/<id>.md)
 * Written to be edited by a ward officer in any text editor. Example:
 *
 *   ---
 *   id: vneid-muc-2                 # kebab-case ascii; must equal the file name
 *   module: m1                      # must equal the folder name (m1..m5)
 *   order: 2                        # position inside the module
 *   title: "Định danh điện tử mức 2: làm ở đâu, dùng để làm gì?"
 *   minutes: 4
 *   digcomp: ["2.6", "2.3"]         # DigComp 2.2 codes (DOMAIN.md §1.5)
 *   goal: Bác biết cách có tài khoản VNeID mức 2.   # the "Mục tiêu" sentence
 *   sources:                        # required, at least one; DOMAIN.md §7; not shown to learners
 *     - key: S82
 *       publisher: congan.daklak.gov.vn
 *       title: Đăng ký tài khoản định danh điện tử mức độ 2 …
 *       date: không rõ
 *   ---
 *
 *   ## Đến Công an phường           <- every "##" heading is one step (3 to 6 steps)
 *
 *   Bác mang theo **thẻ căn cước**.  <- paragraphs and one-level lists ("- " or "1. ");
 *                                       **bold**, *italic* and `code` are kept
 *   ## Ghi nhớ                      <- the remember box (paragraphs and lists)
 *
 *   - Không đọc mã OTP cho ai.
 *
 *   ## Câu hỏi                      <- the quiz: 4 or 5 questions, at least two types
 *
 *   ### [Chọn 1] Muốn có tài khoản mức 2, bác cần làm gì?
 *
 *   - [ ] Tự cài ứng dụng là xong
 *   - [x] Đến Công an phường để lấy vân tay    <- exactly one [x]: the right answer
 *   - [ ] Nhờ người quen làm giúp              <- 2 or 3 options
 *
 *   Giải thích: Mức 2 phải đối chiếu vân tay trực tiếp.   <- 1 to 3 sentences
 *
 * Question markers: [Chọn 1] (type "single"), [Đúng/Sai] ("truefalse": the options are
 * exactly "Đúng" then "Sai"), [Tình huống] ("scenario": 2–3 short answers such as
 * "Có, đây là lừa đảo" / "Không"); a quiz uses at least two of them. Question ids q1,
 * q2, … follow the file order. Steps come first, then "## Ghi nhớ", then "## Câu hỏi".
 *
 * Writing rules checked in every text a learner reads (writing-rules.ts): sentences of
 * at most 25 words; Vietnamese typed with its accents (a sentence of 5+ words without
 * any is reported; `code` spans, for what the learner types, are exempt); no phone or
 * bank account number that could be real: use 09xx.xxx.xxx or 0000 xxxx, and write the
 * unit after an amount of money ("20.000.000 đồng").
 *
 * Not allowed anywhere (the build fails with the file and line): images, HTML, tables,
 * quotes, code blocks, nested lists, checkboxes outside the quiz, and links. Write a web
 * address as plain text ("dichvucong.gov.vn"); a bare address GFM would auto-link stays
 * plain text. Text is normalised to Unicode NFC so Vietnamese typed on any keyboard
 * compares and reads aloud the same.
 */
import type { Heading, RootContent } from "mdast";
import { toBlocks, unsupportedBlock, type PlacedBlock } from "./blocks.ts";
import { toPlainText } from "./inline-runs.ts";
import { parseMarkdown } from "./markdown.ts";
import { parseQuiz, type QuestionDraft } from "./parse-quiz.ts";
import { lineOf, type ProblemList } from "./problems.ts";
import { parseYaml, type YamlSource } from "./yaml-source.ts";

export const REMEMBER_HEADING = "Ghi nhớ";
export const QUIZ_HEADING = "Câu hỏi";

export interface StepDraft {
  title: string;
  line: number;
  body: PlacedBlock[];
  /** false when nothing at all was written under the heading (rejected content counts) */
  written: boolean;
}

export interface LessonDraft {
  frontMatter: YamlSource | undefined;
  steps: StepDraft[];
  remember: { line: number; body: PlacedBlock[]; written: boolean } | undefined;
  quiz: { line: number; questions: QuestionDraft[] } | undefined;
}

interface Section {
  heading: Heading;
  title: string;
  nodes: RootContent[];
}

export function parseLesson(source: string, problems: ProblemList): LessonDraft {
  const root = parseMarkdown(source.normalize("NFC"));
  const [first, ...rest] = root.children;
  const draft: LessonDraft = { frontMatter: undefined, steps: [], remember: undefined, quiz: undefined };
  let body = root.children;
  if (first?.type === "yaml") {
    // The yaml node starts at the opening "---"; its text starts on the next line.
    draft.frontMatter = parseYaml(first.value, lineOf(first) + 1, problems);
    body = rest;
  } else {
    problems.add(1, 'a lesson file must start with front matter: a "---" line, the fields, and another "---" line');
  }
  for (const section of splitSections(body, problems)) addSection(draft, section, problems);
  return draft;
}

/** Group the body by "##" headings; anything before the first one is an error. */
function splitSections(nodes: RootContent[], problems: ProblemList): Section[] {
  const sections: Section[] = [];
  for (const node of nodes) {
    const current = sections.at(-1);
    if (node.type === "heading" && node.depth === 2) {
      sections.push({ heading: node, title: toPlainText(node.children, problems), nodes: [] });
    } else if (current) {
      current.nodes.push(node);
    } else {
      problems.add(lineOf(node), beforeFirstStep(node));
    }
  }
  return sections;
}

function beforeFirstStep(node: RootContent): string {
  if (node.type === "heading" || node.type === "yaml") return unsupportedBlock(node);
  return 'text before the first "##" heading; start each step with "## <step title>" (the goal goes in front matter `goal`)';
}

function addSection(draft: LessonDraft, section: Section, problems: ProblemList): void {
  const line = lineOf(section.heading);
  if (sameHeading(section.title, REMEMBER_HEADING)) {
    if (draft.remember) problems.add(line, `"## ${REMEMBER_HEADING}" appears twice; keep one`);
    else if (draft.quiz) problems.add(line, `"## ${REMEMBER_HEADING}" must come before "## ${QUIZ_HEADING}"`);
    draft.remember ??= { line, body: toBlocks(section.nodes, problems), written: section.nodes.length > 0 };
  } else if (sameHeading(section.title, QUIZ_HEADING)) {
    if (draft.quiz) problems.add(line, `"## ${QUIZ_HEADING}" appears twice; keep one`);
    draft.quiz ??= { line, questions: parseQuiz(section.nodes, problems) };
  } else {
    if (draft.remember || draft.quiz) {
      problems.add(line, `steps come before "## ${REMEMBER_HEADING}" and "## ${QUIZ_HEADING}"; move this step up`);
    }
    if (!section.title) problems.add(line, "a step heading needs a title after ##");
    const body = toBlocks(section.nodes, problems);
    draft.steps.push({ title: section.title, line, body, written: section.nodes.length > 0 });
  }
}

/** "## ghi nhớ:" still means the Ghi nhớ box: case and a trailing colon don't matter. */
function sameHeading(title: string, expected: string): boolean {
  const loose = (text: string) => text.replace(/:\s*$/, "").trim().toLocaleLowerCase("vi");
  return loose(title) === loose(expected);
}

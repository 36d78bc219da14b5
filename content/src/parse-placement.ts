/*
 * content/placement.md → one question draft per "## <module id>" section, ready for
 * placement-rules.ts.
 *
 * THE PLACEMENT FILE FORMAT (content/placement.md)
 * The placement check asks a new learner one question per module, m1 to m4, and suggests
 * starting at the first module answered wrongly (suggestStart in @hocso/shared/content).
 * m5, the certification guide, has no question. Example:
 *
 *   ## m1                      <- the module id, exactly as in modules.yaml: m1, m2, m3 or m4
 *
 *   ### [Chọn 1] Bác chưa có tài khoản VNeID mức 2. Bác làm thế nào để có?
 *
 *   - [ ] Bấm đường link trong tin nhắn để tự nâng lên mức 2
 *   - [x] Mang thẻ căn cước gắn chip đến Công an phường
 *   - [ ] Gửi ảnh thẻ căn cước qua Zalo nhờ người quen làm giúp
 *
 *   Giải thích: Cán bộ chụp ảnh khuôn mặt, lấy vân tay của bác. Không ai làm thay được.
 *
 *   ## m2
 *   …
 *
 * Under each "##" heading goes exactly one question, written as under "## Câu hỏi" in a
 * lesson (see parse-lesson.ts): the same markers, answer list, "Giải thích:" paragraph
 * and writing rules. Every module m1–m4 has exactly one section; the sections may come
 * in any order, the output follows the course. Question ids are "p-" and the module,
 * e.g. "p-m1". Nothing else goes in the file: no front matter, no text before the first
 * "##" heading.
 */
import { toPlainText } from "./inline-runs.ts";
import { parseMarkdown } from "./markdown.ts";
import { parseQuiz, type QuestionDraft } from "./parse-quiz.ts";
import { lineOf, type ProblemList } from "./problems.ts";

export interface PlacementSectionDraft {
  /** the heading text, e.g. "m1" */
  module: string;
  line: number;
  questions: QuestionDraft[];
}

export function parsePlacement(source: string, problems: ProblemList): PlacementSectionDraft[] {
  const root = parseMarkdown(source.normalize("NFC"));
  const sections: { draft: PlacementSectionDraft; nodes: typeof root.children }[] = [];
  for (const node of root.children) {
    const current = sections.at(-1);
    if (node.type === "heading" && node.depth === 2) {
      const module = toPlainText(node.children, problems).trim();
      sections.push({ draft: { module, line: lineOf(node), questions: [] }, nodes: [] });
    } else if (node.type === "yaml") {
      problems.add(lineOf(node), "placement.md has no front matter; start with a module heading such as \"## m1\"");
    } else if (current) {
      current.nodes.push(node);
    } else {
      problems.add(lineOf(node), 'text before the first module heading; start each module with "## m1", "## m2", …');
    }
  }
  for (const { draft, nodes } of sections) draft.questions = parseQuiz(nodes, problems);
  return sections.map((section) => section.draft);
}

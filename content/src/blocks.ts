// Block Markdown under a step or "Ghi nhớ" heading → the flat Block shape of
// @hocso/shared/content: paragraphs, and one-level lists whose items are one paragraph.
// The shape is deliberately poor (no nesting, tables, images, quotes) so every lesson
// renders the same, large and simple, on an old phone and when read aloud.
import type { Block, InlineRun } from "@hocso/shared/content";
import type { List, ListItem, RootContent } from "mdast";
import { toRuns } from "./inline-runs.ts";
import { lineOf, type ProblemList } from "./problems.ts";

export interface PlacedBlock {
  block: Block;
  /** source line of the paragraph or list */
  line: number;
  /** source line of each list item (of the paragraph itself for "p"), for the writing checks */
  partLines: number[];
}

export function toBlocks(nodes: RootContent[], problems: ProblemList): PlacedBlock[] {
  const placed: PlacedBlock[] = [];
  for (const node of nodes) {
    const block = toBlock(node, problems);
    if (block) placed.push(block);
  }
  return placed;
}

function toBlock(node: RootContent, problems: ProblemList): PlacedBlock | undefined {
  if (node.type === "paragraph") {
    const runs = toRuns(node.children, problems);
    const line = lineOf(node);
    return runs.length > 0 ? { block: { type: "p", runs }, line, partLines: [line] } : undefined;
  }
  if (node.type === "list") return toList(node, problems);
  problems.add(lineOf(node), unsupportedBlock(node));
  return undefined;
}

function toList(list: List, problems: ProblemList): PlacedBlock | undefined {
  const items: InlineRun[][] = [];
  const partLines: number[] = [];
  for (const item of list.children) {
    const runs = toListItem(item, problems);
    if (runs) {
      items.push(runs);
      partLines.push(lineOf(item));
    }
  }
  if (items.length === 0) return undefined;
  return { block: { type: "list", ordered: list.ordered === true, items }, line: lineOf(list), partLines };
}

function toListItem(item: ListItem, problems: ProblemList): InlineRun[] | undefined {
  if (item.checked !== null && item.checked !== undefined) {
    problems.add(lineOf(item), "checkboxes ([ ] and [x]) are only for answer options under ## Câu hỏi");
  }
  const [first, ...rest] = item.children;
  for (const extra of rest) {
    problems.add(
      lineOf(extra),
      extra.type === "list"
        ? "nested lists are not supported; keep every list one level deep"
        : "a list item must be a single paragraph; split it into separate items",
    );
  }
  if (first?.type !== "paragraph") {
    problems.add(lineOf(first ?? item), first ? unsupportedBlock(first) : "empty list item");
    return undefined;
  }
  const runs = toRuns(first.children, problems);
  return runs.length > 0 ? runs : undefined;
}

export function unsupportedBlock(node: RootContent): string {
  switch (node.type) {
    case "heading":
      return node.depth === 1
        ? "a # heading is not used; put the lesson title in the front matter `title`"
        : "### headings are only for questions under ## Câu hỏi; use ## for a new step";
    case "table":
      return "tables are not supported; write the information as a list";
    case "image":
      return "images are not allowed in lessons; describe the screen in words instead";
    case "html":
      return "HTML is not allowed in lessons; use plain paragraphs and lists";
    case "blockquote":
      return "quotes (> ...) are not supported; write a normal paragraph (the Ghi nhớ box has its own ## section)";
    case "code":
      return "code blocks are not supported; use `inline code` for something the reader types";
    case "thematicBreak":
      return "horizontal rules (---) are not supported; start a new ## step instead";
    case "definition":
      return 'link definitions are not allowed; write the address as plain text, e.g. "dichvucong.gov.vn"';
    case "footnoteDefinition":
      return "footnotes are not supported; put source keys in the front matter `sources`";
    case "yaml":
      return "front matter must come first in the file, and only once";
    default:
      return `"${node.type}" is not supported in lessons`;
  }
}

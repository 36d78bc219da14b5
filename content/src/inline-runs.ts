// Inline Markdown (text, **bold**, *italic*, `code`) → the styled runs of
// @hocso/shared/content. Anything that would become markup or leave the app (links,
// images, raw HTML) is rejected with a reason the author can act on.
import type { InlineRun } from "@hocso/shared/content";
import { runsToText } from "@hocso/shared/content";
import type { Link, PhrasingContent } from "mdast";
import { lineOf, type ProblemList } from "./problems.ts";

type Style = Pick<InlineRun, "strong" | "em" | "code">;

export function toRuns(nodes: PhrasingContent[], problems: ProblemList): InlineRun[] {
  const runs: InlineRun[] = [];
  collectRuns(nodes, {}, runs, problems);
  return trimRuns(mergeRuns(runs));
}

/** Plain text of inline content, for strings the schema stores unstyled (titles, prompts). */
export function toPlainText(nodes: PhrasingContent[], problems: ProblemList): string {
  return runsToText(toRuns(nodes, problems));
}

function collectRuns(nodes: PhrasingContent[], style: Style, out: InlineRun[], problems: ProblemList): void {
  for (const node of nodes) {
    switch (node.type) {
      case "text":
        out.push({ text: collapseSpace(node.value), ...style });
        break;
      case "strong":
        collectRuns(node.children, { ...style, strong: true }, out, problems);
        break;
      case "emphasis":
        collectRuns(node.children, { ...style, em: true }, out, problems);
        break;
      case "inlineCode":
        out.push({ text: collapseSpace(node.value), ...style, code: true });
        break;
      case "break":
        out.push({ text: " ", ...style });
        break;
      case "link":
        // GFM turns a bare "https://…" or "www.…" in prose into a link; the author wrote
        // plain text, so keep it as text. Only [text](url) and <url> are real links.
        if (isBareAddress(node)) collectRuns(node.children, style, out, problems);
        else problems.add(lineOf(node), linkMessage);
        break;
      default:
        problems.add(lineOf(node), unsupportedInline(node.type));
    }
  }
}

const linkMessage =
  'links are not allowed in lesson text; write the address as plain text, e.g. "dichvucong.gov.vn"';

function unsupportedInline(type: string): string {
  switch (type) {
    case "image":
    case "imageReference":
      return "images are not allowed in lessons; describe the screen in words instead";
    case "linkReference":
      return linkMessage;
    case "html":
      return "HTML is not allowed in lessons; use **bold** or *italic* for emphasis";
    case "delete":
      return "strikethrough (~~text~~) is not supported; delete the text instead";
    case "footnoteReference":
      return "footnotes are not supported; put source keys in the front matter `sources`";
    default:
      return `"${type}" is not supported in lesson text`;
  }
}

/** A GFM literal autolink has the same source range as its only text child. */
function isBareAddress(link: Link): boolean {
  const child = link.children[0];
  return (
    link.children.length === 1 &&
    child?.type === "text" &&
    child.position?.start.offset === link.position?.start.offset &&
    child.position?.end.offset === link.position?.end.offset
  );
}

function collapseSpace(text: string): string {
  return text.replace(/\s+/g, " ");
}

function sameStyle(a: InlineRun, b: InlineRun): boolean {
  return a.strong === b.strong && a.em === b.em && a.code === b.code;
}

function mergeRuns(runs: InlineRun[]): InlineRun[] {
  const merged: InlineRun[] = [];
  for (const run of runs) {
    const last = merged.at(-1);
    if (last && sameStyle(last, run)) last.text = collapseSpace(last.text + run.text);
    else merged.push({ ...run });
  }
  return merged;
}

/** Drop the whitespace Markdown leaves at the edges, and any run that ends up empty. */
function trimRuns(runs: InlineRun[]): InlineRun[] {
  const first = runs[0];
  const last = runs.at(-1);
  if (first) first.text = first.text.trimStart();
  if (last) last.text = last.text.trimEnd();
  return runs.filter((run) => run.text.length > 0);
}

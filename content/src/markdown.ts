// Markdown → mdast with exactly the syntax lesson files may use: CommonMark, GFM (so
// task lists parse, and tables/strikethrough parse well enough to be rejected by name
// rather than slipping through as text), and a YAML front matter block.
import type { Root } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { frontmatterFromMarkdown } from "mdast-util-frontmatter";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { frontmatter } from "micromark-extension-frontmatter";
import { gfm } from "micromark-extension-gfm";

export function parseMarkdown(source: string): Root {
  return fromMarkdown(source, {
    extensions: [gfm(), frontmatter(["yaml"])],
    mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(["yaml"])],
  });
}

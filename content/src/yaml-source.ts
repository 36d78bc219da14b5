// YAML text (a lesson's front matter, ward.yaml, modules.yaml) parsed with its line
// positions kept, so a schema error on `sources[2].date` can point at the line where
// that value is written rather than at the top of the file.
import { isNode, LineCounter, parseDocument } from "yaml";
import type { ProblemList } from "./problems.ts";

export type DataPath = readonly PropertyKey[];

export interface YamlSource {
  data: unknown;
  /** file line of the deepest node that exists along `path`; undefined when none does */
  lineOf(path: DataPath): number | undefined;
}

/**
 * Parse `text`, which starts at file line `firstLine`. YAML syntax errors (bad indent,
 * duplicate keys) go to `problems`; `data` is then whatever could still be read.
 */
export function parseYaml(text: string, firstLine: number, problems: ProblemList): YamlSource {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true });
  for (const error of doc.errors) {
    const line = error.linePos?.[0].line;
    problems.add(line === undefined ? firstLine : line + firstLine - 1, `YAML: ${firstLineOf(error.message)}`);
  }
  const toFileLine = (offset: number) => lines.linePos(offset).line + firstLine - 1;
  return {
    data: doc.errors.length > 0 ? safeToJs(doc) : doc.toJS(),
    lineOf(path) {
      for (let depth = path.length; depth > 0; depth--) {
        const node: unknown = doc.getIn(path.slice(0, depth), true);
        if (isNode(node) && node.range) return toFileLine(node.range[0]);
      }
      return undefined;
    },
  };
}

function safeToJs(doc: ReturnType<typeof parseDocument>): unknown {
  try {
    return doc.toJS();
  } catch {
    return undefined;
  }
}

/** yaml's pretty messages add "at line N, column M:" and a code frame; the line is reported separately. */
function firstLineOf(message: string): string {
  return (message.split("\n")[0] ?? message).replace(/ at line \d+, column \d+:?$/, "");
}

// Renders lesson text: paragraphs of styled runs and flat lists (shared/src/content.ts).
// Text only ever becomes React text nodes, so nothing in a lesson can inject markup.
import type { ReactNode } from "react";
import type { Block, InlineRun } from "@hocso/shared/content";

export function BlockView({ blocks }: { blocks: Block[] }) {
  return (
    <div className="blocks">
      {blocks.map((block, i) => {
        if (block.type === "p") {
          return (
            <p key={i}>
              <Runs runs={block.runs} />
            </p>
          );
        }
        const items = block.items.map((item, j) => (
          <li key={j}>
            <Runs runs={item} />
          </li>
        ));
        return block.ordered ? <ol key={i}>{items}</ol> : <ul key={i}>{items}</ul>;
      })}
    </div>
  );
}

function Runs({ runs }: { runs: InlineRun[] }) {
  return (
    <>
      {runs.map((run, i) => (
        <Run key={i} run={run} />
      ))}
    </>
  );
}

function Run({ run }: { run: InlineRun }) {
  let node: ReactNode = run.text;
  // `code` marks what to type or press exactly (e.g. an SMS to 156), shown bold, not monospace
  if (run.code) node = <code>{node}</code>;
  if (run.em) node = <em>{node}</em>;
  if (run.strong) node = <strong>{node}</strong>;
  return <>{node}</>;
}

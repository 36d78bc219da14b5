// A horizontal bar for one figure against its target: the sentence above it says the numbers
// (a reader never depends on the bar or its colour), the bar shows how far along, and a marked
// line with its own label shows where the target sits. Plain CSS, readable at 390 px.
import type { ReactNode } from "react";
import { strings } from "../../app/strings.ts";
import { formatShare } from "./format.ts";

/** 0.0071 → 0.71 (not 0.7100000000000001) */
const percentOf = (ratio: number) => Math.round(ratio * 10_000) / 100;

export function TargetBar({
  text,
  value,
  target,
}: {
  /** the sentence with the numbers, shown above the bar */
  text: ReactNode;
  /** how full the bar is, 0–1 (more is drawn as full) */
  value: number;
  /** where the target sits, 0–1; none for a target at the end of the bar */
  target?: number;
}) {
  const fill = percentOf(Math.max(0, Math.min(1, value)));
  return (
    <div className="target">
      <p className="target-text">{text}</p>
      <div className="target-bar" aria-hidden="true">
        <div className="target-bar-fill" style={{ width: `${fill}%` }} />
        {target !== undefined && <div className="target-bar-mark" style={{ left: `${percentOf(target)}%` }} />}
      </div>
      {target !== undefined && <MarkLabel target={target} />}
    </div>
  );
}

/** "▲ vạch: chỉ tiêu 70%" with its ▲ under the target line: to its right, or to its left past the middle. */
function MarkLabel({ target }: { target: number }) {
  const text = `${strings.wardReport.targetMark} ${formatShare(target)}`;
  const at = percentOf(target);
  return target > 0.5 ? (
    <p className="target-mark-label" aria-hidden="true" style={{ paddingRight: `${100 - at}%`, textAlign: "right" }}>
      {text} ▲
    </p>
  ) : (
    <p className="target-mark-label" aria-hidden="true" style={{ paddingLeft: `${at}%` }}>
      ▲ {text}
    </p>
  );
}

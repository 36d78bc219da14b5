// The TDPs (tổ dân phố) to tick for a facilitator: one big checkbox row each, inside a fieldset
// whose legend asks the question, with the problem said in words when none is ticked.
import type { ReactNode } from "react";
import { Checkbox } from "zmp-ui";

type CheckboxChange = { target: { checked: boolean } };

interface TdpCheckboxesProps {
  legend: ReactNode;
  tdps: ReadonlyArray<{ id: string; name: string }>;
  chosen: readonly string[];
  onChange: (ids: string[]) => void;
  problem: string | null;
  /** id of the problem's text, for aria-describedby */
  problemId: string;
}

export function TdpCheckboxes({ legend, tdps, chosen, onChange, problem, problemId }: TdpCheckboxesProps) {
  const ticked = new Set(chosen);
  function toggle(id: string, on: boolean) {
    onChange(tdps.map((tdp) => tdp.id).filter((tdpId) => (tdpId === id ? on : ticked.has(tdpId))));
  }
  return (
    <fieldset className="choice-list" aria-describedby={problem ? problemId : undefined}>
      <legend>{legend}</legend>
      {problem && (
        <p id={problemId} className="form-error" role="alert">
          {problem}
        </p>
      )}
      {tdps.map((tdp) => (
        <Checkbox
          key={tdp.id}
          className={ticked.has(tdp.id) ? "choice is-checked" : "choice"}
          value={tdp.id}
          checked={ticked.has(tdp.id)}
          onChange={(e: CheckboxChange) => toggle(tdp.id, e.target.checked)}
          label={tdp.name}
        />
      ))}
    </fieldset>
  );
}

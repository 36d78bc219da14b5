// What every step of the composer is given.
import type { RefObject } from "react";
import type { StaffMe } from "@hocso/shared/announcements";
import type { Draft } from "./draft.ts";

export interface StepProps {
  draft: Draft;
  staff: StaffMe;
  /** the screen's <h1>, focused when the step changes so a screen reader starts there */
  headingRef: RefObject<HTMLHeadingElement>;
  update(patch: Partial<Draft>): void;
  next(): void;
  back(): void;
}

// The placement check with the course's own questions (content/placement.md, compiled into
// @hocso/content/placement). A lazy route: the questions load only when the check opens.
import { placement } from "@hocso/content/placement";
import { PlacementCheck } from "./placement-check.tsx";

export function PlacementPage() {
  return <PlacementCheck questions={placement} />;
}

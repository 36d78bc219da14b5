// <ReadAloud parts={…} />: the Nghe button as screens use it. The button and the speech code
// load on their own, beside the lesson, so the first screen's script does not carry them.
import { lazy, Suspense } from "react";

const ReadAloudButton = lazy(() => import("./read-aloud-button.tsx").then((m) => ({ default: m.ReadAloudButton })));

export function ReadAloud({ parts }: { parts: readonly string[] }) {
  return (
    // the placeholder keeps the button's room, so nothing jumps when it appears
    <Suspense fallback={<span className="read-aloud-placeholder" aria-hidden="true" />}>
      <ReadAloudButton parts={parts} />
    </Suspense>
  );
}

// Reading something from the server that changes on its own while the sender works (a
// delivery report, the class reminders): loaded on each visit, asked again every `refreshMs`
// while `stillChanging` says so, and again after a failed refresh; a first load that fails
// waits for the reader's "Thử lại" (retry).
import { useEffect, useState } from "react";
import { useLocation } from "zmp-ui";
import { messageOf } from "../../app/api-client.ts";
import { withSession } from "../../app/session.ts";

export interface Polled<T> {
  data: T | null;
  /** what went wrong with the last load, in the reader's words */
  problem: string | null;
  /** replaces what is shown, e.g. with the server's answer to an action */
  setData: (update: (current: T | null) => T | null) => void;
  retry: () => void;
}

/**
 * `load` must be stable across renders for the same thing (list its inputs in `deps`), so a
 * re-render does not start another round of loading.
 */
export function usePolled<T>(
  load: (sessionToken: string) => Promise<T>,
  stillChanging: (data: T) => boolean,
  refreshMs: number,
  deps: readonly unknown[],
): Polled<T> {
  const [data, setData] = useState<T | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const visit = useLocation().key;

  useEffect(() => {
    let current = true;
    let timer: number | undefined;
    let last: T | null = null;
    const again = () => {
      if (last !== null && stillChanging(last)) timer = window.setTimeout(fetchOnce, refreshMs);
    };
    function fetchOnce() {
      withSession(load).then(
        (next) => {
          if (!current) return;
          last = next;
          setData(() => next);
          setProblem(null);
          again();
        },
        (error: unknown) => {
          if (!current) return;
          setProblem(messageOf(error));
          again();
        },
      );
    }
    fetchOnce();
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `load` and `stillChanging` follow `deps`
  }, [...deps, refreshMs, attempt, visit]);

  return { data, problem, setData, retry: () => setAttempt((n) => n + 1) };
}

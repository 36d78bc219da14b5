// One weekly class as its manager sees it (GET /api/v1/classes/:classId), loaded again on
// every visit to the screen and on "Thử lại"; the class page and the edit form both use it.
import { useEffect, useState } from "react";
import { useLocation } from "zmp-ui";
import type { WeeklyClass } from "@hocso/shared/classes";
import { messageOf } from "../../app/api-client.ts";
import { withSession } from "../../app/session.ts";
import { getClass } from "./api/get-class.ts";

export interface ManagedClass {
  cls: WeeklyClass | null;
  /** the last load's failure, said for a person; null while loading or loaded */
  problem: string | null;
  retry: () => void;
  /** after a change the screen made itself (a date cancelled, say) */
  replace: (cls: WeeklyClass) => void;
}

export function useManagedClass(classId: string): ManagedClass {
  const [cls, setCls] = useState<WeeklyClass | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const visit = useLocation().key;

  useEffect(() => {
    let current = true;
    setProblem(null);
    withSession((token) => getClass(token, classId)).then(
      (loaded) => {
        if (current) setCls(loaded);
      },
      (error: unknown) => {
        if (current) setProblem(messageOf(error));
      },
    );
    return () => {
      current = false;
    };
  }, [classId, attempt, visit]);

  return { cls, problem, retry: () => setAttempt((n) => n + 1), replace: setCls };
}

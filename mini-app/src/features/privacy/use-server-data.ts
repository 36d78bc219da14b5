// What the server holds about the learner (GET /api/v1/me and /progress), read once per visit
// for the whole "Dữ liệu của tôi" screen: the "Trên máy chủ" section shows it, the consent
// section reads the share-progress decision from it. Asked only when this phone has an account
// there; nothing is signed in just to look.
import { useCallback, useEffect, useState } from "react";
import { useLocation } from "zmp-ui";
import type { Me, Progress } from "@hocso/shared/api";
import { messageOf } from "../../app/api-client.ts";
import { getProgress } from "../../app/api/get-progress.ts";
import { useDeviceStore } from "../../app/device-store.ts";
import { learnerStore } from "../../app/learner-store.ts";
import { sessionStore } from "../../app/session-store.ts";
import { withSession } from "../../app/session.ts";
import { serverKnowsLearner } from "../../app/sync.ts";
import { getMe } from "./api/get-me.ts";

export type ServerState =
  | { kind: "no-account" }
  | { kind: "loading" }
  | { kind: "ready"; me: Me; progress: Progress[] | null }
  | { kind: "failed"; message: string };

export interface ServerData {
  state: ServerState;
  retry: () => void;
  /** the learner as the server answered a change made on this screen */
  replaceMe: (me: Me) => void;
}

export function useServerData(): ServerData {
  const [state, setState] = useState<ServerState>({ kind: "loading" });
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const replaceMe = useCallback(
    (me: Me) => setState((s) => ({ kind: "ready", me, progress: s.kind === "ready" ? s.progress : null })),
    [],
  );
  const visit = useLocation().key; // a quick return may reuse the leaving page: ask again
  useDeviceStore(sessionStore); // signing in elsewhere on the page makes the account known
  const knows = serverKnowsLearner();
  // a consent changed on this screen: ask again once the server has it
  const { consents } = useDeviceStore(learnerStore);
  const decided = `${consents?.decidedAt}:${consents?.synced}`;

  useEffect(() => {
    if (!knows) return;
    let current = true;
    setState({ kind: "loading" });
    (async () => {
      const me = await withSession(getMe);
      // without the progress consent the server keeps no progress to list
      const progress = await withSession(getProgress).catch(() => null);
      return { me, progress };
    })().then(
      ({ me, progress }) => current && setState({ kind: "ready", me, progress }),
      (error: unknown) => current && setState({ kind: "failed", message: messageOf(error) }),
    );
    return () => {
      current = false;
    };
  }, [knows, attempt, visit, decided]);

  return { state: knows ? state : { kind: "no-account" }, retry, replaceMe };
}

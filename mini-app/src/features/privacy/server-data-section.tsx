// "Trên máy chủ": what the server holds (GET /api/v1/me and /progress), said in plain words.
// Asked only when this phone has an account there; nothing is signed in just to look.
import { useCallback, useEffect, useState } from "react";
import { Button, useLocation } from "zmp-ui";
import type { Me, Progress } from "@hocso/shared/api";
import { formatWardDate, wardDate } from "@hocso/shared/dates";
import { messageOf } from "../../app/api-client.ts";
import { getProgress } from "../../app/api/get-progress.ts";
import { allLessons, useCourse } from "../../app/course.tsx";
import { useDeviceStore } from "../../app/device-store.ts";
import { learnerStore } from "../../app/learner-store.ts";
import { sessionStore } from "../../app/session-store.ts";
import { withSession } from "../../app/session.ts";
import { strings } from "../../app/strings.ts";
import { serverKnowsLearner } from "../../app/sync.ts";
import { getMe } from "./api/get-me.ts";

type Loaded =
  | { kind: "loading" }
  | { kind: "ready"; me: Me; progress: Progress[] | null }
  | { kind: "failed"; message: string };

/** "Thứ Bảy, 29/11/2026" for an ISO instant */
const dayOf = (iso: string) => formatWardDate(wardDate(new Date(iso)));

export function ServerDataSection() {
  const learner = useDeviceStore(learnerStore);
  useDeviceStore(sessionStore); // signing in elsewhere on the page shows the section
  const t = strings.myData;
  const knows = serverKnowsLearner();

  return (
    <section className="card" aria-labelledby="on-server">
      <h2 id="on-server" style={{ marginTop: 0 }}>
        {t.onServerHeading}
      </h2>
      {knows ? (
        <ServerData />
      ) : (
        <p>{learner.profile?.ageBand === "duoi-16" ? t.underSixteenDevice : t.nothingOnServer}</p>
      )}
    </section>
  );
}

function useServerData(): { state: Loaded; retry: () => void } {
  const [state, setState] = useState<Loaded>({ kind: "loading" });
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const visit = useLocation().key; // a quick return may reuse the leaving page: ask again
  // a consent changed on this screen: ask again once the server has it
  const { consents } = useDeviceStore(learnerStore);
  const decided = `${consents?.decidedAt}:${consents?.synced}`;

  useEffect(() => {
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
  }, [attempt, visit, decided]);

  return { state, retry };
}

function ServerData() {
  const { ward, catalog } = useCourse();
  const { state, retry } = useServerData();
  const t = strings.myData;
  const p = strings.privacy;

  if (state.kind === "loading") return <p role="status">{t.loadingServer}</p>;
  if (state.kind === "failed") {
    return (
      <>
        <p className="note" role="status">
          {t.serverFailed(state.message)}
        </p>
        <Button variant="secondary" fullWidth onClick={retry}>
          {t.retry}
        </Button>
      </>
    );
  }

  const { me, progress } = state;
  const consent = (c: Me["consents"]["progress"]) =>
    !c ? t.consentNone : c.granted ? t.consentGiven(dayOf(c.decidedAt)) : t.consentRefused(dayOf(c.decidedAt));
  const titles = new Map(allLessons(catalog).map((l) => [l.id, l.title]));

  return (
    <>
      <p>
        {p.tdp}: <strong>{ward.residentialGroups.find((g) => g.id === me.tdpId)?.name ?? p.notGiven}</strong>
        <br />
        {p.audience}: <strong>{me.audience ? strings.audiences[me.audience] : p.notGiven}</strong>
        <br />
        {p.ageBand}: <strong>{me.ageBand ? strings.ageBands[me.ageBand] : p.notGiven}</strong>
        {me.ageBand === "duoi-16" && (
          <>
            <br />
            {t.guardian}: <strong>{me.guardianConfirmed ? t.yes : t.no}</strong>
          </>
        )}
        <br />
        {t.progressConsent}: <strong>{consent(me.consents.progress)}</strong>
        <br />
        {t.remindersConsent}: <strong>{consent(me.consents.reminders)}</strong>
        <br />
        {t.certified}: <strong>{me.certifiedOn ? formatWardDate(me.certifiedOn) : t.no}</strong>
        <br />
        {t.accountSince}: <strong>{dayOf(me.createdAt)}</strong>
      </p>
      <h3>{t.serverLessons}</h3>
      {progress === null || progress.length === 0 ? (
        <p>{t.noServerLessons}</p>
      ) : (
        <ul>
          {progress.map((item) => {
            const title = titles.get(item.lessonId) ?? item.lessonId;
            return (
              <li key={item.lessonId}>
                {item.completedAt !== null && item.bestCorrect !== null && item.total !== null
                  ? t.lessonDone(title, item.bestCorrect, item.total)
                  : t.lessonAt(title, item.stepIndex + 1)}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

// "Trên máy chủ": what the server holds (GET /api/v1/me and /progress, read by
// use-server-data.ts only when this phone has an account there), said in plain words.
import { Button } from "zmp-ui";
import type { Me } from "@hocso/shared/api";
import { formatWardDate, wardDate } from "@hocso/shared/dates";
import { allLessons, useCourse } from "../../app/course.tsx";
import { useDeviceStore } from "../../app/device-store.ts";
import { learnerStore } from "../../app/learner-store.ts";
import { strings } from "../../app/strings.ts";
import type { ServerData } from "./use-server-data.ts";

/** "Thứ Bảy, 29/11/2026" for an ISO instant */
const dayOf = (iso: string) => formatWardDate(wardDate(new Date(iso)));

export function ServerDataSection({ server }: { server: ServerData }) {
  const learner = useDeviceStore(learnerStore);
  const t = strings.myData;

  return (
    <section className="card" aria-labelledby="on-server">
      <h2 id="on-server" style={{ marginTop: 0 }}>
        {t.onServerHeading}
      </h2>
      {server.state.kind !== "no-account" ? (
        <ServerDataView server={server} />
      ) : (
        <p>{learner.profile?.ageBand === "duoi-16" ? t.underSixteenDevice : t.nothingOnServer}</p>
      )}
    </section>
  );
}

function ServerDataView({ server }: { server: ServerData }) {
  const { ward, catalog } = useCourse();
  const { state, retry } = server;
  const t = strings.myData;
  const c = strings.needsHelp.consent;
  const p = strings.privacy;

  if (state.kind === "loading" || state.kind === "no-account") return <p role="status">{t.loadingServer}</p>;
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
        {c.serverLine}: <strong>{consent(me.consents["share-progress"])}</strong>
        {me.displayName !== null && (
          <>
            <br />
            {c.serverName}: <strong>{me.displayName}</strong>
          </>
        )}
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

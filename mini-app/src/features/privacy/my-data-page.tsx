// "Dữ liệu của tôi": what the phone and the server hold about the learner, in plain words; the
// export file; a way to correct their details; each consent given or withdrawn on its own; and
// deleting the account with all data.
import { Button, useNavigate } from "zmp-ui";
import { useCourse } from "../../app/course.tsx";
import { useDeviceStore } from "../../app/device-store.ts";
import { AppPage } from "../../app/layout.tsx";
import { learnerStore } from "../../app/learner-store.ts";
import { outboxStore } from "../../app/outbox.ts";
import { lessonMastered, progressStore } from "../../app/progress-store.ts";
import { reviewStore } from "../../app/review-store.ts";
import { strings } from "../../app/strings.ts";
import { PrivacyNotice } from "../../components/privacy-notice.tsx";
import { ConsentSection } from "./consent-section.tsx";
import { DeleteSection } from "./delete-section.tsx";
import { ExportSection } from "./export-section.tsx";
import { ServerDataSection } from "./server-data-section.tsx";
import { useServerData } from "./use-server-data.ts";

export function MyDataPage() {
  const { ward } = useCourse();
  const t = strings.privacy;
  const server = useServerData();
  return (
    <AppPage title={t.title} backTo="/">
      <h1>{t.title}</h1>
      <DeviceDataSection />
      <ServerDataSection server={server} />
      <ExportSection />
      <ConsentSection server={server} />
      <PrivacyNotice controller={ward.controller} />
      <DeleteSection />
    </AppPage>
  );
}

function DeviceDataSection() {
  const { ward } = useCourse();
  const learner = useDeviceStore(learnerStore);
  const progress = Object.values(useDeviceStore(progressStore));
  const review = useDeviceStore(reviewStore);
  const waiting = useDeviceStore(outboxStore);
  const navigate = useNavigate();
  const t = strings.privacy;
  const tdpName = ward.residentialGroups.find((g) => g.id === learner.profile?.tdpId)?.name;

  return (
    <section className="card" aria-labelledby="on-device">
      <h2 id="on-device" style={{ marginTop: 0 }}>
        {t.onDeviceHeading}
      </h2>
      <p>
        {t.tdp}: <strong>{tdpName ?? t.notGiven}</strong>
        <br />
        {t.audience}: <strong>{learner.profile ? strings.audiences[learner.profile.audience] : t.notGiven}</strong>
        <br />
        {t.ageBand}: <strong>{learner.profile ? strings.ageBands[learner.profile.ageBand] : t.notGiven}</strong>
        <br />
        {t.lessonsDone}: <strong>{progress.filter((p) => p.completed).length}</strong>
        <br />
        {strings.myData.lessonsMastered}: <strong>{progress.filter((p) => lessonMastered(p)).length}</strong>
        <br />
        {strings.myData.reviewWaiting}: <strong>{review.length}</strong>
        <br />
        {strings.myData.outboxWaiting}: <strong>{waiting.length}</strong>
      </p>
      <Button variant="secondary" fullWidth onClick={() => navigate("/thong-tin")}>
        {t.editInfo}
      </Button>
    </section>
  );
}

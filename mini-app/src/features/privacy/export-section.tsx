// "Tải dữ liệu về": prepares the JSON file, then offers it as a link the learner taps to save
// (a link, because the file is made on the phone and the server's part needs the session).
import { useEffect, useState } from "react";
import { Button } from "zmp-ui";
import { strings } from "../../app/strings.ts";
import { buildExport } from "./account-data.ts";

interface Ready {
  name: string;
  url: string;
  note: string | null;
}

export function ExportSection() {
  const [busy, setBusy] = useState(false);
  const [ready, setReady] = useState<Ready | null>(null);
  const t = strings.myData;

  // the file lives in memory until the screen closes or a new one is made
  useEffect(
    () => () => {
      if (ready) URL.revokeObjectURL(ready.url);
    },
    [ready],
  );

  async function onPrepare() {
    setBusy(true);
    const file = await buildExport();
    const url = URL.createObjectURL(new Blob([file.json], { type: "application/json" }));
    setReady({ name: file.name, url, note: file.serverMissing && t.exportDeviceOnly(file.serverMissing) });
    setBusy(false);
  }

  return (
    <section className="card" aria-labelledby="export">
      <h2 id="export" style={{ marginTop: 0 }}>
        {t.exportHeading}
      </h2>
      <p>{t.exportIntro}</p>
      <Button variant="secondary" fullWidth loading={busy} onClick={() => void onPrepare()}>
        {t.exportButton}
      </Button>
      {busy && (
        <p role="status" style={{ marginTop: 12 }}>
          {t.exportPreparing}
        </p>
      )}
      {ready && (
        <div role="status" style={{ marginTop: 12 }}>
          <p>{t.exportReady}</p>
          {ready.note && <p className="note">{ready.note}</p>}
          <a className="download-link" href={ready.url} download={ready.name}>
            {t.exportLink(ready.name)}
          </a>
        </div>
      )}
    </section>
  );
}

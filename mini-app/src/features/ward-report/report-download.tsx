// "Tải báo cáo quý (CSV)" and "(Excel)" for an admin: the file of the quarter on screen, fetched
// with the session and saved under the name the server gave it; what happened is said in words.
import { useState } from "react";
import { Button } from "zmp-ui";
import { messageOf } from "../../app/api-client.ts";
import { withSession } from "../../app/session.ts";
import { strings } from "../../app/strings.ts";
import { insideZalo } from "../../app/zalo.ts";
import { downloadReport, saveFile, type ReportFormat } from "./api/download-report.ts";
import { quarterLabel } from "./format.ts";

type Status =
  | { kind: "idle" }
  | { kind: "busy" }
  | { kind: "done"; filename: string }
  | { kind: "failed"; reason: string };

export function ReportDownload({ quarter }: { quarter: string }) {
  const t = strings.wardReport;
  const [status, setStatus] = useState<Status>({ kind: "idle" });

  async function download(format: ReportFormat) {
    setStatus({ kind: "busy" });
    try {
      const file = await withSession((token) => downloadReport(token, quarter, format));
      saveFile(file);
      setStatus({ kind: "done", filename: file.filename });
    } catch (error) {
      setStatus({ kind: "failed", reason: messageOf(error) });
    }
  }

  const busy = status.kind === "busy";
  return (
    <section className="report-download" aria-labelledby="report-download-heading">
      <h2 id="report-download-heading">{t.downloadHeading}</h2>
      <p>{t.downloadIntro(quarterLabel(quarter))}</p>
      <div className="stack">
        <Button fullWidth disabled={busy} onClick={() => void download("csv")}>
          {t.downloadCsv}
        </Button>
        <Button fullWidth variant="secondary" disabled={busy} onClick={() => void download("xlsx")}>
          {t.downloadXlsx}
        </Button>
      </div>
      {status.kind === "failed" ? (
        <p className="note" role="alert">
          {t.downloadFailed(status.reason)}
        </p>
      ) : (
        <p className="status-line" role="status">
          {status.kind === "busy" ? t.downloading : status.kind === "done" ? t.downloaded(status.filename) : ""}
        </p>
      )}
      {insideZalo && <p className="muted">{t.zaloNote}</p>}
    </section>
  );
}

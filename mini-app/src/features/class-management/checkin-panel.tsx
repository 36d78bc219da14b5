// Check-in on the meeting's day: "Mở điểm danh bằng mã QR", then a very large QR of the
// check-in link for residents to scan with Zalo, and its six-digit code in huge digits for
// those who type it. The QR library loads only here, never with the first screen.
import { useEffect, useState } from "react";
import { Button } from "zmp-ui";
import { spacedCode, type MeetingAttendance, type OpenCheckin } from "@hocso/shared/attendance";
import { messageOf } from "../../app/api-client.ts";
import { strings } from "../../app/strings.ts";
import { wardMoment } from "@hocso/shared/dates";

export function CheckinPanel({ meeting, onOpen }: { meeting: MeetingAttendance; onOpen: () => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const t = strings.classManagement;

  async function open() {
    setBusy(true);
    setProblem(null);
    try {
      await onOpen();
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setBusy(false);
    }
  }

  if (meeting.checkin) return <OpenCode checkin={meeting.checkin} />;
  return (
    <div className="checkin-panel">
      <Button fullWidth loading={busy} onClick={() => void open()}>
        {t.openQr}
      </Button>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

/** A quiet zone of 2 modules and medium error correction: read from across a room, off a screen. */
export const QR_OPTIONS = { type: "svg", margin: 2, errorCorrectionLevel: "M" } as const;

/** The QR as SVG markup, made on the phone from the link; null while it is made, "" if it failed. */
function useQrSvg(link: string): string | null {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    setSvg(null);
    import("qrcode")
      .then((qr) => qr.toString(link, QR_OPTIONS))
      .then(
        (markup) => {
          if (current) setSvg(markup);
        },
        (error: unknown) => {
          console.error("the check-in QR could not be drawn", error);
          if (current) setSvg("");
        },
      );
    return () => {
      current = false;
    };
  }, [link]);
  return svg;
}

function OpenCode({ checkin }: { checkin: OpenCheckin }) {
  const svg = useQrSvg(checkin.zaloLink);
  const t = strings.classManagement;
  const code = spacedCode(checkin.code);
  return (
    <section className="card checkin-panel" aria-labelledby="checkin-hint">
      {svg === "" ? (
        <p className="note">{t.qrFailed}</p>
      ) : (
        <div
          className="checkin-qr"
          role="img"
          aria-label={t.qrLabel(code)}
          // markup the qrcode library made from our own link: no outside text in it
          dangerouslySetInnerHTML={svg ? { __html: svg } : undefined}
        />
      )}
      <p className="checkin-code" aria-hidden="true">
        {code}
      </p>
      <p id="checkin-hint" className="lead">
        {t.scanHint(code)}
      </p>
      <p className="muted">{t.codeUntil(wardMoment(checkin.expiresAt))}</p>
    </section>
  );
}

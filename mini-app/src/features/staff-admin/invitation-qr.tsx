// The invitation's link as a QR code the invited person scans with Zalo. The qrcode library is
// loaded only when a code is shown, so it stays out of every other screen's download.
import { useEffect, useState } from "react";
import { strings } from "../../app/strings.ts";

type QrState = { kind: "loading" } | { kind: "ready"; svg: string } | { kind: "failed" };

export function InvitationQr({ link }: { link: string }) {
  const [state, setState] = useState<QrState>({ kind: "loading" });
  const t = strings.staffAdmin;

  useEffect(() => {
    let current = true;
    setState({ kind: "loading" });
    import("qrcode")
      .then((qr) => qr.toString(link, { type: "svg", errorCorrectionLevel: "M", margin: 2 }))
      .then(
        (svg) => current && setState({ kind: "ready", svg }),
        (error: unknown) => {
          console.warn("could not draw the invitation's QR code", error);
          if (current) setState({ kind: "failed" });
        },
      );
    return () => {
      current = false;
    };
  }, [link]);

  if (state.kind === "loading") return <p role="status">{t.qrLoading}</p>;
  if (state.kind === "failed") return <p className="note">{t.qrFailed}</p>;
  // The SVG is the library's own drawing of our link: no text from anyone goes into it.
  return <div className="invitation-qr" role="img" aria-label={t.qrLabel} dangerouslySetInnerHTML={{ __html: state.svg }} />;
}

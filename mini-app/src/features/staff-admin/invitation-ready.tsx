// A new invitation, ready to hand over: its QR code to scan with Zalo, the code in large letters
// to read out, "Chia sẻ qua Zalo" (Zalo's share sheet, else the phone's, else the clipboard) and
// "Sao chép liên kết". The code is shown only here: the server keeps no copy of it.
import { useEffect, useRef, useState } from "react";
import { Button } from "zmp-ui";
import { groupInvitationCode, type CreatedInvitation } from "@hocso/shared/staff-admin";
import { strings } from "../../app/strings.ts";
import { shareByHand } from "../facilitator/share-by-hand.ts";
import { wardMoment } from "@hocso/shared/dates";
import { InvitationQr } from "./invitation-qr.tsx";
import { roleAndScope, type TdpNames } from "./role-text.ts";

type Outcome = { kind: "shared" } | { kind: "copied"; what: "text" | "link" } | { kind: "manual"; text: string } | null;

interface InvitationReadyProps {
  invitation: CreatedInvitation;
  names: TdpNames;
  onDone: () => void;
}

export function InvitationReady({ invitation, names, onDone }: InvitationReadyProps) {
  const t = strings.staffAdmin;
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [sharing, setSharing] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const what = roleAndScope(invitation.role, invitation.tdpIds, names);
  const code = groupInvitationCode(invitation.code);
  const message = t.shareText(what, invitation.zaloLink, code);

  async function share() {
    setSharing(true);
    const result = await shareByHand(message);
    setSharing(false);
    if (result.kind === "copied") setOutcome({ kind: "copied", what: "text" });
    else if (result.kind === "manual") setOutcome({ kind: "manual", text: message });
    else if (result.kind === "shared") setOutcome({ kind: "shared" });
  }

  async function copyLink() {
    try {
      await navigator.clipboard.writeText(invitation.zaloLink);
      setOutcome({ kind: "copied", what: "link" });
    } catch (error) {
      console.warn("could not copy the invitation's link", error);
      setOutcome({ kind: "manual", text: invitation.zaloLink });
    }
  }

  return (
    <section aria-labelledby="invitation-heading">
      <h2 id="invitation-heading" ref={heading} tabIndex={-1}>
        {t.readyHeading}
      </h2>
      <p>{t.readyFor(what)}</p>
      <p>{t.readyHelp}</p>
      <InvitationQr link={invitation.zaloLink} />
      <p className="field-label">{t.codeLabel}</p>
      <p className="invitation-code">{code}</p>
      <p className="muted">{t.codeHelp}</p>
      <p>{t.expires(wardMoment(invitation.expiresAt))}</p>
      <p className="note">{t.onlyThem}</p>
      <div className="stack">
        <Button fullWidth loading={sharing} onClick={() => void share()}>
          {t.share}
        </Button>
        <Button variant="secondary" fullWidth onClick={() => void copyLink()}>
          {t.copyLink}
        </Button>
        <div role="status">
          {outcome?.kind === "shared" && <p className="status-line">{t.shared}</p>}
          {outcome?.kind === "copied" && <p className="status-line">{outcome.what === "link" ? t.copiedLink : t.copiedText}</p>}
          {outcome?.kind === "manual" && (
            <>
              <label className="field-label" htmlFor="invitation-manual">
                {t.copyManual}
              </label>
              <textarea id="invitation-manual" className="text-area" readOnly rows={4} value={outcome.text} />
            </>
          )}
        </div>
        <Button variant="tertiary" fullWidth onClick={onDone}>
          {t.done}
        </Button>
      </div>
    </section>
  );
}

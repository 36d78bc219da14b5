// For a group the OA cannot post in: what to do in one sentence, "Chia sẻ vào nhóm" (Zalo's
// share sheet, else the clipboard, else the text to copy: share-by-hand.ts), then "Tôi đã chia
// sẻ", which tells the server. Used by the announcement report and the class reminders page.
import { useId, useState } from "react";
import { Button } from "zmp-ui";
import { messageOf } from "../../app/api-client.ts";
import { shareByHand, type ShareOutcome } from "./share-by-hand.ts";

export interface ShareByHandTexts {
  help: string;
  share: string;
  shared: string;
  /** after the text was put on the clipboard */
  copied: string;
  /** the label of the text shown to copy when even the clipboard refused */
  manual: string;
}

interface ShareByHandPanelProps {
  /** the exact message the group should receive */
  text: string;
  texts: ShareByHandTexts;
  /** ids of what tells a screen reader which message these buttons are for */
  describedBy: string;
  /** "Tôi đã chia sẻ": records it on the server; a rejection is shown under the buttons */
  onShared: () => Promise<void>;
}

export function ShareByHandPanel({ text, texts, describedBy, onShared }: ShareByHandPanelProps) {
  const [sharing, setSharing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<ShareOutcome | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const textId = useId();

  async function onShare() {
    if (sharing) return;
    setSharing(true);
    setOutcome(await shareByHand(text));
    setSharing(false);
  }

  async function onSaid() {
    setSaving(true);
    setProblem(null);
    try {
      await onShared();
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <div className="share-by-hand">
      <p>{texts.help}</p>
      <div className="stack">
        <Button fullWidth loading={sharing} aria-describedby={describedBy} onClick={() => void onShare()}>
          {texts.share}
        </Button>
        <div role="status">
          {outcome?.kind === "copied" && <p className="status-line">{texts.copied}</p>}
          {outcome?.kind === "manual" && (
            <>
              <label className="field-label" htmlFor={textId}>
                {texts.manual}
              </label>
              <textarea id={textId} className="text-area" readOnly rows={6} value={text} />
            </>
          )}
        </div>
        <Button variant="secondary" fullWidth loading={saving} aria-describedby={describedBy} onClick={() => void onSaid()}>
          {texts.shared}
        </Button>
      </div>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

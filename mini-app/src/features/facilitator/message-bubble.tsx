// A message as it appears in a Zalo group chat: the OA's name, then the text in a bubble. The
// text is exactly the string the server sends (shared renderAnnouncement), line breaks kept.
import { useId } from "react";
import { strings } from "../../app/strings.ts";

export function MessageBubble({ text, sender }: { text: string; sender: string }) {
  const captionId = useId();
  return (
    <figure className="zalo-chat" aria-labelledby={captionId}>
      <figcaption id={captionId} className="sr-only">
        {strings.composer.bubbleLabel}
      </figcaption>
      <div className="zalo-chat-avatar" aria-hidden="true">
        OA
      </div>
      <div className="zalo-chat-message">
        <p className="zalo-chat-sender">{sender}</p>
        <p className="zalo-bubble">{text}</p>
      </div>
    </figure>
  );
}

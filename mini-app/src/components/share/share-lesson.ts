// Sharing a lesson with family or the TDP group: Zalo's share sheet inside Zalo; elsewhere the
// browser's own share sheet when there is one, else the lesson's link copied to the clipboard,
// and as a last resort the link shown so it can be copied by hand.
import { OutsideZaloError, shareMiniAppPage } from "../../app/zalo.ts";
import { strings } from "../../app/strings.ts";
import thumbnail from "./lesson-share.png";

export interface SharedLesson {
  id: string;
  title: string;
  goal: string;
}

export type ShareOutcome =
  | { kind: "shared" }
  | { kind: "cancelled" }
  | { kind: "copied"; url: string }
  | { kind: "manual"; url: string };

/** The path of a lesson inside the app (its route). */
export function lessonPath(lessonId: string): string {
  return `/bai/${encodeURIComponent(lessonId)}`;
}

/** The lesson's address in this browser: under /zapps/<id>/ when the app is served there. */
export function lessonLink(lessonId: string, location: Location = window.location): string {
  const base = /^\/zapps\/[^/]+/.exec(location.pathname)?.[0] ?? "";
  return `${location.origin}${base}${lessonPath(lessonId)}`;
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === "AbortError";
}

export async function shareLesson(lesson: SharedLesson): Promise<ShareOutcome> {
  try {
    const sent = await shareMiniAppPage({
      title: lesson.title,
      description: lesson.goal,
      path: lessonPath(lesson.id),
      thumbnail: new URL(thumbnail, document.baseURI).href,
    });
    return { kind: sent ? "shared" : "cancelled" };
  } catch (error) {
    if (!(error instanceof OutsideZaloError)) console.warn("Zalo's share sheet failed; sharing another way", error);
  }

  const url = lessonLink(lesson.id);
  if (typeof navigator.share === "function") {
    try {
      await navigator.share({ title: lesson.title, text: strings.share.text(lesson.title), url });
      return { kind: "shared" };
    } catch (error) {
      if (isAbort(error)) return { kind: "cancelled" };
      console.warn("navigator.share failed; copying the link instead", error);
    }
  }

  try {
    await navigator.clipboard.writeText(url);
    return { kind: "copied", url };
  } catch (error) {
    console.warn("could not copy the lesson link", error);
    return { kind: "manual", url };
  }
}

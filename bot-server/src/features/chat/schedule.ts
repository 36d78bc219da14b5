// "lịch học": the next meetings of the resident's TDP, each as "Thứ Bảy, 28/11/2026,
// 19:00–20:30, <place>: <topic>. Mang theo: …"; and the TDP chooser when we do not know it.
import type { ClassOccurrenceView } from "@hocso/shared/api";
import { formatWardDate, wardClock } from "@hocso/shared/dates";
import { listResidentialGroups, type StoredResidentialGroup } from "../../db/residential-groups.ts";
import { lessonLink } from "@hocso/shared/mini-app-links";
import { SCHEDULE_DAYS, SCHEDULE_MAX_MEETINGS, type ChatDeps } from "./chat-deps.ts";
import { BUTTONS, TEXT } from "./chat-text.ts";
import { chunkButtons, type Reply } from "./reply.ts";

/** The schedule text; `withButtons` false for a group, where Zalo takes no buttons. */
export function scheduleReply(deps: ChatDeps, tdp: StoredResidentialGroup, withButtons: boolean): Reply {
  const meetings = deps.upcomingMeetings(tdp.id, SCHEDULE_DAYS).slice(0, SCHEDULE_MAX_MEETINGS);
  const buttons = withButtons ? [BUTTONS.remind, BUTTONS.quiz, BUTTONS.changeTdp] : undefined;
  if (meetings.length === 0) return { text: TEXT.noMeetings(tdp.name, SCHEDULE_DAYS), buttons };
  const lines = [TEXT.scheduleHeading(tdp.name), ...meetings.map((m) => `• ${meetingLine(m)}`)];
  const lessonId = meetings[0]!.lessonIds[0];
  if (lessonId) lines.push("", TEXT.previewLesson(lessonLink(deps.miniAppId, lessonId)));
  return { text: lines.join("\n"), buttons };
}

/** "Thứ Bảy, 28/11/2026, 19:00–20:30, Nhà văn hóa: An toàn khi thanh toán. Mang theo: …" */
export function meetingLine(m: ClassOccurrenceView): string {
  const when = `${formatWardDate(m.date)}, ${wardClock(m.startsAt)}–${wardClock(m.endsAt)}`;
  const what = `${when}, ${m.place}: ${m.topic.trim().replace(/[.!?…]$/, "")}.`;
  return m.bring.trim() ? `${what} ${TEXT.bring(m.bring)}` : what;
}

/** "Bác ở tổ dân phố nào?" with one button per TDP ("tdp <id>"), five to a message. */
export function tdpChooser(deps: ChatDeps, lead: string[] = []): Reply[] {
  const buttons = listResidentialGroups(deps.db).map((g) => ({ title: g.name, payload: `tdp ${g.id}` }));
  return chunkButtons(buttons).map((chunk, i) => ({
    text: i === 0 ? [...lead, TEXT.chooseTdp].join("\n") : TEXT.chooseTdpMore,
    buttons: chunk,
  }));
}

// Everything the OA chat bot says, in one place (Vietnamese first). Short sentences, plain
// words, "bác" for the resident: many readers are over 60 (DOMAIN.md §3.2).
import type { OaButton } from "../../platform/zalo-oa.ts";

/**
 * The wording a resident agrees to in the chat: the notice "nhắc lịch" shows
 * (TEXT.remindersNotice) before the "Đồng ý nhận nhắc lịch" button. Bump when it changes.
 * v1 recorded consent on "nhắc lịch" alone; v2 asks for an explicit, informed confirmation.
 */
export const CHAT_REMINDERS_TEXT_VERSION = "oa-chat-2026-11-v2";

export const BUTTONS = {
  schedule: { title: "Lịch học", payload: "lịch học" },
  quiz: { title: "Học thử vài câu", payload: "học" },
  nextQuiz: { title: "Học bài tiếp", payload: "học" },
  openApp: { title: "Mở ứng dụng", payload: "mở app" },
  remind: { title: "Nhắc lịch cho tôi", payload: "nhắc lịch" },
  agreeReminders: { title: "Đồng ý nhận nhắc lịch", payload: "đồng ý nhắc lịch" },
  stop: { title: "Dừng nhắc lịch", payload: "dừng" },
  help: { title: "Hướng dẫn", payload: "giúp" },
  changeTdp: { title: "Đổi tổ dân phố", payload: "đổi tổ" },
} as const satisfies Record<string, OaButton>;

export interface ReminderTimes {
  /** "19:00": the evening before */
  dayBeforeAt: string;
  hoursBefore: number;
}

export const TEXT = {
  help: (wardName: string) =>
    [
      `Chào bác! Đây là trang Zalo của ${wardName} về phong trào Bình dân học vụ số.`,
      "Bác gõ một trong các chữ sau (có dấu hay không dấu đều được):",
      "• LỊCH HỌC: xem buổi học sắp tới của tổ",
      "• HỌC: trả lời vài câu hỏi ngắn ngay tại đây",
      "• MỞ APP: mở ứng dụng Học Số",
      "• NHẮC LỊCH: nhận tin nhắc trước mỗi buổi học",
      "• DỪNG: ngừng nhận tin nhắc",
    ].join("\n"),
  welcome: (wardName: string) => `Cảm ơn bác đã quan tâm trang của ${wardName}.`,
  fallback: "Chào bác! Bác bấm một nút bên dưới, hoặc gõ GIÚP để xem hướng dẫn.",
  notText: "Trang này chỉ đọc được chữ. Bác gõ chữ hoặc bấm một nút bên dưới nhé.",

  chooseTdp: "Bác ở tổ dân phố nào? Bác bấm tên tổ bên dưới.",
  chooseTdpMore: "Các tổ khác:",
  unknownTdp: "Tôi chưa tìm thấy tổ đó.",
  tdpChosen: (name: string) => `Đã ghi nhận: bác ở ${name}.`,
  scheduleHeading: (tdpName: string) => `Lịch học sắp tới của ${tdpName}:`,
  noMeetings: (tdpName: string, days: number) =>
    `${tdpName} chưa có buổi học nào trong ${days} ngày tới. Bác gõ LỊCH HỌC lại sau nhé.`,
  bring: (what: string) => `Mang theo: ${endSentence(what)}`,
  previewLesson: (url: string) => `Xem trước bài học: ${url}`,
  groupTdpUnknown: (wardName: string) =>
    `Nhóm này chưa gắn với tổ dân phố nào. Bác nhắn riêng chữ LỊCH HỌC cho trang Zalo của ${wardName} để xem lịch của tổ mình nhé.`,

  openApp: (url: string) => `Mở ứng dụng Học Số tại đây: ${url}`,
  openLesson: (title: string, url: string) => `Bài đang học, “${title}”: ${url}`,

  /** What the resident agrees to (DOMAIN.md §5.1): what is sent, how often, who controls the data, how to stop. */
  remindersNotice: (controller: string, times: ReminderTimes) =>
    [
      "Nhắc lịch học qua Zalo (không bắt buộc):",
      "• Tin nhắn gửi bác: ngày, giờ, địa điểm và chủ đề buổi học của tổ dân phố bác.",
      `• Khi nào: lúc ${times.dayBeforeAt} tối hôm trước và ${times.hoursBefore} giờ trước mỗi buổi học của tổ.`,
      `• Quản lý dữ liệu: ${controller}. Chúng tôi chỉ lưu mã Zalo của bác với trang này, tổ dân phố bác chọn và việc bác đồng ý.`,
      "• Bác gõ DỪNG bất cứ lúc nào để ngừng nhận.",
      "Nếu bác đồng ý, bác bấm nút “Đồng ý nhận nhắc lịch” bên dưới (hoặc gõ ĐỒNG Ý NHẮC LỊCH).",
    ].join("\n"),
  remindersOn: (times: ReminderTimes) =>
    [
      "Đã đăng ký nhắc lịch.",
      `Bác sẽ nhận tin lúc ${times.dayBeforeAt} tối hôm trước và ${times.hoursBefore} giờ trước mỗi buổi học của tổ.`,
      "Gõ DỪNG bất cứ lúc nào để ngừng.",
    ].join("\n"),
  remindersAlreadyOn: "Bác đã đăng ký nhắc lịch rồi. Gõ DỪNG nếu muốn ngừng.",
  remindersNeedTdp: "Để nhắc đúng buổi học, bác chọn tổ dân phố bên dưới.",
  remindersOff: "Đã ngừng nhắc lịch. Bác sẽ không nhận tin nhắc nữa. Muốn nhận lại, bác gõ NHẮC LỊCH.",
  remindersWereOff: "Bác chưa đăng ký nhắc lịch nên không có tin nhắc nào để dừng.",
  quizStopped: "Đã dừng bài đang làm. Gõ HỌC để học bài khác.",

  quizIntro: (title: string, count: number) =>
    `Bài “${title}”: ${count} câu hỏi ngắn. Bác bấm nút để trả lời.`,
  quizResume: "Bác đang làm dở một bài. Mình làm tiếp nhé.",
  question: (n: number, total: number, prompt: string) => `Câu ${n}/${total}: ${prompt}`,
  right: (explanation: string) => `Đúng rồi! ${explanation}`,
  wrong: (rightOption: string, explanation: string) =>
    `Chưa đúng. Đáp án đúng là: ${endSentence(rightOption)} ${explanation}`,
  alreadyAnswered: "Câu đó bác đã trả lời rồi. Câu đang chờ bác:",
  pickAButton: "Bác bấm một trong các nút bên dưới nhé.",
  noQuiz: "Bác chưa bắt đầu bài nào. Gõ HỌC để bắt đầu.",
  quizDone: (correct: number, total: number, passed: boolean) =>
    `Bác đã xong bài: đúng ${correct}/${total} câu. ${passed ? "Giỏi quá!" : "Bác xem lại bài rồi làm lại nhé."}`,
  reviewInApp: (url: string) => `Xem lại bài trong ứng dụng: ${url}`,
  progressNotKept: "Kết quả này chưa được lưu vào ứng dụng vì bác chưa đồng ý lưu tiến độ học. Bác có thể bật trong ứng dụng, mục “Dữ liệu của tôi”.",

  submitInfoNotKept: "Cảm ơn bác. Trang này không cần thông tin cá nhân của bác nên chúng tôi không lưu lại.",
} as const;

/** Adds a full stop unless the text already ends a sentence. */
export function endSentence(text: string): string {
  const t = text.trim();
  return /[.!?…]$/.test(t) ? t : `${t}.`;
}

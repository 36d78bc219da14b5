// The facilitator's screens, under /huong-dan (người hướng dẫn).
export const ANNOUNCEMENTS_PATH = "/huong-dan/thong-bao";
export const COMPOSER_PATH = "/huong-dan/thong-bao/moi";
/** Tin nhắc lịch học: the TDPs' class reminders and notices */
export const CLASS_REMINDERS_PATH = "/huong-dan/nhac-lich";

export function reportPath(id: number): string {
  return `${ANNOUNCEMENTS_PATH}/${id}`;
}

// The facilitator's screens, under /huong-dan (người hướng dẫn).
export const ANNOUNCEMENTS_PATH = "/huong-dan/thong-bao";
export const COMPOSER_PATH = "/huong-dan/thong-bao/moi";

export function reportPath(id: number): string {
  return `${ANNOUNCEMENTS_PATH}/${id}`;
}

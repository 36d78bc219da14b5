// Times on the web page as a ward officer reads them (DESIGN.md "Configuration"): Vietnam
// time (UTC+7 all year, no daylight saving), e.g. "Thứ Bảy, 28/11/2026 19:00".

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
/** getUTCDay() order: Sunday first */
const WEEKDAYS = ["Chủ Nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"] as const;

export function vietnamTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const local = new Date(ms + VIETNAM_OFFSET_MS);
  const two = (n: number) => String(n).padStart(2, "0");
  const date = `${two(local.getUTCDate())}/${two(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}`;
  return `${WEEKDAYS[local.getUTCDay()]}, ${date} ${two(local.getUTCHours())}:${two(local.getUTCMinutes())}`;
}

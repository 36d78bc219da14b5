// One line that sums up an announcement's deliveries for the facilitator: "Đã gửi 2/3 nhóm ·
// Đang chờ 1", leaving out statuses no group is in.
import type { DeliveryCounts } from "@hocso/shared/announcements";
import { strings } from "../../app/strings.ts";

export function summaryLine(counts: DeliveryCounts): string {
  const t = strings.facilitator.summary;
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const parts = [t.sent(counts.sent, total)];
  if (counts.waiting > 0) parts.push(t.waiting(counts.waiting));
  if (counts["share-by-hand"] > 0) parts.push(t.byHand(counts["share-by-hand"]));
  if (counts.failed > 0) parts.push(t.failed(counts.failed));
  if (counts.expired > 0) parts.push(t.expired(counts.expired));
  if (counts.cancelled > 0) parts.push(t.cancelled(counts.cancelled));
  return parts.join(" · ");
}

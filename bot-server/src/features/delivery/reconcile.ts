// Before sending a message in doubt again (a crash or a timeout may have let it through), look
// in the group: the OA's own message with the same text, written no earlier than a minute
// before the row was made, means it arrived (DESIGN.md "Delivery guarantees").
import type { Db } from "../../db/database.ts";
import { messageIdsRecordedByOthers } from "../../db/outbox-leases.ts";
import type { OutboxRow } from "../../db/outbox.ts";
import type { ChannelAdapter, DeliveredMessage } from "./channel-adapters.ts";

/** Zalo's clock and ours may disagree a little; a message a minute "older" than its row still counts. */
export const CLOCK_SKEW_MS = 60_000;

/**
 * The message Zalo already shows for this row, or null when there is none and it must be
 * sent. A message id another row already recorded is not this row's (two rows may carry the
 * same text). Throws what the read throws.
 */
export async function findDelivered(
  db: Db,
  adapter: Required<Pick<ChannelAdapter, "recentOwnMessages">>,
  row: Pick<OutboxRow, "id" | "recipient" | "message" | "createdAt">,
): Promise<DeliveredMessage | null> {
  if (row.recipient === null) return null;
  const want = comparable(row.message.text);
  const since = Date.parse(row.createdAt) - CLOCK_SKEW_MS;
  const candidates = (await adapter.recentOwnMessages(row.recipient)).filter(
    (m) => m.time.getTime() >= since && comparable(m.text) === want,
  );
  const taken = messageIdsRecordedByOthers(
    db,
    row.id,
    candidates.map((m) => m.messageId),
  );
  return candidates.find((m) => !taken.has(m.messageId)) ?? null;
}

/** NFC and without surrounding blanks: how Vietnamese text compares across keyboards and hops. */
function comparable(text: string): string {
  return text.normalize("NFC").trim();
}

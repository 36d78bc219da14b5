// Deleting an account also forgets what the OA chat kept about the same resident once the
// two were linked: their TDP choice, reminders decision, quiz position and the senders
// named in stored webhook events.
import request from "supertest";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bearer, signIn } from "../support/api-harness.ts";
import { ask, follows, keyOf, press, settled, startWebhookHarness, type WebhookHarness } from "../support/webhook-harness.ts";

let h: WebhookHarness;

beforeEach(async () => {
  h = await startWebhookHarness();
});
afterEach(() => h.stop());

function rowsAbout(oaUserId: string) {
  const count = (sql: string) => (h.db.prepare(sql).get(oaUserId, oaUserId) as { n: number }).n;
  return {
    chatResidents: count("SELECT count(*) AS n FROM chat_residents WHERE oa_user_id = ? OR oa_user_id = ?"),
    chatQuizzes: count("SELECT count(*) AS n FROM chat_quizzes WHERE oa_user_id = ? OR oa_user_id = ?"),
    inboxPayloads: count(
      "SELECT count(*) AS n FROM webhook_inbox WHERE json_extract(payload, '$.sender.id') = ? OR json_extract(payload, '$.follower.id') = ?",
    ),
  };
}

describe("DELETE /api/v1/me for a learner linked to the OA chat", () => {
  it("leaves nothing in the chat tables or the webhook inbox that names the resident", async () => {
    const learner = await signIn(h, "Ông Bảy");
    await settled(h, keyOf(await follows(h, learner)));
    await press(h, learner, "tdp giai-phong");
    await ask(h, learner, "học");
    const before = rowsAbout(learner.oaUserId);
    expect(before.chatResidents).toBe(1);
    expect(before.chatQuizzes).toBe(1);
    expect(before.inboxPayloads).toBeGreaterThan(0);
    const inboxRows = (h.db.prepare("SELECT count(*) AS n FROM webhook_inbox").get() as { n: number }).n;

    await request(h.app).delete("/api/v1/me").set(bearer(learner.token)).expect(204);

    expect(rowsAbout(learner.oaUserId)).toEqual({ chatResidents: 0, chatQuizzes: 0, inboxPayloads: 0 });
    // The event keys stay, so a late retry of an old event is still known as a duplicate.
    expect((h.db.prepare("SELECT count(*) AS n FROM webhook_inbox").get() as { n: number }).n).toBe(inboxRows);
  });
});

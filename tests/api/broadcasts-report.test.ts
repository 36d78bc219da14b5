// The delivery report of an announcement (GET /api/v1/announcements[/:id]), cancelling what has
// not gone (…/cancel) and "Tôi đã chia sẻ" for a group shared by hand (…/deliveries/:tdpId/shared).
// The outbox sender is not part of these tests: where a report needs a row the sender would
// have moved, the test moves it in SQL the way the sender does.
import { ward } from "@hocso/content/ward";
import { upsertResidentialGroups } from "@hocso/bot-server/db/residential-groups";
import { saveStaff } from "@hocso/bot-server/db/staff";
import { AnnouncementListSchema, AnnouncementSchema, type Announcement } from "@hocso/shared/announcements";
import request from "supertest";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bearer, signIn, startApiHarness, userIdOf, type ApiHarness, type SignedIn } from "../support/api-harness.ts";

let h: ApiHarness;
let facilitator: SignedIn;
let neighbour: SignedIn;
let admin: SignedIn;
let learner: SignedIn;
const [mine, theirs, third] = [ward.residentialGroups[0]!, ward.residentialGroups[1]!, ward.residentialGroups[2]!];
const shareTdp = { id: "to-nhom-thuong", name: "Tổ dân phố nhóm thường", adultPopulation: 10, channel: "share" as const };

beforeEach(async () => {
  h = await startApiHarness();
  upsertResidentialGroups(h.db, [shareTdp], h.clock.now());
  [facilitator, neighbour, admin, learner] = await Promise.all([
    signIn(h, "Tổ trưởng Giải Phóng"),
    signIn(h, "Tổ trưởng mẫu 1"),
    signIn(h, "Cán bộ phường"),
    signIn(h, "Bà Tư"),
  ]);
  grant(facilitator, "facilitator", [mine.id, shareTdp.id]);
  grant(neighbour, "facilitator", [theirs.id]);
  grant(admin, "admin");
});
afterEach(() => h.stop());

function grant(who: SignedIn, role: "admin" | "facilitator", tdpIds: string[] = []): void {
  saveStaff(h.db, { userId: userIdOf(h, who), role, tdpIds, grantedBy: null }, h.clock.now());
}

async function announce(who: SignedIn, tdpIds: string[], text = "Họp tổ tối thứ Bảy."): Promise<Announcement> {
  const res = await request(h.app).post("/api/v1/announcements").set(bearer(who.token)).send({ text, tdpIds }).expect(201);
  return AnnouncementSchema.parse(res.body);
}

function get(who: SignedIn, path: string) {
  return request(h.app).get(`/api/v1${path}`).set(bearer(who.token));
}

function postTo(who: SignedIn, path: string) {
  return request(h.app).post(`/api/v1${path}`).set(bearer(who.token));
}

/** What the sender does to a row: sent with Zalo's id, or a permanent failure with its reason. */
function senderMoves(announcementId: number, tdpId: string, to: "sent" | "failed" | "sending" | "expired"): void {
  const at = h.clock.now().toISOString();
  const set = {
    sent: "state = 'sent', sent_at = @at, provider_message_id = 'zalo-msg-1'",
    failed: "state = 'failed', failure = 'Zalo OA không còn trong nhóm này (-403).'",
    sending: "state = 'sending', lease_until = @at",
    expired: "state = 'expired', failure = 'Quá hạn gửi.'",
  }[to];
  h.db
    .prepare(`UPDATE outbox SET ${set}, updated_at = @at WHERE announcement_id = @id AND tdp_id = @tdpId`)
    .run({ at, id: announcementId, tdpId });
}

describe("GET /api/v1/announcements/:id", () => {
  it("shows each group's status in the facilitator's words, with the reason of a failure", async () => {
    const a = await announce(admin, [mine.id, theirs.id, third.id, shareTdp.id]);
    senderMoves(a.id, mine.id, "sent");
    senderMoves(a.id, theirs.id, "failed");
    senderMoves(a.id, third.id, "sending");
    const res = await get(admin, `/announcements/${a.id}`).expect(200);
    const byTdp = Object.fromEntries(
      AnnouncementSchema.parse(res.body).deliveries.map((d) => [d.tdpId, [d.status, d.reason, d.sentAt]]),
    );
    expect(byTdp).toEqual({
      [mine.id]: ["sent", null, h.clock.now().toISOString()],
      [theirs.id]: ["failed", "Zalo OA không còn trong nhóm này (-403).", null],
      [third.id]: ["waiting", null, null],
      [shareTdp.id]: ["share-by-hand", null, null],
    });
  });

  it("shows a facilitator only their own groups of a ward-wide announcement", async () => {
    const a = await announce(admin, [mine.id, theirs.id, third.id]);
    const res = await get(facilitator, `/announcements/${a.id}`).expect(200);
    expect(res.body.deliveries.map((d: { tdpId: string }) => d.tdpId)).toEqual([mine.id]);
  });

  it("answers 403 naming the TDP for an announcement to none of the caller's groups, and 404 for one that does not exist", async () => {
    const a = await announce(neighbour, [theirs.id]);
    const other = await get(facilitator, `/announcements/${a.id}`).expect(403);
    expect(other.body.error.message).toContain(theirs.id);
    const missing = await get(facilitator, "/announcements/999").expect(404);
    expect(missing.body.error.message).toBe("There is no announcement 999");
  });

  it("answers 400 for an id that is not a number, 403 for a learner", async () => {
    const res = await get(facilitator, "/announcements/abc").expect(400);
    expect(res.body.error.fields[0].path).toBe("id");
    await get(learner, "/announcements/1").expect(403);
  });
});

describe("GET /api/v1/announcements", () => {
  it("lists the caller's announcements newest first, counting only their groups", async () => {
    const first = await announce(facilitator, [mine.id, shareTdp.id], "Một");
    h.clock.advance(60_000);
    const wardWide = await announce(admin, [mine.id, theirs.id, third.id], "Hai");
    h.clock.advance(60_000);
    await announce(neighbour, [theirs.id], "Ba");
    senderMoves(first.id, mine.id, "sent");

    const res = await get(facilitator, "/announcements").expect(200);
    const items = AnnouncementListSchema.parse(res.body).items;
    expect(items.map((i) => [i.id, i.text, i.total])).toEqual([
      [wardWide.id, "Hai", 1],
      [first.id, "Một", 2],
    ]);
    expect(items[1]!.counts).toEqual({ sent: 1, waiting: 0, failed: 0, expired: 0, cancelled: 0, "share-by-hand": 1 });
    expect(items[0]!.counts.waiting).toBe(1);

    const all = await get(admin, "/announcements").expect(200);
    expect(all.body.items.map((i: { text: string }) => i.text)).toEqual(["Ba", "Hai", "Một"]);
    expect(all.body.items[1].total).toBe(3);
  });

  it("is empty for a facilitator who has sent nothing, and 403 for a learner", async () => {
    expect((await get(facilitator, "/announcements").expect(200)).body).toEqual({ items: [] });
    await get(learner, "/announcements").expect(403);
  });
});

describe("POST /api/v1/announcements/:id/cancel", () => {
  it("cancels every group not sent yet with a reason, keeps what went, and answers the same when asked again", async () => {
    const a = await announce(facilitator, [mine.id, shareTdp.id]);
    const res = await postTo(facilitator, `/announcements/${a.id}/cancel`).expect(200);
    expect(res.body.cancelledAt).toBe(h.clock.now().toISOString());
    expect(res.body.deliveries.map((d: { status: string; reason: string }) => [d.status, d.reason])).toEqual([
      ["cancelled", "Người hướng dẫn đã hủy thông báo này trước khi gửi."],
      ["cancelled", "Người hướng dẫn đã hủy thông báo này trước khi gửi."],
    ]);
    h.clock.advance(60_000);
    const again = await postTo(facilitator, `/announcements/${a.id}/cancel`).expect(200);
    expect(again.body).toEqual(res.body);
  });

  it("leaves a group already sent as sent", async () => {
    const a = await announce(admin, [mine.id, theirs.id]);
    senderMoves(a.id, mine.id, "sent");
    const res = await postTo(admin, `/announcements/${a.id}/cancel`).expect(200);
    expect(res.body.deliveries.map((d: { status: string }) => d.status)).toEqual(["sent", "cancelled"]);
  });

  it("answers 409 when everything has already gone, and records no cancellation", async () => {
    const a = await announce(facilitator, [mine.id]);
    senderMoves(a.id, mine.id, "sent");
    const res = await postTo(facilitator, `/announcements/${a.id}/cancel`).expect(409);
    expect(res.body.error.code).toBe("conflict");
    expect((await get(facilitator, `/announcements/${a.id}`)).body.cancelledAt).toBeNull();
  });

  it("answers 403 naming the other groups when a facilitator tries to cancel a ward-wide announcement", async () => {
    const a = await announce(admin, [mine.id, theirs.id]);
    const res = await postTo(facilitator, `/announcements/${a.id}/cancel`).expect(403);
    expect(res.body.error.message).toContain(theirs.id);
    expect((await get(admin, `/announcements/${a.id}`)).body.deliveries.map((d: { status: string }) => d.status)).toEqual([
      "waiting",
      "waiting",
    ]);
  });
});

describe("POST /api/v1/announcements/:id/deliveries/:tdpId/shared", () => {
  it("marks a group shared by hand as sent now, with no Zalo id, and is idempotent", async () => {
    const a = await announce(facilitator, [mine.id, shareTdp.id]);
    h.clock.advance(5 * 60_000);
    const sharedAt = h.clock.now().toISOString();
    const res = await postTo(facilitator, `/announcements/${a.id}/deliveries/${shareTdp.id}/shared`).expect(200);
    expect(res.body.deliveries[1]).toMatchObject({ tdpId: shareTdp.id, status: "sent", sentAt: sharedAt, messageText: null });
    expect(h.db.prepare("SELECT state, sent_at, provider_message_id FROM outbox WHERE tdp_id = ?").get(shareTdp.id)).toEqual({
      state: "sent",
      sent_at: sharedAt,
      provider_message_id: null,
    });
    h.clock.advance(60_000);
    const again = await postTo(facilitator, `/announcements/${a.id}/deliveries/${shareTdp.id}/shared`).expect(200);
    expect(again.body.deliveries[1].sentAt).toBe(sharedAt);
  });

  it("answers 409 for a group the OA posts to itself, and for a cancelled one", async () => {
    const a = await announce(facilitator, [mine.id, shareTdp.id]);
    await postTo(facilitator, `/announcements/${a.id}/deliveries/${mine.id}/shared`).expect(409);
    await postTo(facilitator, `/announcements/${a.id}/cancel`).expect(200);
    const res = await postTo(facilitator, `/announcements/${a.id}/deliveries/${shareTdp.id}/shared`).expect(409);
    expect(res.body.error.message).toContain("cancelled");
  });

  it("answers 404 for a group the announcement did not go to, 403 for a group outside the scope", async () => {
    const a = await announce(admin, [mine.id, theirs.id]);
    await postTo(facilitator, `/announcements/${a.id}/deliveries/${shareTdp.id}/shared`).expect(404);
    const res = await postTo(facilitator, `/announcements/${a.id}/deliveries/${theirs.id}/shared`).expect(403);
    expect(res.body.error.message).toContain(theirs.id);
  });
});

// The audit log of privileged actions, read as the ward office reads it (GET /api/v1/audit):
// each action leaves exactly one entry naming its actor, TDP and subject, with ids and counts
// only, never a message's text; refused requests leave none; only an admin may read it. Real
// HTTP, a real SQLite file, the real planner. The clock stands at Thứ Sáu 04/12/2026, 19:05
// ward time, when the evening-before reminders of Saturday's classes are due.
import { runStaffCommand } from "@hocso/bot-server/cli/staff";
import { upsertResidentialGroups } from "@hocso/bot-server/db/residential-groups";
import { updateProfile } from "@hocso/bot-server/db/users";
import { planReminders } from "@hocso/bot-server/features/reminders/planner";
import { createLogger } from "@hocso/bot-server/lib/logger";
import { TestClock } from "@hocso/bot-server/testing/test-clock";
import { AuditPageSchema, type AuditEntry } from "@hocso/shared/staff-admin";
import request from "supertest";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bearer, signIn, signInAsStaff, startApiHarness, userIdOf, type ApiHarness, type SignedIn } from "../support/api-harness.ts";
import { addWeeklyClasses, weeklyClass } from "../support/classes.ts";

const FRIDAY_1905 = "2026-12-04T12:05:00.000Z";
const SEEDED = "giai-phong-toi-thu-bay";
const shareTdp = { id: "to-nhom-thuong", name: "Tổ dân phố nhóm thường", adultPopulation: 10, channel: "share" as const };
const SHARE_CLASS = "to-nhom-thuong-toi-thu-bay";
const TEXT = "Bác Năm ở số 12 nhớ mang điện thoại đã sạc pin tới Nhà văn hóa.";

let h: ApiHarness;
let admin: SignedIn;
/** facilitator of giai-phong and the TDP whose group is shared into by hand */
let facilitator: SignedIn;
/** facilitator of mau-1 only */
let neighbour: SignedIn;
let learner: SignedIn;

beforeEach(async () => {
  h = await startApiHarness({ clock: new TestClock(FRIDAY_1905) });
  upsertResidentialGroups(h.db, [shareTdp], h.clock.now());
  addWeeklyClasses(h, [weeklyClass({ id: SHARE_CLASS, tdpId: shareTdp.id, weekday: 6, startTime: "19:00" })]);
  admin = await signInAsStaff(h, "Cán bộ phường", "admin", []);
  facilitator = await signInAsStaff(h, "Tổ trưởng Giải Phóng", "facilitator", ["giai-phong", shareTdp.id]);
  neighbour = await signInAsStaff(h, "Tổ trưởng mẫu 1", "facilitator", ["mau-1"]);
  learner = await signIn(h, "Bà Tư");
  updateProfile(h.db, userIdOf(h, facilitator), { displayName: "Nguyễn Văn A" }, h.clock.now());
});
afterEach(() => h.stop());

const api = () => request(h.app);

async function readLog(query: Record<string, number> = {}): Promise<{ entries: AuditEntry[]; nextBefore: number | null }> {
  const res = await api().get("/api/v1/audit").query(query).set(bearer(admin.token)).expect(200);
  expect(res.headers["cache-control"]).toBe("private, no-store");
  return AuditPageSchema.parse(res.body);
}

function lastId(): number {
  return (h.db.prepare("SELECT coalesce(max(id), 0) AS id FROM audit_log").get() as { id: number }).id;
}

/** The entries `action` added to the log, read through the API. */
async function entriesOf(action: () => Promise<unknown> | unknown): Promise<AuditEntry[]> {
  const before = lastId();
  await action();
  return (await readLog({ limit: 100 })).entries.filter((e) => e.id > before);
}

/** Exactly one new entry, by the facilitator with the display name. */
async function oneByFacilitator(action: () => Promise<unknown> | unknown): Promise<AuditEntry> {
  const entries = await entriesOf(action);
  expect(entries).toHaveLength(1);
  expect(entries[0]).toMatchObject({
    at: h.clock.now().toISOString(),
    actorId: userIdOf(h, facilitator),
    actorRole: "facilitator",
    actorName: "Nguyễn Văn A",
  });
  return entries[0]!;
}

async function oneByAdmin(action: () => Promise<unknown> | unknown): Promise<AuditEntry> {
  const entries = await entriesOf(action);
  expect(entries).toHaveLength(1);
  expect(entries[0]).toMatchObject({ actorId: userIdOf(h, admin), actorRole: "admin", actorName: null });
  return entries[0]!;
}

function plan() {
  return planReminders({ db: h.db, clock: h.clock, logger: createLogger("silent"), miniAppId: "hocso-test" });
}

function everythingLogged(): string {
  return JSON.stringify(h.db.prepare("SELECT * FROM audit_log").all());
}

describe("weekly classes", () => {
  const newClass = {
    tdpId: "giai-phong",
    weekday: 3,
    startTime: "18:30",
    durationMinutes: 90,
    place: "Nhà ông Bảy, hẻm 4",
    topic: "Nộp hồ sơ trực tuyến",
    lessonIds: ["nop-ho-so-truc-tuyen"],
    bring: "Căn cước của bác Tám",
    firstDate: "2026-12-07",
    lastDate: null,
  };

  it("records creating, editing, cancelling and restoring a date, each once", async () => {
    const created = await oneByFacilitator(() =>
      api().post("/api/v1/classes").set(bearer(facilitator.token)).send(newClass).expect(201),
    );
    expect(created).toMatchObject({
      action: "class.create",
      tdpId: "giai-phong",
      subject: "giai-phong-thu-tu-1830",
      details: { weekday: 3, startTime: "18:30", lessons: 1 },
    });

    const updated = await oneByFacilitator(() =>
      api().patch("/api/v1/classes/giai-phong-thu-tu-1830").set(bearer(facilitator.token)).send({ place: "Nhà văn hóa" }).expect(200),
    );
    expect(updated).toMatchObject({ action: "class.update", tdpId: "giai-phong", subject: "giai-phong-thu-tu-1830" });
    expect(updated.details).toMatchObject({ fields: ["place"] });

    const path = `/api/v1/classes/${SEEDED}/cancellations/2026-12-12`;
    const cancelled = await oneByFacilitator(() => api().put(path).set(bearer(facilitator.token)).expect(200));
    expect(cancelled).toMatchObject({
      action: "class.cancel-date",
      tdpId: "giai-phong",
      subject: SEEDED,
      details: { date: "2026-12-12", remindersCancelled: 0, noticesQueued: 0 },
    });
    expect(await entriesOf(() => api().put(path).set(bearer(facilitator.token)).expect(200))).toEqual([]);

    const restored = await oneByFacilitator(() => api().delete(path).set(bearer(facilitator.token)).expect(200));
    expect(restored).toMatchObject({ action: "class.restore-date", tdpId: "giai-phong", subject: SEEDED, details: { date: "2026-12-12" } });
    expect(await entriesOf(() => api().delete(path).set(bearer(facilitator.token)).expect(200))).toEqual([]);

    // places and things to bring are the facilitator's words: they stay out of the log
    expect(everythingLogged()).not.toContain("Nhà ông Bảy");
    expect(everythingLogged()).not.toContain("Căn cước");
  });

  it("records nothing for a refused change", async () => {
    expect(
      await entriesOf(async () => {
        await api().post("/api/v1/classes").set(bearer(neighbour.token)).send(newClass).expect(403);
        await api().post("/api/v1/classes").set(bearer(facilitator.token)).send({ ...newClass, weekday: 9 }).expect(400);
        await api().put(`/api/v1/classes/${SEEDED}/cancellations/2026-12-12`).set(bearer(learner.token)).expect(403);
      }),
    ).toEqual([]);
  });
});

describe("announcements and reminders shared by hand", () => {
  it("records sending and cancelling an announcement, by ids and counts, never its text", async () => {
    let id = 0;
    const sent = await oneByFacilitator(async () => {
      const res = await api()
        .post("/api/v1/announcements")
        .set(bearer(facilitator.token))
        .send({ text: TEXT, tdpIds: ["giai-phong", shareTdp.id], sendAt: "2026-12-05T01:00:00.000Z" })
        .expect(201);
      id = res.body.id as number;
    });
    expect(sent).toMatchObject({
      action: "announcement.send",
      tdpId: null,
      subject: String(id),
      details: { tdpIds: ["giai-phong", shareTdp.id], urgent: false, scheduled: true },
    });

    const cancelled = await oneByFacilitator(() =>
      api().post(`/api/v1/announcements/${id}/cancel`).set(bearer(facilitator.token)).expect(200),
    );
    expect(cancelled).toMatchObject({ action: "announcement.cancel", tdpId: null, subject: String(id), details: { groupsStopped: 2 } });
    expect(everythingLogged()).not.toContain("Bác Năm");
    expect(everythingLogged()).not.toContain("sạc pin");
  });

  it("records an announcement shared by hand into a group, once", async () => {
    const res = await api()
      .post("/api/v1/announcements")
      .set(bearer(facilitator.token))
      .send({ text: TEXT, tdpIds: [shareTdp.id] })
      .expect(201);
    const id = res.body.id as number;
    const path = `/api/v1/announcements/${id}/deliveries/${shareTdp.id}/shared`;
    const entry = await oneByFacilitator(() => api().post(path).set(bearer(facilitator.token)).expect(200));
    expect(entry).toMatchObject({ action: "announcement.shared-by-hand", tdpId: shareTdp.id, subject: String(id) });
    expect(await entriesOf(() => api().post(path).set(bearer(facilitator.token)).expect(200))).toEqual([]);
    const sentEntry = (await readLog()).entries.find((e) => e.action === "announcement.send");
    expect(sentEntry).toMatchObject({ tdpId: shareTdp.id, subject: String(id), details: { scheduled: false } });
    expect(everythingLogged()).not.toContain("Bác Năm");
  });

  it("records a class reminder shared by hand, once", async () => {
    plan();
    const row = h.db
      .prepare("SELECT id FROM outbox WHERE dedupe_key = ?")
      .get(`reminder:${SHARE_CLASS}:2026-12-05:day-before:${shareTdp.id}`) as { id: number };
    const path = `/api/v1/staff/reminders/${row.id}/shared`;
    const entry = await oneByFacilitator(() => api().post(path).set(bearer(facilitator.token)).expect(200));
    expect(entry).toMatchObject({
      action: "reminder.shared-by-hand",
      tdpId: shareTdp.id,
      subject: String(row.id),
      details: { classId: SHARE_CLASS, date: "2026-12-05", kind: "reminder" },
    });
    expect(await entriesOf(() => api().post(path).set(bearer(facilitator.token)).expect(200))).toEqual([]);
  });
});

describe("the ward's settings", () => {
  it("records an admin changing the reminder times and quiet hours", async () => {
    const settings = { reminders: { dayBeforeAt: "18:30", hoursBefore: 3 }, quietHours: { start: "21:30", end: "06:00" } };
    const entry = await oneByAdmin(() => api().put("/api/v1/ward/settings").set(bearer(admin.token)).send(settings).expect(200));
    expect(entry).toMatchObject({
      action: "ward-settings.update",
      tdpId: null,
      subject: null,
      details: { dayBeforeAt: "18:30", hoursBefore: 3, quietStart: "21:30", quietEnd: "06:00" },
    });
  });
});

describe("roles and invitations", () => {
  it("records an invitation made, revoked and accepted, and a role changed and removed", async () => {
    let code = "";
    let invitationId = 0;
    const created = await oneByAdmin(async () => {
      const res = await api()
        .post("/api/v1/staff/invitations")
        .set(bearer(admin.token))
        .send({ role: "facilitator", tdpIds: ["mau-2"] })
        .expect(201);
      code = res.body.code as string;
      invitationId = res.body.id as number;
    });
    expect(created).toMatchObject({
      action: "invitation.create",
      tdpId: "mau-2",
      subject: String(invitationId),
      details: { role: "facilitator", tdpIds: ["mau-2"] },
    });

    const person = await signIn(h, "Người được mời");
    const personId = userIdOf(h, person);
    const accepted = await entriesOf(() =>
      api().post("/api/v1/staff/invitations/accept").set(bearer(person.token)).send({ code }).expect(200),
    );
    expect(accepted).toEqual([
      expect.objectContaining({
        actorId: personId,
        actorRole: "facilitator",
        action: "invitation.accept",
        tdpId: "mau-2",
        subject: String(invitationId),
        details: { role: "facilitator", tdpIds: ["mau-2"], invitedBy: userIdOf(h, admin) },
      }),
    ]);
    expect(everythingLogged()).not.toContain(code);

    const other = await api()
      .post("/api/v1/staff/invitations")
      .set(bearer(admin.token))
      .send({ role: "admin", tdpIds: [] })
      .expect(201);
    const revoked = await oneByAdmin(() =>
      api().delete(`/api/v1/staff/invitations/${other.body.id}`).set(bearer(admin.token)).expect(204),
    );
    expect(revoked).toMatchObject({ action: "invitation.revoke", tdpId: null, subject: String(other.body.id) });

    const changed = await oneByAdmin(() =>
      api().put(`/api/v1/staff/${personId}`).set(bearer(admin.token)).send({ role: "facilitator", tdpIds: ["mau-3"] }).expect(200),
    );
    expect(changed).toMatchObject({
      action: "role.grant",
      tdpId: "mau-3",
      subject: String(personId),
      details: { role: "facilitator", tdpIds: ["mau-3"], previousRole: "facilitator", previousTdpIds: ["mau-2"] },
    });
    // the same role and TDPs again change nothing
    expect(
      await entriesOf(() =>
        api().put(`/api/v1/staff/${personId}`).set(bearer(admin.token)).send({ role: "facilitator", tdpIds: ["mau-3"] }).expect(200),
      ),
    ).toEqual([]);

    const removed = await oneByAdmin(() => api().delete(`/api/v1/staff/${personId}`).set(bearer(admin.token)).expect(204));
    expect(removed).toMatchObject({
      action: "role.revoke",
      tdpId: "mau-3",
      subject: String(personId),
      details: { role: "facilitator", tdpIds: ["mau-3"] },
    });
    expect(
      await entriesOf(() => api().delete(`/api/v1/staff/${userIdOf(h, admin)}`).set(bearer(admin.token)).expect(409)),
    ).toEqual([]);
  });

  it("records the command line's grants and removals as the operator's", async () => {
    const granted = await entriesOf(() => runStaffCommand(h.db, ["grant", "admin", learner.zaloId], h.clock.now()));
    expect(granted).toEqual([
      expect.objectContaining({
        actorId: null,
        actorRole: "operator",
        actorName: null,
        action: "role.grant",
        tdpId: null,
        subject: String(userIdOf(h, learner)),
        details: { role: "admin", tdpIds: [] },
      }),
    ]);
    const revoked = await entriesOf(() => runStaffCommand(h.db, ["revoke", neighbour.zaloId], h.clock.now()));
    expect(revoked).toEqual([
      expect.objectContaining({
        actorRole: "operator",
        action: "role.revoke",
        tdpId: "mau-1",
        subject: String(userIdOf(h, neighbour)),
        details: { role: "facilitator", tdpIds: ["mau-1"] },
      }),
    ]);
    expect(await entriesOf(() => runStaffCommand(h.db, ["revoke", neighbour.zaloId], h.clock.now()))).toEqual([]);
  });
});

describe("GET /api/v1/audit", () => {
  it("pages newest first with nextBefore, and ends with null", async () => {
    for (const tdp of ["mau-1", "mau-2", "mau-3"]) {
      await api().post("/api/v1/staff/invitations").set(bearer(admin.token)).send({ role: "facilitator", tdpIds: [tdp] }).expect(201);
    }
    const first = await readLog({ limit: 2 });
    expect(first.entries.map((e) => e.tdpId)).toEqual(["mau-3", "mau-2"]);
    expect(first.nextBefore).toBe(first.entries[1]!.id);
    const second = await readLog({ limit: 2, before: first.nextBefore! });
    expect(second.entries.map((e) => e.tdpId)).toEqual(["mau-1"]);
    expect(second.nextBefore).toBeNull();
  });

  it("refuses a limit over 100 or a bad cursor, naming the field", async () => {
    const res = await api().get("/api/v1/audit?limit=101").set(bearer(admin.token)).expect(400);
    expect(res.body.error.fields).toEqual([{ path: "limit", message: "a whole number, 1–100" }]);
    const bad = await api().get("/api/v1/audit?before=abc").set(bearer(admin.token)).expect(400);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path)).toEqual(["before"]);
  });

  it("is the ward office's only: 401 without a session, 403 for a facilitator and a learner", async () => {
    await api().get("/api/v1/audit").expect(401);
    for (const who of [facilitator, learner]) {
      const res = await api().get("/api/v1/audit").set(bearer(who.token)).expect(403);
      expect(res.body.error.message).toMatch(/"audit:view" permission/);
    }
  });
});

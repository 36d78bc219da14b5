// GET and PUT /api/v1/ward/settings: the reminder times and quiet hours, seeded once from the
// ward file, read by staff, changed by admins, kept over a restart, used by the next tick.

import { findOutboxByKey } from "@hocso/bot-server/db/outbox";
import { openDatabase } from "@hocso/bot-server/db/database";
import { setUpDatabase } from "@hocso/bot-server/db/setup";
import { planReminders } from "@hocso/bot-server/features/reminders/planner";
import { wardFile } from "@hocso/bot-server/lib/content";
import { createLogger } from "@hocso/bot-server/lib/logger";
import { StoredWardSettingsSchema } from "@hocso/shared/reminders";
import request from "supertest";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bearer, signIn, signInAsStaff, startApiHarness, type ApiHarness, type SignedIn } from "../support/api-harness.ts";

let h: ApiHarness;
let admin: SignedIn;
let facilitator: SignedIn;
let learner: SignedIn;

const SETTINGS = {
  reminders: { dayBeforeAt: "18:00", hoursBefore: 3 },
  quietHours: { start: "21:30", end: "06:00" },
};

beforeEach(async () => {
  h = await startApiHarness();
  admin = await signInAsStaff(h, "Cán bộ phường", "admin", []);
  facilitator = await signInAsStaff(h, "Tổ trưởng", "facilitator", ["giai-phong"]);
  learner = await signIn(h, "Người học");
});
afterEach(() => h.stop());

const api = () => request(h.app);

describe("GET /api/v1/ward/settings", () => {
  it("gives staff the ward file's reminder times and quiet hours, as seeded", async () => {
    const res = await api().get("/api/v1/ward/settings").set(bearer(facilitator.token)).expect(200);
    expect(StoredWardSettingsSchema.parse(res.body)).toEqual({
      reminders: wardFile.reminders,
      quietHours: wardFile.quietHours,
      updatedAt: h.clock.now().toISOString(),
    });
  });

  it("answers 401 without a session and 403 to a learner", async () => {
    await api().get("/api/v1/ward/settings").expect(401);
    await api().get("/api/v1/ward/settings").set(bearer(learner.token)).expect(403);
  });
});

describe("PUT /api/v1/ward/settings", () => {
  it("lets an admin change them, and keeps the change over a restart", async () => {
    h.clock.advance(60_000);
    const res = await api().put("/api/v1/ward/settings").set(bearer(admin.token)).send(SETTINGS).expect(200);
    expect(res.body).toEqual({ ...SETTINGS, updatedAt: h.clock.now().toISOString() });
    const restarted = openDatabase(h.config.databasePath);
    setUpDatabase(restarted, wardFile, h.clock.now());
    restarted.close();
    const read = await api().get("/api/v1/ward/settings").set(bearer(facilitator.token)).expect(200);
    expect(read.body).toEqual(res.body);
  });

  it("plans the next reminders at the new times", async () => {
    await api().put("/api/v1/ward/settings").set(bearer(admin.token)).send(SETTINGS).expect(200);
    h.clock.advance(6 * 86_400_000 + 10 * 3_600_000); // Friday 04/12, 18:00
    planReminders({ db: h.db, clock: h.clock, logger: createLogger("silent"), miniAppId: "hocso-test" });
    const row = findOutboxByKey(h.db, "reminder:giai-phong-toi-thu-bay:2026-12-05:day-before:sandbox-giai-phong");
    expect(row).toMatchObject({ state: "pending", dueAt: "2026-12-04T11:00:00.000Z" });
  });

  it("names every bad field in one 400 and changes nothing", async () => {
    const res = await api()
      .put("/api/v1/ward/settings")
      .set(bearer(admin.token))
      .send({ reminders: { dayBeforeAt: "7pm", hoursBefore: 13 }, quietHours: { start: "21:00" }, sms: true })
      .expect(400);
    const paths = (res.body.error.fields as Array<{ path: string }>).map((f) => f.path).sort();
    expect(paths).toEqual(["quietHours.end", "reminders.dayBeforeAt", "reminders.hoursBefore", "sms"]);
    const read = await api().get("/api/v1/ward/settings").set(bearer(admin.token)).expect(200);
    expect(read.body.reminders).toEqual(wardFile.reminders);
  });

  it("refuses an evening reminder time inside the quiet hours", async () => {
    const res = await api()
      .put("/api/v1/ward/settings")
      .set(bearer(admin.token))
      .send({ ...SETTINGS, reminders: { dayBeforeAt: "22:00", hoursBefore: 2 } })
      .expect(400);
    expect(res.body.error.fields).toEqual([
      { path: "reminders.dayBeforeAt", message: expect.stringContaining("quiet hours (21:30–06:00)") },
    ]);
  });

  it("answers 401 without a session", async () => {
    await api().put("/api/v1/ward/settings").send(SETTINGS).expect(401);
  });

  it("answers 403 to a facilitator and to a learner", async () => {
    const res = await api().put("/api/v1/ward/settings").set(bearer(facilitator.token)).send(SETTINGS).expect(403);
    expect(res.body.error.message).toContain("ward:configure");
    await api().put("/api/v1/ward/settings").set(bearer(learner.token)).send(SETTINGS).expect(403);
  });
});

// GET and PATCH /api/v1/me: the learner's profile and consents, through a real sign-in.
import { CONSENT_TEXT_VERSION } from "@hocso/shared/learner";
import { MeSchema } from "@hocso/shared/api";
import { ward } from "@hocso/content/ward";
import request from "supertest";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bearer, countRows, signIn, startApiHarness, type ApiHarness, type SignedIn } from "../support/api-harness.ts";

let h: ApiHarness;
let learner: SignedIn;
const tdp = ward.residentialGroups[0]!;

beforeEach(async () => {
  h = await startApiHarness();
  learner = await signIn(h, "Bà Nguyễn Thị Tư");
});
afterEach(() => h.stop());

function patch(body: unknown) {
  return request(h.app).patch("/api/v1/me").set(bearer(learner.token)).send(body as object);
}

function userRow(): Record<string, unknown> {
  return h.db.prepare("SELECT display_name, tdp_id, audience, age_band, guardian_confirmed, updated_at FROM users").get() as Record<
    string,
    unknown
  >;
}

describe("GET /api/v1/me", () => {
  it("shows a new learner with nothing stored about them yet, not even Zalo's name", async () => {
    const res = await request(h.app).get("/api/v1/me").set(bearer(learner.token)).expect(200);
    expect(MeSchema.parse(res.body)).toMatchObject({ displayName: null, tdpId: null, consents: {}, certifiedOn: null });
  });
});

describe("PATCH /api/v1/me", () => {
  it("saves TDP, audience, age band and the name the learner typed", async () => {
    const res = await patch({ displayName: "Bà Tư", tdpId: tdp.id, audience: "nguoi-dan", ageBand: "60-tro-len" }).expect(200);
    expect(res.body).toMatchObject({ displayName: "Bà Tư", tdpId: tdp.id, audience: "nguoi-dan", ageBand: "60-tro-len" });
    const again = await request(h.app).get("/api/v1/me").set(bearer(learner.token)).expect(200);
    expect(again.body).toEqual(res.body);
  });

  it("clears the display name when sent null", async () => {
    await patch({ displayName: "Bà Tư" }).expect(200);
    const res = await patch({ displayName: null }).expect(200);
    expect(res.body.displayName).toBeNull();
  });

  it("answers 400 naming tdpId for a TDP the ward does not have, and writes nothing", async () => {
    const before = userRow();
    const res = await patch({ tdpId: "to-khong-ton-tai", audience: "cbccvc" }).expect(400);
    expect(res.body.error.code).toBe("bad_request");
    expect(res.body.error.fields).toEqual([{ path: "tdpId", message: expect.stringContaining("GET /api/v1/config") }]);
    expect(userRow()).toEqual(before);
  });

  it("refuses an under-16 learner without a guardian's confirmation, explaining why", async () => {
    const res = await patch({ ageBand: "duoi-16", tdpId: tdp.id }).expect(400);
    expect(res.body.error.fields).toEqual([
      { path: "guardianConfirmed", message: expect.stringContaining("guardian must confirm") },
    ]);
    expect(userRow()).toMatchObject({ age_band: null, tdp_id: null });
  });

  it("accepts an under-16 learner whose guardian confirmed, and keeps that confirmation from being dropped", async () => {
    await patch({ ageBand: "duoi-16", guardianConfirmed: true }).expect(200);
    const res = await patch({ guardianConfirmed: false }).expect(400);
    expect(res.body.error.fields[0].path).toBe("guardianConfirmed");
    await patch({ ageBand: "16-59", guardianConfirmed: false }).expect(200);
  });

  it("records each consent with the notice version and the time it was decided", async () => {
    const res = await patch({ consents: { progress: true, reminders: false }, consentVersion: CONSENT_TEXT_VERSION }).expect(200);
    const at = h.clock.now().toISOString();
    expect(res.body.consents).toEqual({
      progress: { granted: true, version: CONSENT_TEXT_VERSION, decidedAt: at },
      reminders: { granted: false, version: CONSENT_TEXT_VERSION, decidedAt: at },
    });
    const rows = h.db.prepare("SELECT purpose, granted, text_version, decided_at FROM consents ORDER BY purpose").all();
    expect(rows).toEqual([
      { purpose: "progress", granted: 1, text_version: CONSENT_TEXT_VERSION, decided_at: at },
      { purpose: "reminders", granted: 0, text_version: CONSENT_TEXT_VERSION, decided_at: at },
    ]);
  });

  it("keeps the original decision time when the same consent is sent again, and records a withdrawal", async () => {
    const first = await patch({ consents: { progress: true }, consentVersion: CONSENT_TEXT_VERSION }).expect(200);
    h.clock.advance(60_000);
    const replay = await patch({ consents: { progress: true }, consentVersion: CONSENT_TEXT_VERSION }).expect(200);
    expect(replay.body.consents.progress).toEqual(first.body.consents.progress);
    h.clock.advance(60_000);
    const withdrawn = await patch({ consents: { progress: false }, consentVersion: CONSENT_TEXT_VERSION }).expect(200);
    expect(withdrawn.body.consents.progress).toEqual({
      granted: false,
      version: CONSENT_TEXT_VERSION,
      decidedAt: h.clock.now().toISOString(),
    });
  });

  it("answers 400 when consents come without the notice version, or with an unknown one", async () => {
    const missing = await patch({ consents: { progress: true } }).expect(400);
    expect(missing.body.error.fields).toEqual([{ path: "consentVersion", message: expect.any(String) }]);
    const stale = await patch({ consents: { progress: true }, consentVersion: "2020-01-v0" }).expect(400);
    expect(stale.body.error.fields[0].path).toBe("consentVersion");
    expect(countRows(h, "consents")).toBe(0);
  });

  it("records a decision made offline on the previous notice for the purposes it worded the same, with that version", async () => {
    // v2 had no share-progress choice: a phone cannot have decided it on that notice
    const share = await patch({ consents: { progress: true, "share-progress": true }, consentVersion: "2026-11-v2" });
    expect(share.status).toBe(400);
    expect(share.body.error.fields[0]).toEqual({ path: "consentVersion", message: expect.stringContaining("share-progress") });
    expect(countRows(h, "consents")).toBe(0);

    await patch({ consents: { progress: true, reminders: true }, consentVersion: "2026-11-v2" }).expect(200);
    const rows = h.db.prepare("SELECT purpose, granted, text_version FROM consents ORDER BY purpose").all();
    expect(rows).toEqual([
      { purpose: "progress", granted: 1, text_version: "2026-11-v2" },
      { purpose: "reminders", granted: 1, text_version: "2026-11-v2" },
    ]);
  });

  it("answers 400 naming every invalid field at once", async () => {
    const res = await patch({ audience: "khach", ageBand: 70, consents: { marketing: true }, nickname: "x" }).expect(400);
    const paths = (res.body.error.fields as Array<{ path: string }>).map((f) => f.path).sort();
    expect(paths).toEqual(["ageBand", "audience", "consents.marketing", "nickname"]);
  });

  it("reports every rule a valid-looking body breaks, and writes none of it", async () => {
    const res = await patch({
      tdpId: "khong-co",
      ageBand: "duoi-16",
      consents: { progress: true },
      consentVersion: "cu",
    }).expect(400);
    const paths = (res.body.error.fields as Array<{ path: string }>).map((f) => f.path).sort();
    expect(paths).toEqual(["consentVersion", "guardianConfirmed", "tdpId"]);
    expect(countRows(h, "consents")).toBe(0);
    expect(userRow()).toMatchObject({ tdp_id: null, age_band: null });
  });

  it("needs a session", async () => {
    await request(h.app).patch("/api/v1/me").send({ tdpId: tdp.id }).expect(401);
    expect(userRow()).toMatchObject({ tdp_id: null });
  });
});

describe("PATCH /api/v1/me certifiedOn (the learner's own \"Tôi đã được xác nhận\")", () => {
  function certifiedOnRow(): unknown {
    return (h.db.prepare("SELECT certified_on FROM users").get() as { certified_on: unknown }).certified_on;
  }

  beforeEach(async () => {
    await patch({ consents: { progress: true }, consentVersion: CONSENT_TEXT_VERSION }).expect(200);
  });

  it("refuses a certification date with 403 when the learner has not given the progress consent", async () => {
    await patch({ consents: { progress: false }, consentVersion: CONSENT_TEXT_VERSION }).expect(200);
    const res = await patch({ certifiedOn: "2026-10-15" }).expect(403);
    expect(res.body.error.code).toBe("forbidden");
    expect(certifiedOnRow()).toBeNull();
  });

  it("forgets the certification date when the progress consent is withdrawn", async () => {
    await patch({ certifiedOn: "2026-10-15" }).expect(200);
    const res = await patch({ consents: { progress: false }, consentVersion: CONSENT_TEXT_VERSION }).expect(200);
    expect(res.body.certifiedOn).toBeNull();
    expect(certifiedOnRow()).toBeNull();
  });

  it("records the date the learner says they were certified, shows it in Me, and clears it with null", async () => {
    const res = await patch({ certifiedOn: "2026-10-15" }).expect(200);
    expect(MeSchema.parse(res.body).certifiedOn).toBe("2026-10-15");
    expect((await request(h.app).get("/api/v1/me").set(bearer(learner.token))).body.certifiedOn).toBe("2026-10-15");
    const cleared = await patch({ certifiedOn: null }).expect(200);
    expect(cleared.body.certifiedOn).toBeNull();
    expect(certifiedOnRow()).toBeNull();
  });

  it("accepts today's ward date while it is still yesterday in UTC, and refuses tomorrow naming certifiedOn", async () => {
    h.clock.advance(17 * 3600_000); // 2026-11-28T18:00Z = 01:00 on 29/11 in Ba Ngòi
    await patch({ certifiedOn: "2026-11-29" }).expect(200);
    const res = await patch({ certifiedOn: "2026-11-30" }).expect(400);
    expect(res.body.error.fields).toEqual([{ path: "certifiedOn", message: "cannot be after today, 2026-11-29 (ward time)" }]);
    expect(certifiedOnRow()).toBe("2026-11-29");
  });

  it("refuses a date before binhdanhocvuso.gov.vn opened on 2025-03-26 naming certifiedOn, and accepts that day", async () => {
    const res = await patch({ certifiedOn: "2025-03-25", tdpId: tdp.id }).expect(400);
    expect(res.body.error.fields).toEqual([
      { path: "certifiedOn", message: "cannot be before 2025-03-26, when binhdanhocvuso.gov.vn opened" },
    ]);
    expect(userRow()).toMatchObject({ tdp_id: null });
    expect(certifiedOnRow()).toBeNull();
    await patch({ certifiedOn: "2025-03-26" }).expect(200);
  });

  it("answers 400 naming certifiedOn for something that is not a YYYY-MM-DD calendar date", async () => {
    for (const certifiedOn of ["29/11/2026", "2026-02-30", 20261129]) {
      const res = await patch({ certifiedOn }).expect(400);
      const paths = new Set((res.body.error.fields as Array<{ path: string }>).map((f) => f.path));
      expect({ certifiedOn, paths: [...paths] }).toEqual({ certifiedOn, paths: ["certifiedOn"] });
    }
    expect(certifiedOnRow()).toBeNull();
  });
});

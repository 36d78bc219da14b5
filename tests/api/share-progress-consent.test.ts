// The 'share-progress' consent through PATCH /api/v1/me: "let my TDP's facilitator see my
// progress, to help me". It stands only beside the progress consent: refused without it,
// withdrawn with it. Real HTTP, a real SQLite file, sign-in through the Zalo sandbox.
import { CONSENT_TEXT_VERSION } from "@hocso/shared/learner";
import request from "supertest";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bearer, countRows, decideConsent, signIn, startApiHarness, type ApiHarness, type SignedIn } from "../support/api-harness.ts";

let h: ApiHarness;
let learner: SignedIn;

beforeEach(async () => {
  h = await startApiHarness();
  learner = await signIn(h);
});
afterEach(() => h.stop());

function patch(consents: Record<string, boolean>, who = learner) {
  return request(h.app).patch("/api/v1/me").set(bearer(who.token)).send({ consents, consentVersion: CONSENT_TEXT_VERSION });
}

async function consentsOf(who = learner) {
  const res = await request(h.app).get("/api/v1/me").set(bearer(who.token)).expect(200);
  return res.body.consents as Record<string, { granted: boolean; version: string; decidedAt: string }>;
}

describe("PATCH /api/v1/me consents.share-progress", () => {
  it("records the consent with the notice version and the time, beside the progress consent", async () => {
    await decideConsent(h, learner);
    const res = await patch({ "share-progress": true }).expect(200);
    expect(res.body.consents["share-progress"]).toEqual({
      granted: true,
      version: CONSENT_TEXT_VERSION,
      decidedAt: h.clock.now().toISOString(),
    });
    expect(res.body.consents.progress).toMatchObject({ granted: true });
  });

  it("accepts both consents given in the same request", async () => {
    await patch({ progress: true, "share-progress": true }).expect(200);
    expect(await consentsOf()).toMatchObject({ progress: { granted: true }, "share-progress": { granted: true } });
  });

  it("answers 409 naming the progress consent when it is not given, and records nothing", async () => {
    const res = await patch({ "share-progress": true }).expect(409);
    expect(res.body.error).toMatchObject({ code: "conflict", message: expect.stringContaining("progress consent") });
    expect(countRows(h, "consents")).toBe(0);
  });

  it("answers 409 when the same request withdraws progress, and changes nothing", async () => {
    await decideConsent(h, learner);
    const res = await patch({ progress: false, "share-progress": true }).expect(409);
    expect(res.body.error.message).toContain("consents.share-progress");
    expect(await consentsOf()).toEqual({ progress: expect.objectContaining({ granted: true }) });
  });

  it("withdraws share-progress when the progress consent is withdrawn, recording that decision", async () => {
    await patch({ progress: true, "share-progress": true }).expect(200);
    h.clock.advance(60_000);
    await patch({ progress: false }).expect(200);
    const withdrawnAt = h.clock.now().toISOString();
    expect(await consentsOf()).toMatchObject({
      progress: { granted: false, decidedAt: withdrawnAt },
      "share-progress": { granted: false, version: CONSENT_TEXT_VERSION, decidedAt: withdrawnAt },
    });
    // giving progress again does not give share-progress back: it is asked for on its own
    await patch({ progress: true }).expect(200);
    expect(await consentsOf()).toMatchObject({ progress: { granted: true }, "share-progress": { granted: false } });
  });

  it("lets the learner withdraw share-progress alone, keeping their progress", async () => {
    await patch({ progress: true, "share-progress": true }).expect(200);
    await patch({ "share-progress": false }).expect(200);
    expect(await consentsOf()).toMatchObject({ progress: { granted: true }, "share-progress": { granted: false } });
  });

  it("clears the name given for the facilitator when sharing stops, alone or with the progress consent", async () => {
    const named = () =>
      request(h.app)
        .patch("/api/v1/me")
        .set(bearer(learner.token))
        .send({ displayName: "Bà Lan", consents: { progress: true, "share-progress": true }, consentVersion: CONSENT_TEXT_VERSION })
        .expect(200);
    expect((await named()).body.displayName).toBe("Bà Lan");
    expect((await patch({ "share-progress": false }).expect(200)).body.displayName).toBeNull();
    await named();
    expect((await patch({ progress: false }).expect(200)).body.displayName).toBeNull();
  });

  it("keeps other consents' decisions and the name when only reminders change", async () => {
    await request(h.app)
      .patch("/api/v1/me")
      .set(bearer(learner.token))
      .send({ displayName: "Bà Lan", consents: { progress: true, "share-progress": true }, consentVersion: CONSENT_TEXT_VERSION })
      .expect(200);
    const res = await patch({ reminders: false }).expect(200);
    expect(res.body).toMatchObject({ displayName: "Bà Lan", consents: { "share-progress": { granted: true } } });
  });

  it("puts the decision in the learner's export", async () => {
    await patch({ progress: true, "share-progress": true }).expect(200);
    const res = await request(h.app).get("/api/v1/me/export").set(bearer(learner.token)).expect(200);
    const exported = JSON.parse(res.text) as { consents: Array<{ purpose: string; granted: boolean; textVersion: string }> };
    expect(exported.consents).toContainEqual({
      purpose: "share-progress",
      granted: true,
      textVersion: CONSENT_TEXT_VERSION,
      decidedAt: h.clock.now().toISOString(),
    });
  });

  it("answers 400 for a purpose that does not exist", async () => {
    const res = await patch({ "share-everything": true }).expect(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain("consents.share-everything");
  });
});

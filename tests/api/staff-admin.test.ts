// The ward office granting roles through the API: the staff list, a change of role or TDPs, a
// role taken away, and invitations (an admin invites, the person previews and accepts, GET
// /api/v1/staff/me then shows their role). Real HTTP, a real SQLite file, the Zalo sandbox for
// sign-in; the test clock stands at Thứ Bảy 28/11/2026, 08:00 ward time.
import { findStaff } from "@hocso/bot-server/db/staff";
import { updateProfile } from "@hocso/bot-server/db/users";
import { StaffMeSchema } from "@hocso/shared/announcements";
import {
  CreatedInvitationSchema,
  InvitationListSchema,
  InvitationPreviewSchema,
  isInvitationCode,
  StaffListSchema,
  StaffMemberSchema,
} from "@hocso/shared/staff-admin";
import request from "supertest";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bearer, signIn, signInAsStaff, startApiHarness, userIdOf, type ApiHarness, type SignedIn } from "../support/api-harness.ts";

let h: ApiHarness;
let admin: SignedIn;
/** facilitator of giai-phong */
let facilitator: SignedIn;
let learner: SignedIn;

beforeEach(async () => {
  h = await startApiHarness();
  admin = await signInAsStaff(h, "Cán bộ phường", "admin", []);
  facilitator = await signInAsStaff(h, "Tổ trưởng Giải Phóng", "facilitator", ["giai-phong"]);
  learner = await signIn(h, "Người học");
});
afterEach(() => h.stop());

const api = () => request(h.app);

function invitationRows(): number {
  return (h.db.prepare("SELECT count(*) AS n FROM staff_invitations").get() as { n: number }).n;
}

async function invite(body: Record<string, unknown> = { role: "facilitator", tdpIds: ["mau-1", "giai-phong"] }) {
  const res = await api().post("/api/v1/staff/invitations").set(bearer(admin.token)).send(body).expect(201);
  return CreatedInvitationSchema.parse(res.body);
}

function refusal(res: request.Response): string | undefined {
  return (res.body.error.fields as Array<{ path: string; message: string }> | undefined)?.find((f) => f.path === "code")
    ?.message;
}

describe("an invitation, from the admin to the invited person", () => {
  it("makes the person who accepts it a facilitator of the TDPs the admin chose", async () => {
    const created = await invite();
    expect(isInvitationCode(created.code)).toBe(true);
    expect(created).toEqual({
      id: expect.any(Number),
      code: created.code,
      role: "facilitator",
      tdpIds: ["giai-phong", "mau-1"],
      createdAt: "2026-11-28T01:00:00.000Z",
      expiresAt: "2026-12-05T01:00:00.000Z",
      path: `/nhan-vai-tro?ma=${created.code}`,
      zaloLink: `https://zalo.me/s/${h.config.miniAppId}/nhan-vai-tro?ma=${created.code}`,
    });
    const stored = h.db.prepare("SELECT code_hash FROM staff_invitations WHERE id = ?").get(created.id) as {
      code_hash: string;
    };
    expect(stored.code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(h.db.prepare("SELECT * FROM staff_invitations").all())).not.toContain(created.code);

    const person = await signIn(h, "Người được mời");
    const preview = await api()
      .get(`/api/v1/staff/invitations/preview?code=${created.code.toLowerCase()}`)
      .set(bearer(person.token))
      .expect(200);
    expect(InvitationPreviewSchema.parse(preview.body)).toEqual({
      role: "facilitator",
      tdps: [
        { id: "giai-phong", name: "Tổ dân phố Giải Phóng" },
        { id: "mau-1", name: "Tổ dân phố mẫu 1" },
      ],
      expiresAt: "2026-12-05T01:00:00.000Z",
    });
    await api().get("/api/v1/staff/me").set(bearer(person.token)).expect(403);

    const accepted = await api()
      .post("/api/v1/staff/invitations/accept")
      .set(bearer(person.token))
      .send({ code: created.code })
      .expect(200);
    const me = await api().get("/api/v1/staff/me").set(bearer(person.token)).expect(200);
    expect(StaffMeSchema.parse(accepted.body)).toEqual(me.body);
    expect(me.body.role).toBe("facilitator");
    expect(me.body.tdps.map((t: { id: string }) => t.id)).toEqual(["giai-phong", "mau-1"]);
    expect(findStaff(h.db, userIdOf(h, person))?.grantedBy).toBe(userIdOf(h, admin));

    // the new facilitator may now do a facilitator's work in those TDPs
    await api().get("/api/v1/staff/classes?tdpId=mau-1").set(bearer(person.token)).expect(200);
  });

  it("accepts a code typed with spaces, a dash and small letters", async () => {
    const created = await invite({ role: "admin", tdpIds: [] });
    const typed = `${created.code.slice(0, 4).toLowerCase()} ${created.code.slice(4, 8)}-${created.code.slice(8)}`;
    const person = await signIn(h, "Cán bộ mới");
    const res = await api().post("/api/v1/staff/invitations/accept").set(bearer(person.token)).send({ code: typed }).expect(200);
    expect(res.body.role).toBe("admin");
    expect(res.body.policies).toContain("role:grant");
  });

  it("works once: a second person, or the same one again, is told it was used", async () => {
    const created = await invite();
    const first = await signIn(h, "Người thứ nhất");
    const second = await signIn(h, "Người thứ hai");
    await api().post("/api/v1/staff/invitations/accept").set(bearer(first.token)).send({ code: created.code }).expect(200);
    for (const person of [second, first]) {
      const res = await api()
        .post("/api/v1/staff/invitations/accept")
        .set(bearer(person.token))
        .send({ code: created.code })
        .expect(404);
      expect(refusal(res)).toBe("used");
      expect(res.body.error.message).toMatch(/used already/);
    }
    const preview = await api().get(`/api/v1/staff/invitations/preview?code=${created.code}`).set(bearer(second.token)).expect(404);
    expect(refusal(preview)).toBe("used");
    await api().get("/api/v1/staff/me").set(bearer(second.token)).expect(403);
  });

  it("is refused once seven days have passed, and stays open until then", async () => {
    const created = await invite();
    const person = await signIn(h, "Người đến muộn");
    h.clock.advance(7 * 86_400_000 - 60_000);
    await api().get(`/api/v1/staff/invitations/preview?code=${created.code}`).set(bearer(person.token)).expect(200);
    h.clock.advance(60_000);
    const preview = await api().get(`/api/v1/staff/invitations/preview?code=${created.code}`).set(bearer(person.token)).expect(404);
    expect(refusal(preview)).toBe("expired");
    const res = await api()
      .post("/api/v1/staff/invitations/accept")
      .set(bearer(person.token))
      .send({ code: created.code })
      .expect(404);
    expect(refusal(res)).toBe("expired");
    expect(res.body.error.message).toMatch(/expired/);
    expect(findStaff(h.db, userIdOf(h, person))).toBeUndefined();
    const open = await api().get("/api/v1/staff/invitations").set(bearer(admin.token)).expect(200);
    expect(open.body.items).toEqual([]);
  });

  it("is refused once the admin revoked it, and is no longer listed", async () => {
    const kept = await invite({ role: "facilitator", tdpIds: ["mau-2"] });
    const revoked = await invite();
    const listed = await api().get("/api/v1/staff/invitations").set(bearer(admin.token)).expect(200);
    expect(InvitationListSchema.parse(listed.body).items.map((i) => i.id)).toEqual([kept.id, revoked.id]);
    expect(JSON.stringify(listed.body)).not.toContain(kept.code);
    expect(listed.headers["cache-control"]).toBe("private, no-store");

    await api().delete(`/api/v1/staff/invitations/${revoked.id}`).set(bearer(admin.token)).expect(204);
    await api().delete(`/api/v1/staff/invitations/${revoked.id}`).set(bearer(admin.token)).expect(204);
    const after = await api().get("/api/v1/staff/invitations").set(bearer(admin.token)).expect(200);
    expect(after.body.items.map((i: { id: number }) => i.id)).toEqual([kept.id]);

    const person = await signIn(h, "Người được mời");
    const res = await api()
      .post("/api/v1/staff/invitations/accept")
      .set(bearer(person.token))
      .send({ code: revoked.code })
      .expect(404);
    expect(refusal(res)).toBe("revoked");
    expect(res.body.error.message).toMatch(/cancelled by the ward office/);
  });

  it("keeps a facilitator's TDPs when they accept an invitation for one more", async () => {
    const created = await invite({ role: "facilitator", tdpIds: ["mau-3"] });
    const res = await api()
      .post("/api/v1/staff/invitations/accept")
      .set(bearer(facilitator.token))
      .send({ code: created.code })
      .expect(200);
    expect(res.body.tdps.map((t: { id: string }) => t.id)).toEqual(["giai-phong", "mau-3"]);
  });

  it("does not let an admin accept a facilitator's invitation: it stays open for the person it was meant for", async () => {
    const created = await invite();
    const res = await api()
      .post("/api/v1/staff/invitations/accept")
      .set(bearer(admin.token))
      .send({ code: created.code })
      .expect(409);
    expect(res.body.error.message).toMatch(/admin already/);
    expect(findStaff(h.db, userIdOf(h, admin))?.role).toBe("admin");
    const person = await signIn(h, "Người được mời");
    await api().post("/api/v1/staff/invitations/accept").set(bearer(person.token)).send({ code: created.code }).expect(200);
  });

  it("answers an unknown code with 404 'unknown' and a malformed one with 400 naming the code", async () => {
    const person = await signIn(h, "Người đoán mã");
    const unknown = await api().get("/api/v1/staff/invitations/preview?code=ABCDEFGHJK").set(bearer(person.token)).expect(404);
    expect(refusal(unknown)).toBe("unknown");
    const malformed = await api()
      .post("/api/v1/staff/invitations/accept")
      .set(bearer(person.token))
      .send({ code: "O0I1L" })
      .expect(400);
    expect(malformed.body.error.fields).toEqual([{ path: "code", message: expect.stringMatching(/not an invitation code/) }]);
    await api().get("/api/v1/staff/invitations/preview").set(bearer(person.token)).expect(400);
    await api().post("/api/v1/staff/invitations/accept").set(bearer(person.token)).send({ code: "ABCDEFGHJK", x: 1 }).expect(400);
    expect(findStaff(h.db, userIdOf(h, person))).toBeUndefined();
  });

  it("makes an account wait after ten wrong codes, and another account is not held up", async () => {
    const guesser = await signIn(h, "Người đoán mã");
    for (let i = 0; i < 10; i++) {
      await api().get(`/api/v1/staff/invitations/preview?code=ABCDEFGH${"JK"[i % 2]}${"MN"[i % 2]}`).set(bearer(guesser.token)).expect(404);
    }
    const created = await invite();
    const blocked = await api()
      .post("/api/v1/staff/invitations/accept")
      .set(bearer(guesser.token))
      .send({ code: created.code })
      .expect(429);
    expect(blocked.body.error.message).toMatch(/Too many wrong invitation codes/);
    expect(findStaff(h.db, userIdOf(h, guesser))).toBeUndefined();
    await api().get(`/api/v1/staff/invitations/preview?code=${created.code}`).set(bearer(learner.token)).expect(200);
  });

  it("refuses an invitation for a TDP the ward does not have, or a facilitator with no TDP, writing nothing", async () => {
    const unknown = await api()
      .post("/api/v1/staff/invitations")
      .set(bearer(admin.token))
      .send({ role: "facilitator", tdpIds: ["giai-phong", "khong-co"] })
      .expect(400);
    expect(unknown.body.error.fields).toEqual([{ path: "tdpIds", message: expect.stringContaining("khong-co") }]);
    const none = await api()
      .post("/api/v1/staff/invitations")
      .set(bearer(admin.token))
      .send({ role: "facilitator", tdpIds: [] })
      .expect(400);
    expect(none.body.error.fields).toEqual([{ path: "tdpIds", message: "a facilitator needs at least one tổ dân phố" }]);
    await api().post("/api/v1/staff/invitations").set(bearer(admin.token)).send({ role: "owner", tdpIds: [] }).expect(400);
    await api().post("/api/v1/staff/invitations").set(bearer(admin.token)).expect(400);
    expect(invitationRows()).toBe(0);
  });

  it("answers 404 for revoking an invitation that does not exist and 409 for one already accepted", async () => {
    await api().delete("/api/v1/staff/invitations/999").set(bearer(admin.token)).expect(404);
    await api().delete("/api/v1/staff/invitations/abc").set(bearer(admin.token)).expect(400);
    const created = await invite();
    const person = await signIn(h, "Người được mời");
    await api().post("/api/v1/staff/invitations/accept").set(bearer(person.token)).send({ code: created.code }).expect(200);
    const res = await api().delete(`/api/v1/staff/invitations/${created.id}`).set(bearer(admin.token)).expect(409);
    expect(res.body.error.message).toContain(`DELETE /api/v1/staff/${userIdOf(h, person)}`);
  });
});

describe("GET /api/v1/staff", () => {
  it("lists every staff member with their role, TDPs and display name, admins first", async () => {
    updateProfile(h.db, userIdOf(h, facilitator), { displayName: "Nguyễn Văn A" }, h.clock.now());
    const res = await api().get("/api/v1/staff").set(bearer(admin.token)).expect(200);
    expect(res.headers["cache-control"]).toBe("private, no-store");
    expect(StaffListSchema.parse(res.body).items).toEqual([
      { userId: userIdOf(h, admin), role: "admin", tdpIds: [], displayName: null, grantedAt: "2026-11-28T01:00:00.000Z" },
      {
        userId: userIdOf(h, facilitator),
        role: "facilitator",
        tdpIds: ["giai-phong"],
        displayName: "Nguyễn Văn A",
        grantedAt: "2026-11-28T01:00:00.000Z",
      },
    ]);
  });
});

describe("PUT /api/v1/staff/:userId", () => {
  it("changes a facilitator's TDPs, and they act on the new ones only", async () => {
    const id = userIdOf(h, facilitator);
    h.clock.advance(3_600_000);
    const res = await api()
      .put(`/api/v1/staff/${id}`)
      .set(bearer(admin.token))
      .send({ role: "facilitator", tdpIds: ["mau-2", "mau-1"] })
      .expect(200);
    expect(StaffMemberSchema.parse(res.body)).toEqual({
      userId: id,
      role: "facilitator",
      tdpIds: ["mau-1", "mau-2"],
      displayName: null,
      grantedAt: "2026-11-28T02:00:00.000Z",
    });
    const me = await api().get("/api/v1/staff/me").set(bearer(facilitator.token)).expect(200);
    expect(me.body.tdps.map((t: { id: string }) => t.id)).toEqual(["mau-1", "mau-2"]);
    await api().get("/api/v1/staff/classes?tdpId=giai-phong").set(bearer(facilitator.token)).expect(403);
    expect(findStaff(h.db, id)?.grantedBy).toBe(userIdOf(h, admin));
  });

  it("makes a facilitator an admin, who may then demote the first admin", async () => {
    const id = userIdOf(h, facilitator);
    await api().put(`/api/v1/staff/${id}`).set(bearer(admin.token)).send({ role: "admin", tdpIds: [] }).expect(200);
    await api().get("/api/v1/staff").set(bearer(facilitator.token)).expect(200);
    await api()
      .put(`/api/v1/staff/${userIdOf(h, admin)}`)
      .set(bearer(facilitator.token))
      .send({ role: "facilitator", tdpIds: ["mau-3"] })
      .expect(200);
    await api().get("/api/v1/staff").set(bearer(admin.token)).expect(403);
  });

  it("will not demote the ward's only admin (409), nor make a facilitator of no TDP (400)", async () => {
    const adminId = userIdOf(h, admin);
    const res = await api()
      .put(`/api/v1/staff/${adminId}`)
      .set(bearer(admin.token))
      .send({ role: "facilitator", tdpIds: ["giai-phong"] })
      .expect(409);
    expect(res.body.error.message).toMatch(/only admin/);
    expect(findStaff(h.db, adminId)?.role).toBe("admin");
    const none = await api()
      .put(`/api/v1/staff/${userIdOf(h, facilitator)}`)
      .set(bearer(admin.token))
      .send({ role: "facilitator", tdpIds: [] })
      .expect(400);
    expect(none.body.error.fields).toEqual([{ path: "tdpIds", message: "a facilitator needs at least one tổ dân phố" }]);
  });

  it("names a TDP the ward does not have (400), and answers 404 for an account with no staff role", async () => {
    const res = await api()
      .put(`/api/v1/staff/${userIdOf(h, facilitator)}`)
      .set(bearer(admin.token))
      .send({ role: "facilitator", tdpIds: ["khong-co"] })
      .expect(400);
    expect(res.body.error.fields).toEqual([{ path: "tdpIds", message: expect.stringContaining("khong-co") }]);
    expect(findStaff(h.db, userIdOf(h, facilitator))?.tdpIds).toEqual(["giai-phong"]);
    await api()
      .put(`/api/v1/staff/${userIdOf(h, learner)}`)
      .set(bearer(admin.token))
      .send({ role: "facilitator", tdpIds: ["mau-1"] })
      .expect(404);
    expect(findStaff(h.db, userIdOf(h, learner))).toBeUndefined();
    await api().put("/api/v1/staff/0").set(bearer(admin.token)).send({ role: "admin", tdpIds: [] }).expect(400);
  });
});

describe("DELETE /api/v1/staff/:userId", () => {
  it("takes a facilitator's role away: they are a learner again", async () => {
    await api().delete(`/api/v1/staff/${userIdOf(h, facilitator)}`).set(bearer(admin.token)).expect(204);
    await api().get("/api/v1/staff/me").set(bearer(facilitator.token)).expect(403);
    await api().delete(`/api/v1/staff/${userIdOf(h, facilitator)}`).set(bearer(admin.token)).expect(404);
  });

  it("will not remove the ward's only admin, but removes one of two", async () => {
    const res = await api().delete(`/api/v1/staff/${userIdOf(h, admin)}`).set(bearer(admin.token)).expect(409);
    expect(res.body.error.message).toMatch(/only admin/);
    const second = await signInAsStaff(h, "Cán bộ thứ hai", "admin", []);
    await api().delete(`/api/v1/staff/${userIdOf(h, admin)}`).set(bearer(second.token)).expect(204);
    await api().delete(`/api/v1/staff/${userIdOf(h, second)}`).set(bearer(second.token)).expect(409);
  });
});

describe("who may", () => {
  const grantOnly: Array<[string, string, Record<string, unknown> | undefined]> = [
    ["GET", "/api/v1/staff", undefined],
    ["PUT", "/api/v1/staff/1", { role: "facilitator", tdpIds: ["giai-phong"] }],
    ["DELETE", "/api/v1/staff/1", undefined],
    ["GET", "/api/v1/staff/invitations", undefined],
    ["POST", "/api/v1/staff/invitations", { role: "facilitator", tdpIds: ["giai-phong"] }],
    ["DELETE", "/api/v1/staff/invitations/1", undefined],
    ["GET", "/api/v1/audit", undefined],
  ];

  function call(method: string, path: string, body?: Record<string, unknown>) {
    const req = method === "GET" ? api().get(path) : method === "PUT" ? api().put(path) : method === "POST" ? api().post(path) : api().delete(path);
    return body ? req.send(body) : req;
  }

  for (const [method, path, body] of grantOnly) {
    it(`${method} ${path}: 401 without a session, 403 for a learner and for a facilitator`, async () => {
      const before = invitationRows();
      const anonymous = await call(method, path, body).expect(401);
      expect(anonymous.body.error.code).toBe("unauthorized");
      for (const who of [learner, facilitator]) {
        const res = await call(method, path, body).set(bearer(who.token)).expect(403);
        expect(res.body.error.message).toMatch(/"(role:grant|audit:view)" permission/);
      }
      expect(invitationRows()).toBe(before);
      expect(findStaff(h.db, 1)).toBeDefined();
    });
  }

  it("anyone signed in may preview and accept; nobody without a session", async () => {
    await api().get("/api/v1/staff/invitations/preview?code=ABCDEFGHJK").expect(401);
    await api().post("/api/v1/staff/invitations/accept").send({ code: "ABCDEFGHJK" }).expect(401);
  });

  it("answers 405 naming the methods a staff route takes", async () => {
    const res = await api().patch(`/api/v1/staff/${userIdOf(h, facilitator)}`).set(bearer(admin.token)).expect(405);
    expect(res.headers.allow).toBe("PUT, DELETE");
    await api().get("/api/v1/staff/invitations/accept").set(bearer(admin.token)).expect(405);
    await api().post("/api/v1/staff").set(bearer(admin.token)).expect(405);
  });

  it("leaves /api/v1/staff/<word> to the routes that own it: only account ids are staff members", async () => {
    const res = await api().put("/api/v1/staff/someone").set(bearer(admin.token)).send({ role: "admin", tdpIds: [] }).expect(404);
    expect(res.body.error.message).toBe("Nothing at PUT /api/v1/staff/someone");
    await api().get("/api/v1/staff/me").set(bearer(admin.token)).expect(200);
  });
});

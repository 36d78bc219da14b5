// A tiny HTTP server for the ward office's screens' tests that answers as our bot server's
// /api/v1/staff/me, /staff, /staff/:userId, /staff/invitations (with preview and accept) and
// /audit do (docs/API.md "Staff, invitations and the audit log"), keeping what it was sent. The
// app talks to it with the real fetch; nothing of ours is replaced.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { StaffMe } from "@hocso/shared/announcements";
import {
  acceptInvitationPath,
  normaliseInvitationCode,
  StaffGrantSchema,
  type AuditEntry,
  type OpenInvitation,
  type StaffMember,
} from "@hocso/shared/staff-admin";
import { listenAsAppOrigin, readJsonBody } from "../../../test/json-server.ts";

export interface Call {
  method: string;
  path: string;
  body: unknown;
}

interface StoredInvitation extends OpenInvitation {
  code: string;
  state: "open" | "used" | "revoked" | "expired";
}

export interface FakeStaffAdminApi {
  origin: string;
  calls: Call[];
  /** GET /api/v1/staff/me; null answers 403 as for a learner */
  me: StaffMe | null;
  members: StaffMember[];
  invitations: StoredInvitation[];
  /** the whole log, newest first; pages of GET /api/v1/audit are cut from it */
  audit: AuditEntry[];
  /** what accepting makes of the caller (GET /api/v1/staff/me answers it from then on) */
  acceptedProfile: StaffMe | null;
  /** the next code POST /api/v1/staff/invitations hands out */
  nextCode: string;
  reset(): void;
  close(): Promise<void>;
}

export const tdps = [
  { id: "giai-phong", name: "Tổ dân phố Giải Phóng", channel: "sandbox" as const },
  { id: "mau-1", name: "Tổ dân phố mẫu 1", channel: "sandbox" as const },
  { id: "mau-2", name: "Tổ dân phố mẫu 2", channel: "share" as const },
];

export function adminProfile(): StaffMe {
  return {
    role: "admin",
    tdps,
    policies: ["class:manage", "broadcast:send", "report:view", "report:export", "role:grant", "ward:configure", "audit:view"],
    quietHours: { start: "21:00", end: "06:30" },
  };
}

export function facilitatorProfile(ids: string[] = ["giai-phong"]): StaffMe {
  return {
    role: "facilitator",
    tdps: tdps.filter((t) => ids.includes(t.id)),
    policies: ["class:manage", "broadcast:send", "report:view"],
    quietHours: { start: "21:00", end: "06:30" },
  };
}

const error = (status: number, code: string, message: string, fields?: unknown) => ({
  status,
  body: { error: { code, message, ...(fields ? { fields } : {}) } },
});

export async function startFakeStaffAdminApi(): Promise<FakeStaffAdminApi> {
  let nextId = 1;
  const api: FakeStaffAdminApi = {
    origin: "",
    calls: [],
    me: adminProfile(),
    members: [],
    invitations: [],
    audit: [],
    acceptedProfile: null,
    nextCode: "K7QM4XPA2D",
    reset() {
      api.calls = [];
      api.me = adminProfile();
      api.members = [];
      api.invitations = [];
      api.audit = [];
      api.acceptedProfile = null;
      api.nextCode = "K7QM4XPA2D";
      nextId = 1;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };

  function invitationByCode(code: string) {
    const invitation = api.invitations.find((i) => i.code === normaliseInvitationCode(code));
    if (!invitation) return error(404, "not_found", "unknown", [{ path: "code", message: "unknown" }]);
    if (invitation.state !== "open") {
      return error(404, "not_found", invitation.state, [{ path: "code", message: invitation.state }]);
    }
    return invitation;
  }

  function answer(method: string, url: URL, body: unknown): { status: number; body?: unknown } {
    const path = url.pathname;
    if (method === "GET" && path === "/api/v1/staff/me") {
      return api.me ? { status: 200, body: api.me } : error(403, "forbidden", "not staff");
    }
    if (method === "GET" && path === "/api/v1/staff/invitations/preview") {
      const found = invitationByCode(url.searchParams.get("code") ?? "");
      if ("status" in found) return found;
      const names = found.tdpIds.map((id) => ({ id, name: tdps.find((t) => t.id === id)!.name }));
      return { status: 200, body: { role: found.role, tdps: names, expiresAt: found.expiresAt } };
    }
    if (method === "POST" && path === "/api/v1/staff/invitations/accept") {
      const found = invitationByCode((body as { code: string }).code);
      if ("status" in found) return found;
      if (api.me?.role === "admin") return error(409, "conflict", "admin already");
      found.state = "used";
      api.me = api.acceptedProfile ?? (found.role === "admin" ? adminProfile() : facilitatorProfile(found.tdpIds));
      return { status: 200, body: api.me };
    }
    if (!api.me?.policies.includes("role:grant")) return error(403, "forbidden", "no role:grant");
    if (method === "GET" && path === "/api/v1/staff") return { status: 200, body: { items: api.members } };
    if (method === "GET" && path === "/api/v1/staff/invitations") {
      const open = api.invitations.filter((i) => i.state === "open").map(({ code: _c, state: _s, ...i }) => i);
      return { status: 200, body: { items: open } };
    }
    if (method === "POST" && path === "/api/v1/staff/invitations") {
      const grant = StaffGrantSchema.parse(body);
      const invitation: StoredInvitation = {
        id: nextId++,
        role: grant.role,
        tdpIds: [...grant.tdpIds].sort(),
        createdAt: "2026-11-28T01:00:00.000Z",
        expiresAt: "2026-12-05T01:00:00.000Z",
        code: api.nextCode,
        state: "open",
      };
      api.invitations.push(invitation);
      const { code, state: _s, ...open } = invitation;
      const link = acceptInvitationPath(code);
      return { status: 201, body: { ...open, code, path: link, zaloLink: `https://zalo.me/s/hocso-test${link}` } };
    }
    const invitation = /^\/api\/v1\/staff\/invitations\/(\d+)$/.exec(path);
    if (method === "DELETE" && invitation) {
      const found = api.invitations.find((i) => i.id === Number(invitation[1]));
      if (!found) return error(404, "not_found", "no such invitation");
      found.state = "revoked";
      return { status: 204 };
    }
    const member = /^\/api\/v1\/staff\/(\d+)$/.exec(path);
    const target = member ? api.members.find((m) => m.userId === Number(member[1])) : undefined;
    if (member && !target) return error(404, "not_found", "no staff role");
    const admins = api.members.filter((m) => m.role === "admin").length;
    if (method === "PUT" && target) {
      const grant = StaffGrantSchema.parse(body);
      if (target.role === "admin" && grant.role !== "admin" && admins === 1) return error(409, "conflict", "only admin");
      Object.assign(target, { role: grant.role, tdpIds: [...grant.tdpIds].sort() });
      return { status: 200, body: target };
    }
    if (method === "DELETE" && target) {
      if (target.role === "admin" && admins === 1) return error(409, "conflict", "only admin");
      api.members = api.members.filter((m) => m !== target);
      return { status: 204 };
    }
    if (method === "GET" && path === "/api/v1/audit") {
      const limit = Number(url.searchParams.get("limit") ?? 50);
      const before = url.searchParams.get("before");
      const older = api.audit.filter((e) => before === null || e.id < Number(before));
      const entries = older.slice(0, limit);
      const nextBefore = older.length > limit ? entries[entries.length - 1]!.id : null;
      return { status: 200, body: { entries, nextBefore } };
    }
    return error(404, "not_found", "no route");
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://fake");
    const body = await readJsonBody(req);
    api.calls.push({ method: req.method ?? "", path: `${url.pathname}${url.search}`, body });
    const { status, body: payload } = answer(req.method ?? "", url, body);
    res.writeHead(status, payload === undefined ? {} : { "Content-Type": "application/json" });
    res.end(payload === undefined ? undefined : JSON.stringify(payload));
  }

  const server: Server = createServer((req, res) => void handle(req, res));
  api.origin = await listenAsAppOrigin(server);
  return api;
}

export const routeOf = (c: Call) => `${c.method} ${c.path.split("?")[0]}`;

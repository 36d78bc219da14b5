// A tiny HTTP server for the facilitator screens' tests that answers as our bot server's
// /api/v1/staff/me, /api/v1/announcements and /api/v1/staff/reminders do (docs/API.md),
// rendering share-by-hand messages with the same shared function. The app talks to it with the
// real fetch.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import {
  countDeliveries,
  CreateAnnouncementRequestSchema,
  renderAnnouncement,
  type Announcement,
  type StaffMe,
} from "@hocso/shared/announcements";
import type { StaffReminders } from "@hocso/shared/staff-reminders";
import { learnerStore } from "../../../app/learner-store.ts";
import { sessionStore } from "../../../app/session-store.ts";
import { listenAsAppOrigin, readJsonBody } from "../../../test/json-server.ts";

export interface Call {
  method: string;
  path: string;
  auth?: string;
  body: unknown;
}

export interface FakeStaffApi {
  origin: string;
  calls: Call[];
  /** the signed-in account's staff profile; null answers 403 as for a learner */
  staff: StaffMe | null;
  announcements: Map<number, Announcement>;
  /** the next answer of a route ("POST /api/v1/announcements") replaced by this one */
  answerOnce: Map<string, { status: number; body: unknown }>;
  /** routes whose next request does the work, then loses the connection before answering */
  dropAnswerOnce: Set<string>;
  /** runs before each GET of an announcement: a test moves deliveries on, as the sender would */
  onRead?: (a: Announcement, reads: number) => void;
  /** what GET /api/v1/staff/reminders answers; POST …/:id/shared changes its items */
  reminders: StaffReminders;
  /** runs before each GET of the reminders: a test moves them on, as the sender would */
  onRemindersRead?: (r: StaffReminders, reads: number) => void;
  reset(): void;
  close(): Promise<void>;
}

export const giaiPhong = { id: "giai-phong", name: "Tổ dân phố Giải Phóng", channel: "sandbox" as const };
export const nhomThuong = { id: "nhom-thuong", name: "Tổ dân phố Nhóm Thường", channel: "share" as const };

export function facilitatorOf(tdps: StaffMe["tdps"] = [giaiPhong, nhomThuong]): StaffMe {
  return {
    role: "facilitator",
    tdps,
    policies: ["class:manage", "broadcast:send", "report:view"],
    quietHours: { start: "21:00", end: "06:30" },
  };
}

const notFound = { error: { code: "not_found", message: "no such announcement" } };

export async function startFakeStaffApi(): Promise<FakeStaffApi> {
  let nextId = 1;
  const reads = new Map<number, number>();
  let remindersReads = 0;
  const api: FakeStaffApi = {
    origin: "",
    calls: [],
    staff: facilitatorOf(),
    announcements: new Map(),
    reminders: noReminders(),
    answerOnce: new Map(),
    dropAnswerOnce: new Set(),
    reset() {
      api.calls = [];
      api.staff = facilitatorOf();
      api.announcements = new Map();
      api.answerOnce = new Map();
      api.dropAnswerOnce = new Set();
      api.onRead = undefined;
      api.reminders = noReminders();
      api.onRemindersRead = undefined;
      remindersReads = 0;
      reads.clear();
      nextId = 1;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };

  function create(body: unknown, now: string): { status: number; body: unknown } {
    const parsed = CreateAnnouncementRequestSchema.safeParse(body);
    if (!parsed.success) return { status: 400, body: { error: { code: "bad_request", message: "invalid" } } };
    const { text, tdpIds, sendAt, urgent } = parsed.data;
    const id = nextId++;
    const announcement: Announcement = {
      id,
      text: text.normalize("NFC"),
      urgent,
      sendAt: sendAt ? new Date(sendAt).toISOString() : now,
      createdAt: now,
      cancelledAt: null,
      deliveries: tdpIds.map((tdpId) => {
        const tdp = api.staff!.tdps.find((t) => t.id === tdpId)!;
        const byHand = tdp.channel === "share";
        return {
          tdpId,
          tdpName: tdp.name,
          channel: tdp.channel,
          status: byHand ? "share-by-hand" : "waiting",
          reason: null,
          sentAt: null,
          messageText: byHand ? renderAnnouncement({ text, groupName: tdp.name, urgent }) : null,
        };
      }),
    };
    api.announcements.set(id, announcement);
    return { status: 201, body: announcement };
  }

  function shareReminder(id: number, now: string): { status: number; body: unknown } {
    const item = api.reminders.items.find((i) => i.id === id);
    if (!item) return { status: 404, body: notFound };
    if (item.status === "share-by-hand") Object.assign(item, { status: "sent", sentAt: now, messageText: null });
    if (item.status !== "sent") return { status: 409, body: { error: { code: "conflict", message: "nothing to share" } } };
    return { status: 200, body: item };
  }

  function answer(method: string, path: string, body: unknown): { status: number; body: unknown } {
    const now = new Date().toISOString();
    if (!api.staff) return { status: 403, body: { error: { code: "forbidden", message: "not staff" } } };
    if (method === "GET" && path === "/api/v1/staff/me") return { status: 200, body: api.staff };
    if (method === "POST" && path === "/api/v1/announcements") return create(body, now);
    if (method === "GET" && path === "/api/v1/announcements") {
      const items = [...api.announcements.values()].reverse().map(({ deliveries, ...a }) => ({
        ...a,
        counts: countDeliveries(deliveries),
        total: deliveries.length,
      }));
      return { status: 200, body: { items } };
    }
    if (method === "GET" && path === "/api/v1/staff/reminders") {
      remindersReads += 1;
      api.onRemindersRead?.(api.reminders, remindersReads);
      return { status: 200, body: api.reminders };
    }
    const reminder = /^\/api\/v1\/staff\/reminders\/(\d+)\/shared$/.exec(path);
    if (method === "POST" && reminder) return shareReminder(Number(reminder[1]), now);
    const one = /^\/api\/v1\/announcements\/(\d+)(\/cancel|\/deliveries\/([^/]+)\/shared)?$/.exec(path);
    const a = one ? api.announcements.get(Number(one[1])) : undefined;
    if (!one || !a) return { status: 404, body: notFound };
    if (method === "GET" && !one[2]) {
      const n = (reads.get(a.id) ?? 0) + 1;
      reads.set(a.id, n);
      api.onRead?.(a, n);
      return { status: 200, body: a };
    }
    if (method === "POST" && one[2] === "/cancel") {
      a.cancelledAt = now;
      for (const d of a.deliveries) {
        if (d.status === "waiting" || d.status === "share-by-hand") {
          Object.assign(d, { status: "cancelled", reason: "Người hướng dẫn đã hủy thông báo này trước khi gửi.", messageText: null });
        }
      }
      return { status: 200, body: a };
    }
    if (method === "POST" && one[3]) {
      const d = a.deliveries.find((x) => x.tdpId === decodeURIComponent(one[3]!));
      if (!d) return { status: 404, body: notFound };
      if (d.status === "share-by-hand") Object.assign(d, { status: "sent", sentAt: now, messageText: null });
      return { status: 200, body: a };
    }
    return { status: 404, body: notFound };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? "").split("?")[0] ?? "";
    const body = await readJsonBody(req);
    api.calls.push({ method: req.method ?? "", path, auth: req.headers.authorization, body });
    const route = `${req.method} ${path}`;
    const once = api.answerOnce.get(route);
    if (once) api.answerOnce.delete(route);
    const { status, body: payload } = once ?? answer(req.method ?? "", path, body);
    if (api.dropAnswerOnce.delete(route)) return void req.socket.destroy();
    res.writeHead(status, { "Content-Type": "application/json" });
    res.end(JSON.stringify(payload));
  }

  const server: Server = createServer((req, res) => void handle(req, res));
  api.origin = await listenAsAppOrigin(server);
  return api;
}

/** A signed-in facilitator's phone: the progress consent given and a live session stored. */
export function signedInWithConsent(): void {
  learnerStore.set({
    onboarded: true,
    consents: { progress: true, reminders: false, version: "2026-11-v2", decidedAt: new Date().toISOString(), synced: true },
    profile: { tdpId: giaiPhong.id, audience: "nguoi-dan", ageBand: "16-59", synced: true },
    signedInVia: "sandbox",
  });
  sessionStore.set({ token: "session-of-the-facilitator", expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
}

export const routeOf = (c: Call) => `${c.method} ${c.path}`;

function noReminders(): StaffReminders {
  return { from: "2026-12-04", to: "2026-12-18", meetings: [], items: [] };
}

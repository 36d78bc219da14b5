// A tiny HTTP server for the class screens' tests that answers as our bot server's
// /api/v1/staff/me, the staff class routes and the attendance routes do (docs/API.md
// "Weekly classes: staff", "Attendance"), checking bodies with the same shared schemas. The
// app talks to it with the real fetch.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { z } from "zod";
import type { StaffMe } from "@hocso/shared/announcements";
import { checkInPath, GuestsRequestSchema, type MeetingAttendance } from "@hocso/shared/attendance";
import {
  classIdFor,
  CreateClassRequestSchema,
  PatchClassRequestSchema,
  type WeeklyClass,
} from "@hocso/shared/classes";
import { formatWardDate } from "@hocso/shared/dates";
import { facilitatorOf } from "../../facilitator/testing/fake-staff-api.ts";
import { listenAsAppOrigin, readJsonBody } from "../../../test/json-server.ts";

export interface Call {
  method: string;
  path: string;
  body: unknown;
}

export interface FakeClassApi {
  origin: string;
  calls: Call[];
  /** the signed-in account's staff profile; null answers 403 as for a learner */
  staff: StaffMe | null;
  classes: Map<string, WeeklyClass>;
  /** meetings by "<classId>|<date>"; one not set is an empty meeting */
  meetings: Map<string, MeetingAttendance>;
  /** the code POST …/checkin gives */
  nextCode: string;
  /** the next answer of a route ("POST /api/v1/classes") replaced by this one */
  answerOnce: Map<string, { status: number; body: unknown }>;
  /** runs before each GET of a meeting: a test checks residents in, as their phones would */
  onMeetingRead?: (m: MeetingAttendance, reads: number) => void;
  reset(): void;
  close(): Promise<void>;
}

type Answer = { status: number; body: unknown };
const notFound: Answer = { status: 404, body: { error: { code: "not_found", message: "nothing here" } } };

/** A 400 naming every bad field, as lib/errors.ts fieldErrors does. */
function badRequest(error: z.ZodError): Answer {
  const fields = error.issues.flatMap((issue) => {
    const base = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") return issue.keys.map((key) => ({ path: key, message: "is not a known field" }));
    return [{ path: base || "(body)", message: issue.message }];
  });
  return {
    status: 400,
    body: { error: { code: "bad_request", message: `Invalid request: ${fields.map((f) => f.path).join(", ")}`, fields } },
  };
}

export function emptyMeeting(cls: Pick<WeeklyClass, "id" | "tdpId">, date: string): MeetingAttendance {
  return {
    classId: cls.id,
    tdpId: cls.tdpId,
    date,
    dateLabel: formatWardDate(date),
    cancelled: false,
    held: false,
    checkin: null,
    attendees: [],
    otherAttendees: 0,
    guests: 0,
    roster: [],
    presentTotal: 0,
  };
}

/** attendees and the total from the roster, as the server counts them */
export function recount(m: MeetingAttendance): MeetingAttendance {
  const byQr = new Set(m.attendees.filter((a) => a.method === "qr").map((a) => a.userId));
  const attendees = m.roster
    .filter((r) => r.present)
    .map((r) => ({ userId: r.userId, displayName: r.displayName, method: byQr.has(r.userId) ? ("qr" as const) : ("tick" as const) }));
  return { ...m, attendees, presentTotal: attendees.length + m.otherAttendees + m.guests };
}

export async function startFakeClassApi(): Promise<FakeClassApi> {
  const reads = new Map<string, number>();
  const api: FakeClassApi = {
    origin: "",
    calls: [],
    staff: facilitatorOf(),
    classes: new Map(),
    meetings: new Map(),
    nextCode: "482913",
    answerOnce: new Map(),
    reset() {
      api.calls = [];
      api.staff = facilitatorOf();
      api.classes = new Map();
      api.meetings = new Map();
      api.nextCode = "482913";
      api.answerOnce = new Map();
      api.onMeetingRead = undefined;
      reads.clear();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };

  function meetingOf(classId: string, date: string): MeetingAttendance | undefined {
    const cls = api.classes.get(classId);
    if (!cls) return undefined;
    const key = `${classId}|${date}`;
    const m = api.meetings.get(key) ?? emptyMeeting(cls, date);
    api.meetings.set(key, m);
    return m;
  }

  function classRoutes(method: string, path: string, body: unknown): Answer | undefined {
    if (method === "GET" && path === "/api/v1/staff/classes") return { status: 200, body: { items: [...api.classes.values()] } };
    if (method === "POST" && path === "/api/v1/classes") {
      const parsed = CreateClassRequestSchema.safeParse(body);
      if (!parsed.success) return badRequest(parsed.error);
      const id = classIdFor(parsed.data.tdpId, parsed.data.weekday, parsed.data.startTime);
      if (api.classes.has(id)) return { status: 409, body: { error: { code: "conflict", message: "exists" } } };
      const cls: WeeklyClass = { id, ...parsed.data, cancelledDates: [] };
      api.classes.set(id, cls);
      return { status: 201, body: cls };
    }
    const one = /^\/api\/v1\/classes\/([^/]+)(?:\/cancellations\/([^/]+))?$/.exec(path);
    const cls = one ? api.classes.get(decodeURIComponent(one[1]!)) : undefined;
    if (!one || !cls) return undefined;
    const date = one[2];
    if (method === "GET" && !date) return { status: 200, body: cls };
    if (method === "PATCH" && !date) {
      const parsed = PatchClassRequestSchema.safeParse(body);
      if (!parsed.success) return badRequest(parsed.error);
      Object.assign(cls, parsed.data);
      return { status: 200, body: cls };
    }
    if (method === "PUT" && date) {
      cls.cancelledDates = [...new Set([...cls.cancelledDates, date])].sort();
      return { status: 200, body: { class: cls, remindersCancelled: 1, noticesQueued: 2 } };
    }
    if (method === "DELETE" && date) {
      cls.cancelledDates = cls.cancelledDates.filter((d) => d !== date);
      return { status: 200, body: { class: cls } };
    }
    return undefined;
  }

  function meetingRoutes(method: string, path: string, body: unknown): Answer | undefined {
    const match = /^\/api\/v1\/classes\/([^/]+)\/meetings\/([^/]+)(\/checkin|\/guests|\/attendance\/(\d+))?$/.exec(path);
    if (!match) return undefined;
    const key = `${decodeURIComponent(match[1]!)}|${match[2]}`;
    const m = meetingOf(decodeURIComponent(match[1]!), match[2]!);
    if (!m) return notFound;
    const save = (next: MeetingAttendance): Answer => {
      const counted = recount({ ...next, held: true });
      api.meetings.set(key, counted);
      return { status: 200, body: counted };
    };
    if (method === "GET" && !match[3]) {
      const n = (reads.get(key) ?? 0) + 1;
      reads.set(key, n);
      api.onMeetingRead?.(m, n);
      return { status: 200, body: recount(m) };
    }
    if (method === "POST" && match[3] === "/checkin") {
      const code = m.checkin?.code ?? api.nextCode;
      const expiresAt = new Date(Date.now() + 3 * 3_600_000).toISOString();
      return save({
        ...m,
        checkin: { code, expiresAt, path: checkInPath(code), zaloLink: `https://zalo.me/s/hocso-test${checkInPath(code)}` },
      });
    }
    if (method === "PUT" && match[3] === "/guests") {
      const parsed = GuestsRequestSchema.safeParse(body);
      if (!parsed.success) return badRequest(parsed.error);
      return save({ ...m, guests: parsed.data.guests });
    }
    if ((method === "PUT" || method === "DELETE") && match[4]) {
      const userId = Number(match[4]);
      if (!m.roster.some((r) => r.userId === userId)) return notFound;
      return save({ ...m, roster: m.roster.map((r) => (r.userId === userId ? { ...r, present: method === "PUT" } : r)) });
    }
    return undefined;
  }

  function answer(method: string, path: string, body: unknown): Answer {
    if (!api.staff) return { status: 403, body: { error: { code: "forbidden", message: "not staff" } } };
    if (method === "GET" && path === "/api/v1/staff/me") return { status: 200, body: api.staff };
    return meetingRoutes(method, path, body) ?? classRoutes(method, path, body) ?? notFound;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? "").split("?")[0] ?? "";
    const body = await readJsonBody(req);
    api.calls.push({ method: req.method ?? "", path, body });
    const route = `${req.method} ${path}`;
    const once = api.answerOnce.get(route);
    if (once) api.answerOnce.delete(route);
    const { status, body: payload } = once ?? answer(req.method ?? "", path, body);
    res.writeHead(status, { "Content-Type": "application/json" });
    res.end(JSON.stringify(payload));
  }

  const server: Server = createServer((req, res) => void handle(req, res));
  api.origin = await listenAsAppOrigin(server);
  return api;
}

export const routeOf = (c: Call) => `${c.method} ${c.path}`;

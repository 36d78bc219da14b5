// A tiny HTTP server for classroom mode's tests that answers as our bot server's
// /api/v1/staff/me, /api/v1/classes/:classId and /api/v1/classroom/answers do (docs/API.md),
// checking a recorded count with the same shared schema. The app talks to it with the real fetch.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { StaffMe } from "@hocso/shared/announcements";
import type { WeeklyClass } from "@hocso/shared/classes";
import { ClassroomAnswerRequestSchema, type ClassroomAnswer } from "@hocso/shared/classroom";
import { facilitatorOf } from "../../facilitator/testing/fake-staff-api.ts";
import { listenAsAppOrigin, readJsonBody } from "../../../test/json-server.ts";

export interface Call {
  method: string;
  /** with its query string */
  url: string;
  body: unknown;
}

export interface FakeClassroomApi {
  origin: string;
  calls: Call[];
  /** the signed-in account's staff profile; null answers 403 as for a learner */
  staff: StaffMe | null;
  classes: WeeklyClass[];
  /** what the server holds, by "tdpId/date/lessonId/questionId" */
  answers: Map<string, ClassroomAnswer>;
  /** the next answer of a route ("PUT /api/v1/classroom/answers") replaced by this one */
  answerOnce: Map<string, { status: number; body: unknown }>;
  reset(): void;
  close(): Promise<void>;
}

const keyOf = (a: { tdpId: string; date: string; lessonId: string; questionId: string }) =>
  `${a.tdpId}/${a.date}/${a.lessonId}/${a.questionId}`;

const refused = (code: string, message: string, status: number) => ({ status, body: { error: { code, message } } });

export async function startFakeClassroomApi(): Promise<FakeClassroomApi> {
  const api: FakeClassroomApi = {
    origin: "",
    calls: [],
    staff: facilitatorOf(),
    classes: [],
    answers: new Map(),
    answerOnce: new Map(),
    reset() {
      api.calls = [];
      api.staff = facilitatorOf();
      api.classes = [];
      api.answers = new Map();
      api.answerOnce = new Map();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };

  function record(body: unknown): { status: number; body: unknown } {
    const parsed = ClassroomAnswerRequestSchema.safeParse(body);
    if (!parsed.success) return refused("bad_request", "invalid", 400);
    if (!api.staff!.tdps.some((t) => t.id === parsed.data.tdpId)) return refused("forbidden", "not yours", 403);
    const { classId, ...rest } = parsed.data;
    const stored: ClassroomAnswer = { ...rest, classId: classId ?? null, recordedAt: new Date().toISOString() };
    api.answers.delete(keyOf(stored)); // asked again: it moves to the end, as recorded_at does
    api.answers.set(keyOf(stored), stored);
    return { status: 200, body: stored };
  }

  function answer(method: string, url: URL, body: unknown): { status: number; body: unknown } {
    if (!api.staff) return refused("forbidden", "not staff", 403);
    const path = url.pathname;
    if (method === "GET" && path === "/api/v1/staff/me") return { status: 200, body: api.staff };
    if (method === "PUT" && path === "/api/v1/classroom/answers") return record(body);
    if (method === "GET" && path === "/api/v1/classroom/answers") {
      const tdpId = url.searchParams.get("tdpId") ?? "";
      const date = url.searchParams.get("date") ?? "";
      const items = [...api.answers.values()].filter((a) => a.tdpId === tdpId && a.date === date);
      return { status: 200, body: { tdpId, date, items } };
    }
    const one = /^\/api\/v1\/classes\/([^/]+)$/.exec(path);
    const cls = one && api.classes.find((c) => c.id === decodeURIComponent(one[1]!));
    if (method === "GET" && cls) return { status: 200, body: cls };
    return refused("not_found", "nothing here", 404);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://fake");
    const body = await readJsonBody(req);
    api.calls.push({ method: req.method ?? "", url: `${url.pathname}${url.search}`, body });
    const route = `${req.method} ${url.pathname}`;
    const once = api.answerOnce.get(route);
    if (once) api.answerOnce.delete(route);
    const { status, body: payload } = once ?? answer(req.method ?? "", url, body);
    res.writeHead(status, { "Content-Type": "application/json" });
    res.end(JSON.stringify(payload));
  }

  const server: Server = createServer((req, res) => void handle(req, res));
  api.origin = await listenAsAppOrigin(server);
  return api;
}

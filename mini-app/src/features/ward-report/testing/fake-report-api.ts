// A tiny HTTP server for the dashboard's tests that answers as our bot server's
// /api/v1/staff/me, /api/v1/reports/dashboard and /api/v1/reports/quarterly.csv|xlsx do
// (docs/API.md "Reports"), with rows built by the same shared function the server uses. The
// app talks to it with the real fetch.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { StaffMe } from "@hocso/shared/announcements";
import {
  buildReportRows,
  quarterRange,
  REPORT_COLUMNS,
  type LearnerCell,
  type Report,
  type TdpFacts,
} from "@hocso/shared/reports";
import { listenAsAppOrigin } from "../../../test/json-server.ts";

export interface Call {
  method: string;
  path: string;
  query: string;
  auth?: string;
}

export interface FakeReportApi {
  origin: string;
  calls: Call[];
  /** the signed-in account's staff profile; null answers 403 as for a learner */
  staff: StaffMe | null;
  /** what the dashboard answers, by quarter; the first is the current one */
  reports: Report[];
  /** the next answer of a route ("GET /api/v1/reports/quarterly.csv") replaced by this one */
  answerOnce: Map<string, { status: number; body: unknown }>;
  reset(): void;
  close(): Promise<void>;
}

export const CSV_BODY = "\uFEFFQuý,Mã tổ dân phố\r\n2026-Q4,giai-phong\r\n";

export const giaiPhong = { id: "giai-phong", name: "Tổ dân phố Giải Phóng", channel: "sandbox" as const };
export const mau1 = { id: "mau-1", name: "Tổ dân phố mẫu 1", channel: "sandbox" as const };

export function adminMe(): StaffMe {
  return {
    role: "admin",
    tdps: [giaiPhong, mau1],
    policies: ["class:manage", "broadcast:send", "report:view", "report:export", "role:grant", "ward:configure", "audit:view"],
    quietHours: { start: "21:00", end: "06:30" },
  };
}

export function facilitatorMe(): StaffMe {
  return {
    role: "facilitator",
    tdps: [giaiPhong],
    policies: ["class:manage", "broadcast:send", "report:view"],
    quietHours: { start: "21:00", end: "06:30" },
  };
}

function tdp(id: string, name: string, fields: Partial<TdpFacts>): TdpFacts {
  return {
    tdpId: id,
    tdpName: name,
    adultPopulation: 0,
    meetingsScheduled: 0,
    meetingsHeld: 0,
    checkIns: 0,
    guests: 0,
    classroomQuestions: 0,
    classroomPresent: 0,
    classroomRight: 0,
    ...fields,
  };
}

function learners(tdpId: string, audience: LearnerCell["audience"], ageBand: LearnerCell["ageBand"], n: Partial<LearnerCell>): LearnerCell {
  return {
    tdpId,
    audience,
    ageBand,
    registeredLearners: 0,
    newLearners: 0,
    lessonsCompleted: 0,
    learnersCompletedLesson: 0,
    modulesMastered: 0,
    certified: 0,
    ...n,
  };
}

/**
 * A quarter's report as the server would build it: giai-phong (500 adults, 8 of 8 weeks'
 * meetings held), mau-1 (1,200 adults, none held), for an admin (with the ward) or a
 * facilitator of giai-phong (without).
 */
export function reportOf(quarter: string, scope: "admin" | "facilitator", certifiedAtGiaiPhong = 10): Report {
  const range = quarterRange(quarter);
  const tdps = [
    tdp("giai-phong", giaiPhong.name, { adultPopulation: 500, meetingsScheduled: 8, meetingsHeld: 8, checkIns: 30, guests: 6 }),
    tdp("mau-1", mau1.name, { adultPopulation: 1200, meetingsScheduled: 8 }),
  ];
  const rows = buildReportRows({
    quarter,
    weeksElapsed: 8,
    certifiedAdultsTarget: 0.7,
    tdps: scope === "admin" ? tdps : tdps.slice(0, 1),
    learners: [
      learners("giai-phong", "nguoi-dan", "60-tro-len", { registeredLearners: 40, certified: certifiedAtGiaiPhong, lessonsCompleted: 120 }),
      learners("giai-phong", "hoc-sinh", "duoi-16", { registeredLearners: 3, lessonsCompleted: 9 }),
      learners("mau-1", "cbccvc", "16-59", { registeredLearners: 12, certified: 2, modulesMastered: 5 }),
    ],
    wardTotal: scope === "admin",
  });
  return {
    quarter,
    range: { from: range.from, to: range.to, countedUntil: quarter === "2026-Q4" ? "2026-11-28" : range.to },
    generatedAt: "2026-11-28T01:00:00.000Z",
    columns: [...REPORT_COLUMNS],
    rows,
    targets: { certifiedAdultsShare: 0.7, registeredAdultsShare: 1, meetingsPerTdpPerWeek: 1 },
  };
}

export async function startFakeReportApi(): Promise<FakeReportApi> {
  const api: FakeReportApi = {
    origin: "",
    calls: [],
    staff: adminMe(),
    reports: [reportOf("2026-Q4", "admin"), reportOf("2026-Q3", "admin", 4)],
    answerOnce: new Map(),
    reset() {
      api.calls = [];
      api.staff = adminMe();
      api.reports = [reportOf("2026-Q4", "admin"), reportOf("2026-Q3", "admin", 4)];
      api.answerOnce = new Map();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };

  function answer(res: ServerResponse, path: string, params: URLSearchParams): void {
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "Content-Type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (!api.staff) return json(403, { error: { code: "forbidden", message: "not staff" } });
    if (path === "/api/v1/staff/me") return json(200, api.staff);
    if (path === "/api/v1/reports/dashboard") {
      const quarter = params.get("quarter");
      const report = quarter === null ? api.reports[0] : api.reports.find((r) => r.quarter === quarter);
      return report ? json(200, report) : json(400, { error: { code: "bad_request", message: "quarter" } });
    }
    const file = /^\/api\/v1\/reports\/quarterly\.(csv|xlsx)$/.exec(path);
    if (file) {
      const name = `bao-cao-quy-${params.get("quarter")}-phuong-ba-ngoi-20261128-0800.${file[1]}`;
      res.writeHead(200, { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${name}"` });
      return void res.end(CSV_BODY);
    }
    json(404, { error: { code: "not_found", message: "no route" } });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://fake");
    api.calls.push({ method: req.method ?? "", path: url.pathname, query: url.search, auth: req.headers.authorization });
    const once = api.answerOnce.get(`${req.method} ${url.pathname}`);
    if (once) {
      api.answerOnce.delete(`${req.method} ${url.pathname}`);
      res.writeHead(once.status, { "Content-Type": "application/json" });
      return void res.end(JSON.stringify(once.body));
    }
    answer(res, url.pathname, url.searchParams);
  }

  const server: Server = createServer((req, res) => void handle(req, res));
  api.origin = await listenAsAppOrigin(server);
  return api;
}

// A tiny HTTP server for tests that answers as our bot server's /api/v1 and the Zalo sandbox's
// control API do (shared/src/api.ts, docs/API.md), keeps what it was sent, and can misbehave
// on request: no connection, a lost answer, a 5xx or a 4xx naming events. The app under test
// talks to it with the real fetch; nothing of ours is replaced.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { ClassOccurrenceView, Progress, SyncEvent } from "@hocso/shared/api";

export interface Call {
  method: string;
  path: string;
  auth?: string;
  body: unknown;
}

/** what the next matching request meets instead of a normal answer */
export type Trouble =
  | { kind: "no-connection" }
  /** the server does the work, then the connection drops before the answer arrives */
  | { kind: "lost-answer" }
  | { kind: "answer"; status: number; body: unknown };

export interface FakeApi {
  origin: string;
  calls: Call[];
  /** learning events stored, by id: each id once */
  events: Map<string, SyncEvent>;
  progress: Progress[];
  classes: ClassOccurrenceView[];
  rsvps: Map<string, boolean>;
  deleted: number;
  sessions: number;
  /** test users the Zalo sandbox knows */
  sandboxUsers: Set<string>;
  /** troubles queued per route ("POST /api/v1/sync"), used up in order */
  trouble: Map<string, Trouble[]>;
  /** every request fails as if the phone were offline */
  offline: boolean;
  reset(): void;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
    req.on("end", () => resolve(raw ? JSON.parse(raw) : undefined));
  });
}

const me = {
  displayName: null,
  tdpId: "to-1",
  audience: "nguoi-dan",
  ageBand: "60-tro-len",
  guardianConfirmed: false,
  consents: { progress: { granted: true, version: "2026-11-v2", decidedAt: "2026-11-25T02:00:00.000Z" } },
  certifiedOn: "2026-11-20",
  createdAt: "2026-11-25T02:00:00.000Z",
};

export async function startFakeApi(): Promise<FakeApi> {
  const users = new Set<string>();
  const api: FakeApi = {
    sandboxUsers: users,
    origin: "",
    calls: [],
    events: new Map(),
    progress: [],
    classes: [],
    rsvps: new Map(),
    deleted: 0,
    sessions: 0,
    trouble: new Map(),
    offline: false,
    reset() {
      api.calls = [];
      api.events = new Map();
      api.progress = [];
      api.classes = [];
      api.rsvps = new Map();
      api.deleted = 0;
      api.trouble = new Map();
      api.offline = false;
      users.clear();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = req.url ?? "";
    const route = `${req.method} ${path.split("?")[0]}`;
    const body = await readBody(req);
    if (api.offline) {
      req.socket.destroy();
      return;
    }
    api.calls.push({ method: req.method ?? "", path, auth: req.headers.authorization, body });
    const send = (status: number, payload?: unknown) => {
      res.writeHead(status, payload === undefined ? {} : { "Content-Type": "application/json" });
      res.end(payload === undefined ? undefined : JSON.stringify(payload));
    };
    const trouble = api.trouble.get(route)?.shift();
    if (trouble?.kind === "no-connection") return void req.socket.destroy();
    if (trouble?.kind === "answer") return send(trouble.status, trouble.body);

    const tokenFor = path.match(/^\/sandbox\/users\/([^/]+)\/tokens$/);
    const rsvp = path.match(/^\/api\/v1\/classes\/([^/]+)\/occurrences\/([^/]+)\/rsvp$/);
    if (route === "GET /api/v1/config") {
      return send(200, { wardName: "Phường Ba Ngòi", residentialGroups: [], sandbox: { url: `${api.origin}/` } });
    }
    if (route === "POST /sandbox/users") {
      const id = (100000000000000000n + BigInt(users.size + 1)).toString();
      users.add(id);
      return send(201, { user: { id, name: (body as { name: string }).name }, accessToken: `sandbox-${id}-a`, expiresIn: 3600 });
    }
    if (req.method === "POST" && tokenFor) {
      const id = tokenFor[1] ?? "";
      if (!users.has(id)) return send(404, { error: { code: "not_found", message: `No sandbox user ${id}` } });
      return send(201, { user: { id, name: "Người học thử" }, accessToken: `sandbox-${id}-b`, expiresIn: 3600 });
    }
    if (route === "POST /api/v1/session") {
      api.sessions += 1;
      return send(200, { token: `session-${api.sessions}`, expiresAt: new Date(Date.now() + 3_600_000).toISOString(), me });
    }
    if (route === "GET /api/v1/me") return send(200, me);
    if (route === "PATCH /api/v1/me") return send(200, me);
    if (route === "DELETE /api/v1/me") {
      api.deleted += 1;
      return send(204);
    }
    if (route === "GET /api/v1/me/export") return send(200, { me, progress: api.progress });
    if (route === "GET /api/v1/progress") return send(200, { items: api.progress });
    if (route === "POST /api/v1/sync") {
      const accepted: string[] = [];
      const duplicates: string[] = [];
      for (const event of (body as { events: SyncEvent[] }).events) {
        if (api.events.has(event.id)) duplicates.push(event.id);
        else {
          api.events.set(event.id, event);
          accepted.push(event.id);
        }
      }
      if (trouble?.kind === "lost-answer") return void req.socket.destroy();
      return send(200, { accepted, duplicates, progress: api.progress });
    }
    if (route === "GET /api/v1/classes") return send(200, { items: api.classes });
    if (req.method === "PUT" && rsvp) {
      const going = (body as { going: boolean }).going;
      const meeting = api.classes.find((c) => c.classId === rsvp[1] && c.date === rsvp[2]);
      if (!meeting) return send(404, { error: { code: "not_found", message: "no such meeting" } });
      api.rsvps.set(`${rsvp[1]}/${rsvp[2]}`, going);
      return send(200, { ...meeting, going });
    }
    return send(404, { error: { code: "not_found", message: "no route" } });
  }

  const server: Server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  api.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // the app calls its API on the origin that served it
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(`${api.origin}/`);
  return api;
}

/** Queue a misbehaviour for the next request on `route`, e.g. "POST /api/v1/sync". */
export function expectTrouble(api: FakeApi, route: string, trouble: Trouble): void {
  api.trouble.set(route, [...(api.trouble.get(route) ?? []), trouble]);
}

export const route = (c: Call) => `${c.method} ${c.path.split("?")[0]}`;

// The HTTP application: security headers, request ids and logs, the JSON API under
// /api/v1, the Zalo OA webhook and its chat bot, the health check and the built mini app,
// composed from the feature routers.
import { randomUUID } from "node:crypto";
import type { SyncEvent } from "@hocso/shared/api";
import cors from "cors";
import express from "express";
import { pinoHttp } from "pino-http";
import type { Db } from "./db/database.ts";
import { loadWardSettings } from "./db/ward-settings.ts";
import type { Config } from "./env.ts";
import { attendanceRoutes } from "./features/attendance/attendance-routes.ts";
import { broadcastsRoutes } from "./features/broadcasts/broadcasts-routes.ts";
import { handleOaEvent, type OaEventDeps } from "./features/chat/oa-event-handler.ts";
import { classManagementRoutes } from "./features/classes/class-management-routes.ts";
import { classesRoutes } from "./features/classes/classes-routes.ts";
import { listUpcomingMeetings } from "./features/classes/classes-service.ts";
import { classroomRoutes } from "./features/classroom/classroom-routes.ts";
import { healthRoutes } from "./features/health/health-routes.ts";
import { meRoutes } from "./features/learner/me-routes.ts";
import { needsHelpRoutes } from "./features/needs-help/needs-help-routes.ts";
import { miniAppRoutes } from "./features/mini-app/mini-app-routes.ts";
import { progressRoutes } from "./features/progress/progress-routes.ts";
import { SYNC_BODY_LIMIT, syncRoutes } from "./features/progress/sync-routes.ts";
import { syncEvents } from "./features/progress/sync-service.ts";
import { configRoutes } from "./features/public-config/config-routes.ts";
import { reportRoutes } from "./features/reports/report-routes.ts";
import { sessionRoutes } from "./features/session/session-routes.ts";
import { staffRoutes } from "./features/staff/staff-routes.ts";
import { staffAdminRoutes } from "./features/staff-admin/staff-admin-routes.ts";
import { staffRemindersRoutes } from "./features/staff-reminders/staff-reminders-routes.ts";
import { wardSettingsRoutes } from "./features/ward-settings/ward-settings-routes.ts";
import { InboxWorker } from "./features/webhook/inbox-worker.ts";
import { webhookRoutes } from "./features/webhook/webhook-routes.ts";
import type { SignatureSettings } from "./features/webhook/webhook-signature.ts";
import { optionalSession, requireSession } from "./lib/authenticate.ts";
import { systemClock, type Clock } from "./lib/clock.ts";
import { courseLessons, findLesson, wardFile } from "./lib/content.ts";
import { errorHandler, routeNotFound } from "./lib/http.ts";
import { createLogger, type Logger } from "./lib/logger.ts";
import { securityHeaders } from "./lib/security.ts";
import { createZaloGraphClient } from "./platform/zalo-graph.ts";
import type { OaTokenSource } from "./platform/oa-token-manager.ts";
import { createZaloOaClient } from "./platform/zalo-oa.ts";

export interface AppDeps {
  db: Db;
  config: Config;
  clock?: Clock;
  logger?: Logger;
  /** the process's OA token manager (main.ts); without it the chat uses the configured token as is */
  oaTokens?: OaTokenSource;
}

export function createApp(deps: AppDeps): express.Express {
  const { db, config, clock = systemClock, logger = createLogger(config.logLevel) } = deps;
  const zalo = createZaloGraphClient({ baseUrl: config.zalo.graphUrl, appSecret: config.zalo.appSecret });
  const sandboxOrigin = config.zalo.sandboxUrl ? new URL(config.zalo.sandboxUrl).origin : null;
  const inbox = createInbox(db, config, clock, logger, deps.oaTokens);
  const authenticated = requireSession({ db, clock });
  const maybeAuthenticated = optionalSession({ db, clock });

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", config.trustProxy);
  app.use(requestLogging(logger));
  app.use(securityHeaders({ sandboxOrigin }));

  app.use(healthRoutes({ db, zaloMode: config.zalo.mode }));
  // Before any body parser: the webhook reads its body raw, because the signature covers its bytes.
  app.use(
    webhookRoutes({
      db,
      clock,
      signature: signatureSettings(config),
      maxAgeSeconds: config.webhook.maxAgeSeconds,
      enqueue: (id) => inbox.enqueue(id),
    }),
  );

  const api = express.Router();
  // The mini app inside Zalo is served from Zalo's host and calls us cross-origin.
  api.use(cors({ origin: config.corsOrigins, allowedHeaders: ["Authorization", "Content-Type"], maxAge: 600 }));
  // A sync batch (up to 200 events) needs more room than any other body; a body parsed
  // here is not read again by the general parser below.
  api.use("/sync", express.json({ limit: SYNC_BODY_LIMIT }));
  // An announcement may name every TDP of a large ward (up to 500 ids) beside its text.
  api.post("/announcements", express.json({ limit: "64kb" }));
  api.use(express.json({ limit: "16kb" }));
  api.use(configRoutes({ db, wardName: wardFile.name, sandboxUrl: config.zalo.sandboxUrl }));
  api.use(
    sessionRoutes({ db, clock, zalo, sessionTtlDays: config.sessionTtlDays, rateLimit: config.sessionRateLimit }),
  );
  api.use(meRoutes({ db, clock, controller: wardFile.controller, requireSession: authenticated }));
  api.use(progressRoutes({ db, clock, findLesson, requireSession: authenticated }));
  api.use(syncRoutes({ db, clock, findLesson, requireSession: authenticated }));
  api.use(classManagementRoutes({ db, clock, findLesson, requireSession: authenticated }));
  api.use(classesRoutes({ db, clock, requireSession: authenticated, optionalSession: maybeAuthenticated }));
  api.use(wardSettingsRoutes({ db, clock, requireSession: authenticated }));
  api.use(staffRoutes({ db, defaultQuietHours: wardFile.quietHours, requireSession: authenticated }));
  api.use(broadcastsRoutes({ db, clock, requireSession: authenticated }));
  api.use(staffRemindersRoutes({ db, clock, requireSession: authenticated }));
  api.use(classroomRoutes({ db, clock, findLesson, requireSession: authenticated }));
  api.use(attendanceRoutes({ db, clock, miniAppId: config.miniAppId, requireSession: authenticated }));
  api.use(staffAdminRoutes({ db, clock, defaultQuietHours: wardFile.quietHours, miniAppId: config.miniAppId, requireSession: authenticated }));
  api.use(needsHelpRoutes({ db, clock, findLesson, requireSession: authenticated }));
  api.use(reportRoutes({ db, clock, ward: wardFile, lessons: courseLessons, requireSession: authenticated }));
  api.use(routeNotFound);
  app.use("/api/v1", api);

  app.use(miniAppRoutes({ miniAppDir: config.miniAppDir, miniAppId: config.miniAppId, sandboxOrigin }));
  app.use(routeNotFound);
  app.use(errorHandler(logger));
  // Events a crash left unhandled are handled now, after any already queued.
  const resumed = inbox.resume();
  if (resumed > 0) logger.info({ resumed }, "resuming webhook events left unhandled");
  return app;
}

/**
 * The webhook's inbox worker, handing each stored event to the chat bot. The chat reuses the
 * classes and sync services through ports wired here, so features stay apart.
 */
function createInbox(db: Db, config: Config, clock: Clock, logger: Logger, tokens?: OaTokenSource): InboxWorker {
  const oa = createZaloOaClient({
    baseUrl: config.zalo.oa.openApiUrl,
    tokens: tokens ?? config.zalo.oa.accessToken,
    timeoutMs: config.zalo.httpTimeoutMs,
  });
  const chat: OaEventDeps = {
    db,
    clock,
    logger,
    oa,
    miniAppId: config.miniAppId,
    wardName: wardFile.name,
    controller: wardFile.controller,
    reminderTimes: () => loadWardSettings(db).reminders,
    lessons: courseLessons,
    upcomingMeetings: (tdpId: string, days: number) => listUpcomingMeetings({ db, clock }, { tdpId, days }, undefined),
    recordLearning: (userId: number, events: SyncEvent[]) => {
      syncEvents({ db, clock, findLesson }, userId, { events });
    },
  };
  return new InboxWorker({ db, clock, logger, handle: (stored) => handleOaEvent(chat, stored) });
}

function signatureSettings(config: Config): SignatureSettings {
  return {
    key: config.webhook.signatureKey,
    prefix: config.webhook.signaturePrefix,
    appId: config.zalo.appId,
    oaId: config.zalo.oa.id,
    appSecret: config.zalo.appSecret,
    oaSecretKey: config.zalo.oa.secretKey,
  };
}

/** One log line per request with its id, method, path and status; never headers or bodies. */
function requestLogging(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId: (req, res) => {
      const given = req.headers["x-request-id"];
      const id = typeof given === "string" && /^[A-Za-z0-9._-]{1,64}$/.test(given) ? given : randomUUID();
      res.setHeader("X-Request-Id", id);
      return id;
    },
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        path: req.url.split("?")[0],
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? "error" : "info"),
  });
}

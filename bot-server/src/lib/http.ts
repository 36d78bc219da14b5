// Small Express helpers shared by the features.
import type { ErrorRequestHandler, RequestHandler } from "express";
import type { Logger } from "pino";
import { AppError } from "./errors.ts";

/** For a path that exists but not with this method: 405, naming the methods that work, also in Allow. */
export function onlyMethods(...allowed: string[]): RequestHandler {
  return (req, res) => {
    res.set("Allow", allowed.join(", "));
    const path = req.originalUrl.split("?")[0];
    throw new AppError("method_not_allowed", `${req.method} ${path} is not supported; use ${allowed.join(" or ")}`);
  };
}

export const routeNotFound: RequestHandler = (req) => {
  throw new AppError("not_found", `Nothing at ${req.method} ${req.originalUrl.split("?")[0]}`);
};

/**
 * Errors Express and body-parser raise for the client's mistakes: a body too big or not
 * JSON, an unsupported encoding, a URL with broken percent-encoding.
 */
function fromHttpLayer(err: unknown): AppError | undefined {
  const { type, status, expose, limit } = (err ?? {}) as {
    type?: unknown;
    status?: unknown;
    expose?: unknown;
    limit?: unknown;
  };
  if (type === "entity.too.large" || status === 413) {
    const kB = typeof limit === "number" ? Math.round(limit / 1024) : 16;
    return new AppError("payload_too_large", `The body is over ${kB} kB`);
  }
  if (type === "entity.parse.failed") return AppError.badRequest("The body is not valid JSON");
  if (typeof status !== "number" || status < 400 || status >= 500) return undefined;
  if (err instanceof URIError) return AppError.badRequest("The URL has invalid percent-encoding");
  return AppError.badRequest(expose === true ? (err as Error).message : "Bad request");
}

/**
 * What caused a refusal, by name and codes only (e.g. ZaloError -242 from GET /v2.0/me, which
 * points at a wrong app secret): messages may quote client input, so they stay out of logs.
 */
function causeSummary(cause: unknown): Record<string, unknown> | undefined {
  if (!(cause instanceof Error)) return undefined;
  const { errorCode, endpoint, status } = cause as { errorCode?: unknown; endpoint?: unknown; status?: unknown };
  return { name: cause.name, errorCode, endpoint, status };
}

/**
 * The last middleware: every error becomes a clean JSON body with the request id. Client
 * mistakes are logged by code only; anything else is ours, logged with its stack as internal.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) return next(err);
    const known = err instanceof AppError ? err : fromHttpLayer(err);
    const appError = known ?? new AppError("internal", "Something went wrong on our side; try again later");
    const log = req.log ?? logger;
    if (known && appError.status < 500) {
      log.info({ code: appError.code, requestId: req.id, cause: causeSummary(appError.cause) }, "request refused");
    } else if (known) {
      log.warn({ code: appError.code, requestId: req.id, cause: causeSummary(appError.cause) }, appError.message);
    } else {
      log.error({ err, requestId: req.id }, "unhandled error");
    }
    res.status(appError.status).json(appError.toBody(typeof req.id === "string" ? req.id : undefined));
  };
}

// JSON bodies of Zalo endpoints: read before the endpoint's guards and credential checks
// without judging them, so guards can see which group or user a request is for and a bad
// token is still reported before a bad body. A body that is not JSON, or too big, is then an
// invalid parameter (-201) in Zalo's envelope on HTTP 200, never the control API's error shape.
import express, { type ErrorRequestHandler, type RequestHandler } from "express";
import { invalidParam, sendZaloFailure } from "./zalo-envelope.ts";

/** Parses a JSON body, keeping a failure in res.locals for reportBodyError. */
export function readJsonQuietly(limitKb: number): RequestHandler {
  const json = express.json({ limit: `${limitKb}kb` });
  return (req, res, next) => {
    json(req, res, (err?: unknown) => {
      if (err) res.locals.bodyError = err;
      next();
    });
  };
}

/** Where the endpoint wants the body judged: passes on the failure readJsonQuietly kept. */
export const reportBodyError: RequestHandler = (_req, res, next) => {
  next(res.locals.bodyError);
};

export function bodyErrorsAsZaloFailures(limitKb: number): ErrorRequestHandler {
  return (err: unknown, _req, res, next) => {
    const type = (err as { type?: unknown } | null)?.type;
    if (type === "entity.parse.failed") return sendZaloFailure(res, invalidParam("body is not valid JSON"));
    if (type === "entity.too.large") return sendZaloFailure(res, invalidParam(`body is over ${limitKb} kB`));
    next(err);
  };
}

// Errors of the sandbox's own control API (not Zalo's): plain HTTP statuses with a JSON
// body `{error: {code, message, fields?}}`, the same shape the bot server answers with.
import type { ErrorRequestHandler, RequestHandler, Response } from "express";
import type { z } from "zod";

export interface FieldProblem {
  path: string;
  message: string;
}

export class ControlError extends Error {
  constructor(
    readonly status: 400 | 404 | 409 | 413,
    readonly code: "bad_request" | "not_found" | "conflict" | "payload_too_large",
    message: string,
    readonly fields?: FieldProblem[],
  ) {
    super(message);
    this.name = "ControlError";
  }
}

export function fieldProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({
    path: issue.path.length > 0 ? issue.path.map(String).join(".") : "(body)",
    message: issue.message,
  }));
}

function send(res: Response, err: ControlError): void {
  const body = { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) };
  res.status(err.status).json({ error: body });
}

export const notFound: RequestHandler = (req, res) => {
  send(res, new ControlError(404, "not_found", `Nothing at ${req.method} ${req.path}`));
};

/** Turns body-parser failures and ControlErrors into JSON; anything else is a sandbox bug. */
export const controlErrorHandler: ErrorRequestHandler = (err: unknown, _req, res, next) => {
  if (res.headersSent) return next(err);
  if (err instanceof ControlError) return send(res, err);
  const { type, status, message } = (err ?? {}) as { type?: unknown; status?: unknown; message?: unknown };
  if (type === "entity.too.large") return send(res, new ControlError(413, "payload_too_large", "Body over 16 kB"));
  if (type === "entity.parse.failed") return send(res, new ControlError(400, "bad_request", "Body is not valid JSON"));
  if (typeof status === "number" && status >= 400 && status < 500) {
    return send(res, new ControlError(400, "bad_request", typeof message === "string" ? message : "Bad request"));
  }
  console.error("zalo-sandbox: unexpected error", err);
  res.status(500).json({ error: { code: "internal", message: "The sandbox failed; see its console" } });
};

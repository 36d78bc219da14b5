// One error class for everything the API refuses, with the closed code set from the shared
// contract and the one table that turns a code into an HTTP status.
import type { ErrorBody, ErrorCode } from "@hocso/shared/api";
import type { z } from "zod";

export interface FieldError {
  /** dotted path into the request body, e.g. "quiz.total" */
  path: string;
  message: string;
}

export const HTTP_STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  upstream: 502,
  internal: 500,
  unavailable: 503,
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldError[],
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "AppError";
  }

  get status(): number {
    return HTTP_STATUS[this.code];
  }

  static badRequest(message: string, fields?: FieldError[]): AppError {
    return new AppError("bad_request", message, fields);
  }

  /** A 400 about one field, e.g. AppError.field("tdpId", "no such TDP"). */
  static field(path: string, message: string): AppError {
    return new AppError("bad_request", `Invalid ${path}: ${message}`, [{ path, message }]);
  }

  toBody(requestId?: string): ErrorBody {
    return {
      error: { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) },
      ...(requestId ? { requestId } : {}),
    };
  }
}

/** zod's issues as field errors; an unknown key is reported under its own name. */
export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue) => {
    const base = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ path: base ? `${base}.${key}` : key, message: "is not a known field" }));
    }
    return [{ path: base || "(body)", message: issue.message }];
  });
}

// The one HTTP client for our bot server's /api/v1. It turns every failure into an ApiError
// whose message is a short Vietnamese sentence a learner can act on; the code, status and
// request id stay on the error for logs.
import type { z } from "zod";
import { ErrorBodySchema, type ErrorCode } from "@hocso/shared/api";
import { env } from "./env.ts";
import { strings } from "./strings.ts";

/** the server's codes, plus what can go wrong before an answer arrives */
export type ApiErrorCode = ErrorCode | "network" | "sign_in" | "unexpected";

export class ApiError extends Error {
  constructor(
    /** friendly Vietnamese text for the screen */
    message: string,
    readonly code: ApiErrorCode,
    readonly status: number,
    readonly fields: ReadonlyArray<{ path: string; message: string }> = [],
    readonly requestId?: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

const MESSAGES: Record<ErrorCode, string> = {
  bad_request: strings.errors.badRequest,
  unauthorized: strings.errors.unauthorized,
  forbidden: strings.errors.forbidden,
  not_found: strings.errors.notFound,
  method_not_allowed: strings.errors.internal,
  conflict: strings.errors.conflict,
  payload_too_large: strings.errors.tooLarge,
  rate_limited: strings.errors.rateLimited,
  upstream: strings.errors.upstream,
  internal: strings.errors.internal,
  unavailable: strings.errors.unavailable,
};

/** Vietnamese text for a failed answer; field paths become the names a learner knows. */
export function friendlyMessage(code: ErrorCode, fields: ReadonlyArray<{ path: string }> = []): string {
  if (code === "bad_request" && fields.length > 0) {
    const names = [...new Set(fields.map((f) => strings.fieldNames[f.path.split(".")[0] ?? ""] ?? f.path))];
    return strings.errors.badFields(names.join(", "));
  }
  return MESSAGES[code];
}

const STATUS_CODES: Record<number, ErrorCode> = {
  400: "bad_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  413: "payload_too_large",
  429: "rate_limited",
  502: "upstream",
  503: "upstream",
  504: "upstream",
};

export interface ApiRequest<T> {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** below /api/v1, e.g. "/progress" */
  path: string;
  body?: unknown;
  token?: string;
  /** how the successful answer must look; a mismatch is reported, not trusted */
  schema: z.ZodType<T>;
}

export function apiUrl(path: string): string {
  return `${env.apiBaseUrl}/api/v1${path}`;
}

export async function apiRequest<T>({ method, path, body, token, schema }: ApiRequest<T>): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (token) headers.Authorization = `Bearer ${token}`;

  let response: Response;
  try {
    response = await fetch(apiUrl(path), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(strings.errors.network, "network", 0);
  }

  const payload: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw errorFromAnswer(response.status, payload);

  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    console.error(`unexpected answer from ${method} ${path}`, parsed.error.issues);
    throw new ApiError(strings.errors.unexpected, "unexpected", response.status);
  }
  return parsed.data;
}

function errorFromAnswer(status: number, payload: unknown): ApiError {
  const body = ErrorBodySchema.safeParse(payload);
  if (body.success) {
    const { code, fields = [] } = body.data.error;
    return new ApiError(friendlyMessage(code, fields), code, status, fields, body.data.requestId);
  }
  const code = STATUS_CODES[status] ?? (status >= 500 ? "internal" : "bad_request");
  return new ApiError(friendlyMessage(code), code, status);
}

/** The text to show for any error a request may throw. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  console.error(error);
  return strings.errors.unexpected;
}

// The one way a request to Zalo is made and judged: network, HTTP status and Zalo's
// `{error, message}` envelope (HTTP 200 with a non-zero `error` is a failure, ZALO.md §1.3),
// shared by the graph, OA, OAuth and mini app adapters.
import axios, { type AxiosInstance, type AxiosRequestConfig } from "axios";
import { z } from "zod";
import { ZaloError, ZaloHttpError } from "./zalo-error.ts";

const EnvelopeSchema = z.looseObject({ error: z.number(), message: z.string().optional() });

/**
 * Network failures where the request cannot have reached Zalo: nothing was connected, so
 * nothing was sent. Every other failure (a timeout, a reset socket) may have been processed.
 */
const NEVER_SENT_CODES: ReadonlySet<string> = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ERR_INVALID_URL",
]);

/**
 * Zalo could not be reached or did not answer in time. `mayHaveArrived` tells a sender
 * whether Zalo may have acted on the request anyway (a timeout, a connection reset after the
 * body went out) or certainly did not (connection refused, unknown host).
 */
export class ZaloUnreachableError extends ZaloHttpError {
  constructor(
    endpoint: string,
    /** the socket or axios code, e.g. ECONNREFUSED, ECONNABORTED (timeout), ECONNRESET */
    readonly networkCode: string,
  ) {
    super(`Zalo unreachable (${networkCode})`, endpoint, undefined);
    this.name = "ZaloUnreachableError";
  }

  get mayHaveArrived(): boolean {
    return !NEVER_SENT_CODES.has(this.networkCode);
  }
}

export function createZaloHttp(baseUrl: string, timeoutMs: number): AxiosInstance {
  return axios.create({
    baseURL: baseUrl,
    timeout: timeoutMs,
    // Zalo reports failures inside a 200 body; every status is judged in zaloCall, not by axios.
    validateStatus: () => true,
    headers: { Accept: "application/json" },
  });
}

/**
 * One request to Zalo, judged only on the network and the HTTP status: resolves with the
 * parsed body of a 2xx answer. For endpoints whose success has no envelope (OAuth v4).
 * Throws ZaloUnreachableError for a network failure, ZaloHttpError for a non-2xx status.
 */
export async function zaloRequest(http: AxiosInstance, endpoint: string, request: AxiosRequestConfig): Promise<unknown> {
  let status: number;
  let data: unknown;
  try {
    ({ status, data } = await http.request(request));
  } catch (err) {
    // The axios error holds the request headers, access token included: keep only its code.
    const code = (err as { code?: unknown }).code;
    throw new ZaloUnreachableError(endpoint, typeof code === "string" ? code : "network error");
  }
  if (status < 200 || status >= 300) throw new ZaloHttpError(`Zalo answered HTTP ${status}`, endpoint, status);
  return data;
}

/**
 * One request to Zalo. Returns the envelope when `error` is 0; throws ZaloError (Zalo's
 * code, message and `endpoint`, e.g. "POST /v3.0/oa/message/cs") for a non-zero `error`,
 * ZaloHttpError when Zalo is unreachable, times out, answers non-2xx or without an envelope.
 */
export async function zaloCall(
  http: AxiosInstance,
  endpoint: string,
  request: AxiosRequestConfig,
): Promise<Record<string, unknown>> {
  const data = await zaloRequest(http, endpoint, request);
  const envelope = EnvelopeSchema.safeParse(data);
  if (!envelope.success) {
    throw new ZaloHttpError("Zalo answered without its {error, message} envelope", endpoint, 200);
  }
  if (envelope.data.error !== 0) {
    throw new ZaloError(envelope.data.error, envelope.data.message ?? "Zalo error", endpoint);
  }
  return envelope.data;
}

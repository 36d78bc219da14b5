// The one way a request to Zalo is made and judged: network, HTTP status and Zalo's
// `{error, message}` envelope (HTTP 200 with a non-zero `error` is a failure, ZALO.md §1.3),
// shared by the graph and OA adapters.
import axios, { type AxiosInstance, type AxiosRequestConfig } from "axios";
import { z } from "zod";
import { ZaloError, ZaloHttpError } from "./zalo-error.ts";

const EnvelopeSchema = z.looseObject({ error: z.number(), message: z.string().optional() });

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
 * One request to Zalo. Returns the envelope when `error` is 0; throws ZaloError (Zalo's
 * code, message and `endpoint`, e.g. "POST /v3.0/oa/message/cs") for a non-zero `error`,
 * ZaloHttpError when Zalo is unreachable, times out, answers non-2xx or without an envelope.
 */
export async function zaloCall(
  http: AxiosInstance,
  endpoint: string,
  request: AxiosRequestConfig,
): Promise<Record<string, unknown>> {
  let status: number;
  let data: unknown;
  try {
    ({ status, data } = await http.request(request));
  } catch (err) {
    // The axios error holds the request headers, access token included: keep only its code.
    const code = (err as { code?: unknown }).code;
    const reason = typeof code === "string" ? code : "network error";
    throw new ZaloHttpError(`Zalo unreachable (${reason})`, endpoint, undefined);
  }
  if (status < 200 || status >= 300) throw new ZaloHttpError(`Zalo answered HTTP ${status}`, endpoint, status);
  const envelope = EnvelopeSchema.safeParse(data);
  if (!envelope.success) {
    throw new ZaloHttpError("Zalo answered without its {error, message} envelope", endpoint, status);
  }
  if (envelope.data.error !== 0) {
    throw new ZaloError(envelope.data.error, envelope.data.message ?? "Zalo error", endpoint);
  }
  return envelope.data;
}

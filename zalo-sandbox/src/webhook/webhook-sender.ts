// Delivers webhook events the way Zalo does: one signed JSON POST to the configured URL
// (ZALO.md §2.1–2.2). Test options break it on purpose: duplicates, a wrong key.
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import type { WebhookEvent } from "./events.ts";
import { signatureHeader } from "./signature.ts";

/** Zalo expects 200 within 2 s; the sandbox waits longer and reports how long it took. */
const DELIVERY_TIMEOUT_MS = 10_000;
/** enough of the bot server's answer to read an error message */
const ANSWER_BODY_LIMIT = 16 * 1024;

export interface SendOptions {
  /** send the identical signed request this many more times, all at once, after the first */
  redeliver?: number | undefined;
  /** sign with this key instead of the OA secret key */
  signWith?: string | undefined;
}

/** The webhook's HTTP answer; status null when there was none (refused, timed out). */
export interface Delivery {
  status: number | null;
  /** JSON when the answer was JSON, else its text */
  body: unknown;
  durationMs: number;
  error?: string;
}

export interface SendResult {
  delivery: Delivery;
  /** one per duplicate asked for with `redeliver` */
  redeliveries: Delivery[];
}

export interface WebhookSenderOptions {
  appId: string;
  oaSecretKey: string;
  url?: string | undefined;
}

export class WebhookSender {
  readonly #appId: string;
  readonly #oaSecretKey: string;
  #url: URL | undefined;

  constructor(options: WebhookSenderOptions) {
    this.#appId = options.appId;
    this.#oaSecretKey = options.oaSecretKey;
    this.setUrl(options.url);
  }

  get url(): string | undefined {
    return this.#url?.href;
  }

  /** undefined stops sending; anything but an http(s) URL throws. */
  setUrl(url: string | undefined): void {
    if (url === undefined) {
      this.#url = undefined;
      return;
    }
    const parsed = new URL(url);
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
      throw new Error(`The webhook URL must be http(s), got ${url}`);
    }
    this.#url = parsed;
  }

  /** Serialises once, so the first request and every duplicate carry the same bytes. */
  async send(event: WebhookEvent, options: SendOptions = {}): Promise<SendResult> {
    const url = this.#url;
    if (!url) throw new Error("No webhook URL is set");
    const rawBody = Buffer.from(JSON.stringify(event), "utf8");
    const headers = {
      "Content-Type": "application/json",
      "X-ZEvent-Signature": signatureHeader(
        this.#appId,
        rawBody,
        event.timestamp,
        options.signWith ?? this.#oaSecretKey,
      ),
    };
    const delivery = await post(url, rawBody, headers);
    const copies = Array.from({ length: options.redeliver ?? 0 }, () => post(url, rawBody, headers));
    return { delivery, redeliveries: await Promise.all(copies) };
  }
}

/** node:http without keep-alive, so the receiver can close its server at once. */
function post(url: URL, body: Buffer, headers: Record<string, string>): Promise<Delivery> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const request = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const req = request(
      url,
      {
        method: "POST",
        headers: { ...headers, "Content-Length": String(body.length) },
        agent: false,
        timeout: DELIVERY_TIMEOUT_MS,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          if (size < ANSWER_BODY_LIMIT) chunks.push(chunk);
          size += chunk.length;
        });
        const status = res.statusCode ?? null;
        res.on("end", () => {
          const text = Buffer.concat(chunks).subarray(0, ANSWER_BODY_LIMIT).toString("utf8");
          resolve({ status, body: answerBody(res.headers["content-type"], text), durationMs: elapsed() });
        });
        res.on("error", (err) => resolve({ status, body: null, durationMs: elapsed(), error: err.message }));
      },
    );
    req.on("timeout", () => req.destroy(new Error(`no answer within ${DELIVERY_TIMEOUT_MS} ms`)));
    req.on("error", (err) => resolve({ status: null, body: null, durationMs: elapsed(), error: err.message }));
    req.end(body);
  });
}

function answerBody(contentType: string | undefined, text: string): unknown {
  if (!contentType?.includes("json")) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

// POST /webhooks/zalo-oa: Zalo's signed events for the ward's Official Account (docs/API.md
// "Zalo OA webhook"). The body is read raw (the signature covers its exact bytes), checked,
// stored once in the inbox, and answered 200 at once; handling happens after the answer.
import express, { Router } from "express";
import type { Db } from "../../db/database.ts";
import { insertInboxEvent } from "../../db/webhook-inbox.ts";
import type { Clock } from "../../lib/clock.ts";
import { AppError, fieldErrors } from "../../lib/errors.ts";
import { onlyMethods } from "../../lib/http.ts";
import { OaEventSchema, type OaEvent } from "../../platform/zalo-oa-events.ts";
import { eventIds, eventKey, storablePayload } from "./webhook-event.ts";
import { parseSignatureHeader, verifySignature, type SignatureSettings } from "./webhook-signature.ts";

export const WEBHOOK_PATH = "/webhooks/zalo-oa";
export const WEBHOOK_BODY_LIMIT = "64kb";

/** A sender's clock may run a little ahead of ours; further ahead is not a real event. */
export const WEBHOOK_FUTURE_TOLERANCE_MS = 5 * 60_000;

export interface WebhookDeps {
  db: Db;
  clock: Clock;
  signature: SignatureSettings;
  maxAgeSeconds: number;
  /** called with the new inbox row's id once it is stored; handles it after the answer */
  enqueue: (inboxId: number) => void;
}

export function webhookRoutes(deps: WebhookDeps): Router {
  const router = Router();
  router
    .route(WEBHOOK_PATH)
    // Any content type, parsed by nobody but us: the signature is over the raw bytes.
    .post(express.raw({ type: () => true, limit: WEBHOOK_BODY_LIMIT }), (req, res) => {
      const rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const mac = parseSignatureHeader(req.get("x-zevent-signature"));
      if (mac === null) throw new AppError("unauthorized", "Missing or malformed X-ZEvent-Signature (mac=<hex>)");
      const body = parseJson(rawBody);
      const timestamp = req.get("x-zevent-timestamp") ?? bodyTimestamp(body);
      if (timestamp === undefined) {
        throw new AppError("unauthorized", "No timestamp to check the signature with (X-ZEvent-Timestamp or body)");
      }
      const match = verifySignature(deps.signature, mac, rawBody, timestamp);
      if (match === null) throw new AppError("unauthorized", "The signature does not match this body");
      checkFresh(timestamp, deps.clock.now(), deps.maxAgeSeconds);
      const event = parseEvent(body);
      const key = eventKey(event, timestamp);
      const stored = insertInboxEvent(deps.db, {
        eventKey: key,
        eventName: event.event_name,
        payload: storablePayload(event),
        receivedAt: deps.clock.now().toISOString(),
      });
      const log = { event: event.event_name, key, inboxId: stored.id, ...eventIds(event) };
      if (stored.created) {
        req.log.info({ ...log, signatureKey: match.key, signaturePrefix: match.prefix }, "webhook event stored");
      } else {
        req.log.info(log, "webhook event already stored; ignored");
      }
      res.status(200).json({ ok: true });
      if (stored.created) deps.enqueue(stored.id);
    })
    .all(onlyMethods("POST"));
  return router;
}

function parseJson(raw: Buffer): Record<string, unknown> {
  let body: unknown;
  try {
    body = JSON.parse(raw.toString("utf8"));
  } catch {
    throw AppError.badRequest("The body is not valid JSON");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw AppError.badRequest("The body must be a JSON object");
  }
  return body as Record<string, unknown>;
}

function bodyTimestamp(body: Record<string, unknown>): string | undefined {
  const t = body.timestamp;
  return typeof t === "string" || typeof t === "number" ? String(t) : undefined;
}

/** A replayed old event (or one dated far ahead) is refused like a forged one: 401, nothing stored. */
function checkFresh(timestamp: string, now: Date, maxAgeSeconds: number): void {
  const at = /^\d{1,16}$/.test(timestamp) ? Number(timestamp) : Number.NaN;
  if (Number.isNaN(at)) {
    throw new AppError("unauthorized", "The event is stale: its timestamp is not epoch milliseconds");
  }
  const age = now.getTime() - at;
  if (age > maxAgeSeconds * 1000) {
    throw new AppError("unauthorized", `The event is stale: older than ${maxAgeSeconds} s`);
  }
  if (-age > WEBHOOK_FUTURE_TOLERANCE_MS) {
    throw new AppError("unauthorized", "The event is stale: dated more than 5 minutes ahead of our clock");
  }
}

function parseEvent(body: Record<string, unknown>): OaEvent {
  const parsed = OaEventSchema.safeParse(body);
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error);
    throw AppError.badRequest(`Not a Zalo OA event: ${fields.map((f) => f.path).join(", ")}`, fields);
  }
  return parsed.data;
}

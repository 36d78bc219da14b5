// Applies an injected fault to the request in hand. It runs among the endpoint's guards,
// before the access-token check, so a fault hits a request with a bad token too.
import type { RequestHandler, Response } from "express";
import type { EndpointGuards, ZaloEndpoint } from "../endpoint-guards.ts";
import { requestTarget } from "../request-target.ts";
import type { SandboxStore } from "../store.ts";
import { sendZaloFailure, ZALO_FAILURES, type ZaloFailure } from "../zalo-envelope.ts";
import type { Fault, FaultKind, FaultRegistry } from "./fault-registry.ts";
import type { HeldRequests } from "./held-requests.ts";

const ZALO_ANSWERS: Partial<Record<FaultKind, ZaloFailure>> = {
  "zalo-32": ZALO_FAILURES.rateLimited,
  "zalo-216": ZALO_FAILURES.invalidAccessToken,
  "zalo-220": ZALO_FAILURES.accessTokenExpired,
  "zalo-403": ZALO_FAILURES.oaNotInGroup,
  "zalo-237": ZALO_FAILURES.groupDisabled,
  "zalo-230": ZALO_FAILURES.noInteractionIn7Days,
};

export function faultGuards(faults: FaultRegistry, held: HeldRequests, store: SandboxStore): EndpointGuards {
  return (endpoint) => [applyFault(endpoint, faults, held, store)];
}

function applyFault(
  endpoint: ZaloEndpoint,
  faults: FaultRegistry,
  held: HeldRequests,
  store: SandboxStore,
): RequestHandler {
  return (req, res, next) => {
    const fault = faults.take(endpoint, requestTarget(endpoint, req, store));
    if (!fault) return next();
    switch (fault.kind) {
      case "http-500":
        return void res.status(500).type("text/plain").send("500 Internal Server Error (sandbox fault)\n");
      case "http-503":
        return void res.status(503).type("text/plain").send("503 Service Unavailable (sandbox fault)\n");
      case "timeout":
        // nothing is processed; the connection is cut when the time is up
        return held.hold(res, delayOf(fault), () => res.socket?.destroy());
      case "slow":
        answerLate(res, delayOf(fault), held);
        return next();
      default: {
        const failure = ZALO_ANSWERS[fault.kind];
        if (failure) return sendZaloFailure(res, failure);
        next();
      }
    }
  };
}

function delayOf(fault: Fault): number {
  return fault.delayMs ?? 0;
}

/** The endpoint does its work now (the message is recorded); only its answer leaves late. */
function answerLate(res: Response, ms: number, held: HeldRequests): void {
  const end = res.end.bind(res) as (...args: unknown[]) => Response;
  res.end = ((...args: unknown[]) => {
    held.hold(res, ms, () => end(...args));
    return res;
  }) as Response["end"];
}

// The hook where per-endpoint middleware goes: each Zalo endpoint the sandbox answers is
// registered with its name and runs its guards before anything else, the access-token check
// included, so a rate limit (ZALO.md §1.6: -32) or an injected fault hits a request whatever
// credentials it carries.
import type { RequestHandler } from "express";

export const ZALO_ENDPOINTS = [
  "graph.me",
  "oa.message.cs",
  "oa.group.message",
  "oa.group.conversation",
  "oa.group.list",
  "oauth.access_token",
  "miniapp.notification",
] as const;

export type ZaloEndpoint = (typeof ZALO_ENDPOINTS)[number];

/** The Official Account API (openapi.zalo.me /v3.0/oa, /v2.0/oa): what the per-app limit counts. */
export function isOaEndpoint(endpoint: ZaloEndpoint): boolean {
  return endpoint.startsWith("oa.");
}

export type EndpointGuards = (endpoint: ZaloEndpoint) => RequestHandler[];

export const noGuards: EndpointGuards = () => [];

/** Runs each set of guards in the order given. */
export function combineGuards(...sets: EndpointGuards[]): EndpointGuards {
  return (endpoint) => sets.flatMap((guards) => guards(endpoint));
}

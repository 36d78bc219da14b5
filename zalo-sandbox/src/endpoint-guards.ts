// The hook where per-endpoint middleware goes: each Zalo endpoint the sandbox answers is
// registered with its name, and runs whatever guards that name gets before its handler.
// None yet; rate limits (ZALO.md §1.6: -32) and injected faults will plug in here.
import type { RequestHandler } from "express";

export type ZaloEndpoint = "graph.me" | "oa.message.cs" | "oa.group.message";

export type EndpointGuards = (endpoint: ZaloEndpoint) => RequestHandler[];

export const noGuards: EndpointGuards = () => [];

// Who a Zalo request is for, read before the endpoint's own checks so that a fault or a
// per-group limit can single out one group or one user. Whatever cannot be read (a broken
// body, a missing header) is simply absent: the endpoint itself will say what is wrong.
import type { Request } from "express";
import type { ZaloEndpoint } from "./endpoint-guards.ts";
import type { SandboxStore } from "./store.ts";

export interface RequestTarget {
  groupId?: string;
  /** every id the recipient goes by: app-scoped and OA-scoped when the user is known */
  userIds: string[];
}

export function requestTarget(endpoint: ZaloEndpoint, req: Request, store: SandboxStore): RequestTarget {
  switch (endpoint) {
    case "oa.message.cs":
      return { userIds: idsOf(store, field(field(req.body, "recipient"), "user_id")) };
    case "oa.group.message":
      return withGroup(field(field(req.body, "recipient"), "group_id"));
    case "oa.group.conversation":
      return withGroup(req.query.group_id);
    case "miniapp.notification":
      return { userIds: idsOf(store, req.get("X-User-Id")) };
    case "graph.me": {
      const found = store.lookupToken(req.get("access_token") ?? "");
      return { userIds: found.status === "valid" ? [found.user.id, found.user.oaUserId] : [] };
    }
    default:
      return { userIds: [] };
  }
}

function field(value: unknown, name: string): unknown {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

function withGroup(groupId: unknown): RequestTarget {
  return typeof groupId === "string" && groupId !== "" ? { groupId, userIds: [] } : { userIds: [] };
}

function idsOf(store: SandboxStore, id: unknown): string[] {
  if (typeof id !== "string" || id === "") return [];
  const user = store.findUserByAnyId(id);
  return user ? [user.id, user.oaUserId] : [id];
}

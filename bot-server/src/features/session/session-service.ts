// Signing in: a Zalo user access token becomes one of our sessions. Zalo tells us who the
// learner is (graph /v2.0/me); the client never does.
import type { SessionResponse } from "@hocso/shared/api";
import type { Db } from "../../db/database.ts";
import { insertSession } from "../../db/sessions.ts";
import { findOrCreateUser } from "../../db/users.ts";
import { addDays, type Clock } from "../../lib/clock.ts";
import { AppError } from "../../lib/errors.ts";
import { loadMe } from "../../lib/learner-view.ts";
import { hashToken, newSessionToken } from "../../lib/tokens.ts";
import { INVALID_USER_TOKEN_CODES, ZaloError } from "../../platform/zalo-error.ts";
import type { ZaloGraphClient, ZaloProfile } from "../../platform/zalo-graph.ts";

export interface SessionDeps {
  db: Db;
  clock: Clock;
  zalo: ZaloGraphClient;
  sessionTtlDays: number;
}

export interface StartedSession {
  userId: number;
  /** true when this Zalo account signed in for the first time */
  created: boolean;
  response: SessionResponse;
}

export async function startSession(deps: SessionDeps, accessToken: string): Promise<StartedSession> {
  const profile = await identify(deps.zalo, accessToken);
  const now = deps.clock.now();
  const token = newSessionToken();
  const expiresAt = addDays(now, deps.sessionTtlDays).toISOString();
  const { user, created } = deps.db.transaction(() => {
    const found = findOrCreateUser(deps.db, profile.id, now);
    insertSession(deps.db, {
      tokenHash: hashToken(token),
      userId: found.user.id,
      createdAt: now.toISOString(),
      expiresAt,
    });
    return found;
  })();
  return { userId: user.id, created, response: { token, expiresAt, me: loadMe(deps.db, user.id) } };
}

/** Zalo's refusals become 401 (get a new token); anything else from Zalo is a 502. */
async function identify(zalo: ZaloGraphClient, accessToken: string): Promise<ZaloProfile> {
  try {
    return await zalo.getMe(accessToken);
  } catch (err) {
    if (err instanceof ZaloError && INVALID_USER_TOKEN_CODES.has(err.errorCode)) {
      const message = "Zalo did not accept this access token; get a new one and try again";
      throw new AppError("unauthorized", message, undefined, { cause: err });
    }
    const message = "Zalo could not confirm who you are right now; try again shortly";
    throw new AppError("upstream", message, undefined, { cause: err });
  }
}

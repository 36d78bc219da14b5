// Keeps the ward's OA access token alive (ZALO.md §1.2): an access token lives 25 h, the
// refresh token is single-use and rotates. The pair lives in oa_tokens; a refresh stores the
// rotated pair before the new access token is handed to anyone, refreshes run one at a time,
// and a call refused for its token (-216, -220) is retried once with a fresh one.
import { createHash } from "node:crypto";
import type { AxiosInstance } from "axios";
import type { Db } from "../db/database.ts";
import { findOaTokens, saveOaTokens, type StoredOaTokens } from "../db/oa-tokens.ts";
import type { Clock } from "../lib/clock.ts";
import type { Logger } from "../lib/logger.ts";
import { ZaloError } from "./zalo-error.ts";
import { createZaloHttp } from "./zalo-http.ts";
import { refreshOaAccessToken } from "./zalo-oauth.ts";

/** Where OA calls get their access token: the manager, or a fixed token (tests, the chat's old wiring). */
export interface OaTokenSource {
  accessToken(): Promise<string>;
  /** Runs `call` with the token; a source that can refresh retries it once after -216/-220. */
  withToken?<T>(call: (accessToken: string) => Promise<T>): Promise<T>;
}

/** -216 invalid access token, -220 expired access token: both cured by a refresh (ZALO.md §1.7). */
export const STALE_TOKEN_CODES: ReadonlySet<number> = new Set([-216, -220]);

/** The configured access token's life, counted from when the server first sees it. */
export const SEED_ACCESS_TTL_MS = 25 * 3_600_000;
/** A token this close to its end is refreshed before use rather than sent to fail. */
export const REFRESH_MARGIN_MS = 5 * 60_000;

/**
 * Zalo refused the stored refresh token (used, expired after 3 months, or the app's access
 * revoked). Only an OA admin consenting again, and ZALO_OA_REFRESH_TOKEN set to the new
 * token, restarts the chain.
 */
export class OaConsentRequiredError extends Error {
  constructor(
    /** Zalo's OAuth error code */
    readonly errorCode: number,
    readonly endpoint: string,
  ) {
    super(`Zalo refused the OA refresh token (${errorCode}): an OA admin must consent again`);
    this.name = "OaConsentRequiredError";
  }
}

export interface OaTokenManagerDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  appId: string;
  appSecret: string;
  /** config.zalo.oa: the first access token, the refresh token the chain starts from, the OAuth host */
  oa: { accessToken: string; refreshToken: string | null; oauthUrl: string };
  timeoutMs: number;
}

export class OaTokenManager implements Required<OaTokenSource> {
  readonly #deps: OaTokenManagerDeps;
  readonly #http: AxiosInstance;
  #inFlight: Promise<string> | null = null;
  #warnedNoRefresh = false;

  constructor(deps: OaTokenManagerDeps) {
    this.#deps = deps;
    this.#http = createZaloHttp(deps.oa.oauthUrl, deps.timeoutMs);
  }

  /** The stored access token, refreshed first when it ends within REFRESH_MARGIN_MS. */
  async accessToken(): Promise<string> {
    const seed = this.#seedRefreshToken();
    if (seed === null) return this.#deps.oa.accessToken;
    const stored = this.#stored(seed);
    const left = Date.parse(stored.accessExpiresAt) - this.#deps.clock.now().getTime();
    return left <= REFRESH_MARGIN_MS ? this.refresh() : stored.accessToken;
  }

  /**
   * Trades the stored refresh token for a new pair and stores it before answering. Callers
   * arriving while a refresh is running share it: the single-use token is spent once.
   */
  refresh(): Promise<string> {
    this.#inFlight ??= this.#refreshNow().finally(() => {
      this.#inFlight = null;
    });
    return this.#inFlight;
  }

  async withToken<T>(call: (accessToken: string) => Promise<T>): Promise<T> {
    const token = await this.accessToken();
    try {
      return await call(token);
    } catch (err) {
      if (!(err instanceof ZaloError) || !STALE_TOKEN_CODES.has(err.errorCode)) throw err;
      if (this.#seedRefreshToken() === null) throw err;
      // Once: a token refused again right after a refresh is Zalo's problem, not ours to loop on.
      return call(await this.#freshTokenAfterRefusal(token));
    }
  }

  /**
   * Twenty sends refused with the same old token need one refresh, not twenty: a refresh
   * already running is joined, and one finished since the refusal is simply used.
   */
  async #freshTokenAfterRefusal(refused: string): Promise<string> {
    if (this.#inFlight) return this.#inFlight;
    const stored = findOaTokens(this.#deps.db);
    if (stored && stored.accessToken !== refused) return stored.accessToken;
    return this.refresh();
  }

  async #refreshNow(): Promise<string> {
    const { db, clock, logger, appId, appSecret } = this.#deps;
    const seed = this.#seedRefreshToken();
    if (seed === null) throw new Error("no ZALO_OA_REFRESH_TOKEN configured: the OA access token cannot be refreshed");
    const stored = this.#stored(seed);
    let pair;
    try {
      pair = await refreshOaAccessToken(this.#http, { appId, appSecret, refreshToken: stored.refreshToken });
    } catch (err) {
      if (err instanceof ZaloError) {
        logger.error(
          { code: err.errorCode, endpoint: err.endpoint },
          "Zalo refused the OA refresh token: an OA admin must consent again, then set ZALO_OA_REFRESH_TOKEN",
        );
        throw new OaConsentRequiredError(err.errorCode, err.endpoint);
      }
      logger.warn({ err: { name: (err as Error).name, message: (err as Error).message } }, "OA token refresh failed");
      throw err;
    }
    const now = clock.now();
    const accessExpiresAt = new Date(now.getTime() + pair.expiresInSeconds * 1000).toISOString();
    // Stored before anyone uses the new access token: Zalo has already killed the old refresh token.
    saveOaTokens(db, {
      accessToken: pair.accessToken,
      refreshToken: pair.refreshToken,
      accessExpiresAt,
      seedHash: stored.seedHash,
      refreshedAt: now.toISOString(),
    });
    logger.info({ accessExpiresAt }, "OA access token refreshed");
    return pair.accessToken;
  }

  /**
   * The stored pair, or a new chain from the environment when there is none or the configured
   * refresh token changed (an OA admin consented again and the operator set the new token).
   */
  #stored(seed: string): StoredOaTokens {
    const { db, clock, logger, oa } = this.#deps;
    const seedHash = createHash("sha256").update(seed).digest("hex");
    const stored = findOaTokens(db);
    if (stored?.seedHash === seedHash) return stored;
    const now = clock.now();
    const seeded: StoredOaTokens = {
      accessToken: oa.accessToken,
      refreshToken: seed,
      accessExpiresAt: new Date(now.getTime() + SEED_ACCESS_TTL_MS).toISOString(),
      seedHash,
      refreshedAt: now.toISOString(),
    };
    saveOaTokens(db, seeded);
    logger.info({ restarted: stored !== undefined }, "OA token chain starts from the configured refresh token");
    return seeded;
  }

  #seedRefreshToken(): string | null {
    const seed = this.#deps.oa.refreshToken;
    if (seed === null && !this.#warnedNoRefresh) {
      this.#warnedNoRefresh = true;
      this.#deps.logger.warn(
        "no ZALO_OA_REFRESH_TOKEN: the configured OA access token is used as is and stops working within 25 h",
      );
    }
    return seed;
  }
}

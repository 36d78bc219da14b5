// The Official Account's OAuth v4 tokens (ZALO.md §1.2): access tokens live 25 h; a refresh
// token lives 3 months, works once, and each refresh hands back a new pair. The configured
// access token is the first one, valid 25 h from the sandbox's start. The seed refresh token
// is the exception that never dies: it stands for an OA admin consenting again, which on real
// Zalo is the only way back once a rotated refresh token is lost.
import { randomBytes } from "node:crypto";
import { z } from "zod";

/** expires_in "90000": 25 hours */
export const OA_ACCESS_TOKEN_TTL_SECONDS = 90_000;
/** "3 months", taken as 90 days */
export const OA_REFRESH_TOKEN_TTL_MS = 90 * 24 * 60 * 60 * 1000;
/** enough history for a long-running sandbox; the oldest entries go first */
const KEEP = 500;

const AccessTokenSchema = z.object({ token: z.string(), expiresAt: z.number(), revoked: z.boolean() });
const RefreshTokenSchema = z.object({ token: z.string(), expiresAt: z.number(), used: z.boolean() });
type AccessToken = z.infer<typeof AccessTokenSchema>;
type RefreshToken = z.infer<typeof RefreshTokenSchema>;

/** What the state file keeps: issued tokens only, never the configured or seed ones. */
export const OaTokenStateSchema = z.object({
  accessTokens: z.array(AccessTokenSchema),
  refreshTokens: z.array(RefreshTokenSchema),
  refreshes: z.int().min(0),
});
export type OaTokenState = z.infer<typeof OaTokenStateSchema>;

export type AccessTokenCheck = "valid" | "unknown" | "revoked" | "expired";

export type RefreshResult =
  | { ok: true; accessToken: string; refreshToken: string; expiresIn: number }
  | { ok: false; reason: "unknown" | "used" | "expired" };

export interface AccessTokenSummary {
  /** ISO-8601 by the sandbox clock */
  expiresAt: string;
  revoked: boolean;
  /** the last 4 characters: enough to tell tokens apart, never the token */
  suffix: string;
}

export interface OaTokensOptions {
  configuredAccessToken: string;
  seedRefreshToken: string;
  now: () => number;
  /** called after every change worth saving */
  changed: () => void;
}

export class OaTokens {
  readonly #configured: AccessToken;
  readonly #seed: string;
  readonly #access = new Map<string, AccessToken>();
  readonly #refresh = new Map<string, RefreshToken>();
  readonly #now: () => number;
  readonly #changed: () => void;
  #refreshes = 0;

  constructor(options: OaTokensOptions) {
    this.#now = options.now;
    this.#changed = options.changed;
    this.#seed = options.seedRefreshToken;
    this.#configured = {
      token: options.configuredAccessToken,
      expiresAt: options.now() + OA_ACCESS_TOKEN_TTL_SECONDS * 1000,
      revoked: false,
    };
  }

  check(token: string): AccessTokenCheck {
    const found = token === this.#configured.token ? this.#configured : this.#access.get(token);
    if (!found) return "unknown";
    if (found.revoked) return "revoked";
    return found.expiresAt <= this.#now() ? "expired" : "valid";
  }

  /** Spends the refresh token (unless it is the seed) and issues a new pair. */
  refresh(refreshToken: string): RefreshResult {
    if (refreshToken !== this.#seed) {
      const found = this.#refresh.get(refreshToken);
      if (!found) return { ok: false, reason: "unknown" };
      if (found.used) return { ok: false, reason: "used" };
      if (found.expiresAt <= this.#now()) return { ok: false, reason: "expired" };
      found.used = true;
    }
    const now = this.#now();
    const access: AccessToken = {
      token: newToken(),
      expiresAt: now + OA_ACCESS_TOKEN_TTL_SECONDS * 1000,
      revoked: false,
    };
    const next: RefreshToken = { token: newToken(), expiresAt: now + OA_REFRESH_TOKEN_TTL_MS, used: false };
    keepRecent(this.#access.set(access.token, access));
    keepRecent(this.#refresh.set(next.token, next));
    this.#refreshes += 1;
    this.#changed();
    return { ok: true, accessToken: access.token, refreshToken: next.token, expiresIn: OA_ACCESS_TOKEN_TTL_SECONDS };
  }

  /** Every access token still usable stops working; answers how many that was. */
  revokeAll(): number {
    let revoked = 0;
    for (const token of this.#allAccess()) {
      if (this.check(token.token) === "valid") revoked += 1;
      token.revoked = true;
    }
    this.#changed();
    return revoked;
  }

  summary(): { accessTokens: AccessTokenSummary[]; refreshes: number } {
    return {
      accessTokens: this.#allAccess().map((t) => ({
        expiresAt: new Date(t.expiresAt).toISOString(),
        revoked: t.revoked,
        suffix: t.token.slice(-4),
      })),
      refreshes: this.#refreshes,
    };
  }

  toJSON(): OaTokenState {
    return {
      accessTokens: [...this.#access.values()],
      refreshTokens: [...this.#refresh.values()],
      refreshes: this.#refreshes,
    };
  }

  load(saved: OaTokenState): void {
    for (const token of saved.accessTokens) this.#access.set(token.token, { ...token });
    for (const token of saved.refreshTokens) this.#refresh.set(token.token, { ...token });
    this.#refreshes = saved.refreshes;
  }

  #allAccess(): AccessToken[] {
    return [this.#configured, ...this.#access.values()];
  }
}

function newToken(): string {
  return randomBytes(48).toString("base64url");
}

function keepRecent<T>(tokens: Map<string, T>): void {
  for (const key of tokens.keys()) {
    if (tokens.size <= KEEP) return;
    tokens.delete(key);
  }
}

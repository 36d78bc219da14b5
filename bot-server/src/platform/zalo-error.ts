// Failures talking to Zalo, kept apart from our own AppError: the route layer decides what
// a Zalo failure means for our client.

/** Zalo answered, with a non-zero `error` in its envelope (usually on HTTP 200). */
export class ZaloError extends Error {
  constructor(
    /** Zalo's error code, e.g. -216 invalid access token, -242 bad appsecret_proof (ZALO.md §1.7) */
    readonly errorCode: number,
    message: string,
    /** which Zalo endpoint answered, e.g. "GET /v2.0/me" */
    readonly endpoint: string,
  ) {
    super(message);
    this.name = "ZaloError";
  }
}

/** Zalo could not be reached, timed out, answered 5xx, or answered something unreadable. */
export class ZaloHttpError extends Error {
  constructor(
    message: string,
    readonly endpoint: string,
    /** the HTTP status when there was one */
    readonly status: number | undefined,
  ) {
    super(message);
    this.name = "ZaloHttpError";
  }
}

/** Codes that mean "this user access token is no good": the client must get a new one. */
export const INVALID_USER_TOKEN_CODES: ReadonlySet<number> = new Set([-216, -220, -242]);

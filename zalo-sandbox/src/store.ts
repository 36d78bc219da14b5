// What the sandbox remembers: the Zalo users it invented and the access tokens it issued.
// Optionally mirrored to a JSON file so a restart keeps a developer's test accounts.
import { randomBytes, randomInt } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { z } from "zod";

/** Zalo user access tokens live one hour (ZALO.md §1.2). */
export const USER_TOKEN_TTL_SECONDS = 3600;

const SandboxUserSchema = z.object({
  /** Zalo user ids are 18-digit numeric strings, never numbers (ZALO.md §1.3) */
  id: z.string().regex(/^[1-9]\d{17}$/),
  name: z.string(),
  createdAt: z.string(),
});
export type SandboxUser = z.infer<typeof SandboxUserSchema>;

const IssuedTokenSchema = z.object({
  token: z.string(),
  userId: z.string(),
  /** epoch milliseconds */
  expiresAt: z.number(),
});
export type IssuedToken = z.infer<typeof IssuedTokenSchema>;

const StateFileSchema = z.object({
  version: z.literal(1),
  users: z.array(SandboxUserSchema),
  tokens: z.array(IssuedTokenSchema),
});

export type TokenLookup =
  | { status: "valid"; user: SandboxUser; token: IssuedToken }
  | { status: "unknown" }
  | { status: "expired" };

export interface StoreOptions {
  statePath?: string | undefined;
  /** epoch milliseconds; tests move it forward to expire tokens */
  now: () => number;
}

export class SandboxStore {
  readonly #users = new Map<string, SandboxUser>();
  readonly #tokens = new Map<string, IssuedToken>();
  readonly #statePath: string | undefined;
  readonly #now: () => number;

  constructor(options: StoreOptions) {
    this.#statePath = options.statePath;
    this.#now = options.now;
    if (this.#statePath) this.#load(this.#statePath);
  }

  createUser(name?: string): SandboxUser {
    const user: SandboxUser = {
      id: this.#newUserId(),
      name: name ?? `Cư dân thử ${this.#users.size + 1}`,
      createdAt: new Date(this.#now()).toISOString(),
    };
    this.#users.set(user.id, user);
    this.#save();
    return user;
  }

  findUser(id: string): SandboxUser | undefined {
    return this.#users.get(id);
  }

  listUsers(): SandboxUser[] {
    return [...this.#users.values()];
  }

  /** A fresh one-hour user access token, as zmp-sdk's getAccessToken() would give. */
  issueToken(userId: string): IssuedToken {
    if (!this.#users.has(userId)) throw new Error(`no sandbox user ${userId}`);
    const issued: IssuedToken = {
      token: randomBytes(48).toString("base64url"),
      userId,
      expiresAt: this.#now() + USER_TOKEN_TTL_SECONDS * 1000,
    };
    this.#tokens.set(issued.token, issued);
    this.#save();
    return issued;
  }

  lookupToken(token: string): TokenLookup {
    const issued = this.#tokens.get(token);
    const user = issued && this.#users.get(issued.userId);
    if (!issued || !user) return { status: "unknown" };
    if (issued.expiresAt <= this.#now()) return { status: "expired" };
    return { status: "valid", user, token: issued };
  }

  #newUserId(): string {
    for (;;) {
      const id = `${randomInt(100_000_000, 1_000_000_000)}${String(randomInt(0, 1_000_000_000)).padStart(9, "0")}`;
      if (!this.#users.has(id)) return id;
    }
  }

  #load(path: string): void {
    if (!existsSync(path)) return;
    let state: z.infer<typeof StateFileSchema>;
    try {
      state = StateFileSchema.parse(JSON.parse(readFileSync(path, "utf8")));
    } catch (err) {
      throw new Error(`The sandbox state file ${path} is not readable; delete it to start fresh`, { cause: err });
    }
    for (const user of state.users) this.#users.set(user.id, user);
    for (const token of state.tokens) this.#tokens.set(token.token, token);
  }

  /** Written whole and renamed into place, so a crash never leaves half a file. */
  #save(): void {
    if (!this.#statePath) return;
    const now = this.#now();
    const state: z.infer<typeof StateFileSchema> = {
      version: 1,
      users: this.listUsers(),
      tokens: [...this.#tokens.values()].filter((t) => t.expiresAt > now),
    };
    mkdirSync(dirname(this.#statePath), { recursive: true });
    const tmp = `${this.#statePath}.${process.pid}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(state, null, 2)}\n`);
    renameSync(tmp, this.#statePath);
  }
}

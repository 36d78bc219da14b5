// What the sandbox remembers: the Zalo users it invented, the access tokens it issued, and
// what they said to the Official Account. Optionally mirrored to a JSON file so a restart
// keeps a developer's test accounts.
import { randomBytes, randomInt } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { z } from "zod";
import { ConversationEntrySchema, Conversations, type ConversationEntry } from "./conversations.ts";

/** Zalo user access tokens live one hour (ZALO.md §1.2). */
export const USER_TOKEN_TTL_SECONDS = 3600;

const USER_ID = /^[1-9]\d{17}$/;

const SandboxUserSchema = z.object({
  /** Zalo user ids are 18-digit numeric strings, never numbers (ZALO.md §1.3). This is the
   * app-scoped id: graph /me answers it, and webhook events carry it as user_id_by_app. */
  id: z.string().regex(USER_ID),
  name: z.string(),
  createdAt: z.string(),
  /** the same person as the Official Account sees them: webhook sender.id, CS recipient.user_id */
  oaUserId: z.string().regex(USER_ID),
  followsOa: z.boolean(),
  /** ISO time of the last follow, message or button press; the CS 7-day window runs from it */
  lastInteractionAt: z.string().nullable(),
});
export type SandboxUser = z.infer<typeof SandboxUserSchema>;

/** Version 1 files predate the Official Account: their users get an OA id on load. */
const StoredUserSchema = SandboxUserSchema.extend({
  oaUserId: z.string().regex(USER_ID).optional(),
  followsOa: z.boolean().default(false),
  lastInteractionAt: z.string().nullable().default(null),
});

const IssuedTokenSchema = z.object({
  token: z.string(),
  userId: z.string(),
  /** epoch milliseconds */
  expiresAt: z.number(),
});
export type IssuedToken = z.infer<typeof IssuedTokenSchema>;

const ConversationMapSchema = z.record(z.string(), z.array(ConversationEntrySchema));

const StateFileSchema = z.object({
  version: z.union([z.literal(1), z.literal(2)]),
  users: z.array(StoredUserSchema),
  tokens: z.array(IssuedTokenSchema),
  conversations: z
    .object({ users: ConversationMapSchema, groups: ConversationMapSchema })
    .default({ users: {}, groups: {} }),
});
type StateFile = z.input<typeof StateFileSchema>;

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
  readonly #usersByOaId = new Map<string, SandboxUser>();
  /** keyed by the user's app-scoped id */
  readonly #userConversations = new Conversations();
  /** keyed by group id */
  readonly #groupConversations = new Conversations();
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
      oaUserId: this.#newUserId(),
      followsOa: false,
      lastInteractionAt: null,
    };
    this.#put(user);
    this.#save();
    return user;
  }

  findUser(id: string): SandboxUser | undefined {
    return this.#users.get(id);
  }

  /** By the OA-scoped id, as the CS API's recipient.user_id names a user. */
  findUserByOaId(oaUserId: string): SandboxUser | undefined {
    return this.#usersByOaId.get(oaUserId);
  }

  /** By either id: the control API takes whichever the caller has at hand. */
  findUserByAnyId(id: string): SandboxUser | undefined {
    return this.#users.get(id) ?? this.#usersByOaId.get(id);
  }

  /** The user wrote, followed or pressed a button: the CS 7-day window starts again. */
  recordInteraction(userId: string): SandboxUser {
    return this.#update(userId, { lastInteractionAt: new Date(this.#now()).toISOString() });
  }

  setFollowsOa(userId: string, followsOa: boolean): SandboxUser {
    return this.#update(userId, { followsOa });
  }

  appendToUserConversation(userId: string, entry: ConversationEntry): void {
    if (!this.#users.has(userId)) throw new Error(`no sandbox user ${userId}`);
    this.#userConversations.append(userId, entry);
    this.#save();
  }

  userConversation(userId: string): ConversationEntry[] {
    return this.#userConversations.get(userId);
  }

  appendToGroupConversation(groupId: string, entry: ConversationEntry): void {
    this.#groupConversations.append(groupId, entry);
    this.#save();
  }

  /** undefined for a group nobody has written in yet */
  groupConversation(groupId: string): ConversationEntry[] | undefined {
    return this.#groupConversations.has(groupId) ? this.#groupConversations.get(groupId) : undefined;
  }

  listGroupIds(): string[] {
    return this.#groupConversations.keys();
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

  #put(user: SandboxUser): void {
    this.#users.set(user.id, user);
    this.#usersByOaId.set(user.oaUserId, user);
  }

  #update(userId: string, change: Partial<Pick<SandboxUser, "followsOa" | "lastInteractionAt">>): SandboxUser {
    const user = this.#users.get(userId);
    if (!user) throw new Error(`no sandbox user ${userId}`);
    const updated = { ...user, ...change };
    this.#put(updated);
    this.#save();
    return updated;
  }

  /** Unique across both kinds of id, so either one names exactly one user. */
  #newUserId(): string {
    for (;;) {
      const id = `${randomInt(100_000_000, 1_000_000_000)}${String(randomInt(0, 1_000_000_000)).padStart(9, "0")}`;
      if (!this.#users.has(id) && !this.#usersByOaId.has(id)) return id;
    }
  }

  #load(path: string): void {
    if (!existsSync(path)) return;
    let state: z.output<typeof StateFileSchema>;
    try {
      state = StateFileSchema.parse(JSON.parse(readFileSync(path, "utf8")));
    } catch (err) {
      throw new Error(`The sandbox state file ${path} is not readable; delete it to start fresh`, { cause: err });
    }
    for (const user of state.users) {
      if (user.oaUserId) this.#put({ ...user, oaUserId: user.oaUserId });
    }
    const upgraded = state.users.filter((user) => !user.oaUserId);
    for (const user of upgraded) this.#put({ ...user, oaUserId: this.#newUserId() });
    for (const token of state.tokens) this.#tokens.set(token.token, token);
    this.#userConversations.load(state.conversations.users);
    this.#groupConversations.load(state.conversations.groups);
    // written back at once: an OA id the bot server has seen must not change on the next start
    if (upgraded.length > 0) this.#save();
  }

  /** Written whole and renamed into place, so a crash never leaves half a file. */
  #save(): void {
    if (!this.#statePath) return;
    const now = this.#now();
    const state: StateFile = {
      version: 2,
      users: this.listUsers(),
      tokens: [...this.#tokens.values()].filter((t) => t.expiresAt > now),
      conversations: { users: this.#userConversations.toJSON(), groups: this.#groupConversations.toJSON() },
    };
    mkdirSync(dirname(this.#statePath), { recursive: true });
    const tmp = `${this.#statePath}.${process.pid}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(state, null, 2)}\n`);
    renameSync(tmp, this.#statePath);
  }
}

// What the sandbox remembers: the Zalo users it invented, the access tokens it issued, what
// was said to and by the Official Account, its groups and its OAuth tokens. Optionally
// mirrored to a JSON file (state-file.ts) so a restart keeps a developer's test accounts.
import { randomBytes, randomInt } from "node:crypto";
import type { z } from "zod";
import { Conversations, type ConversationEntry } from "./conversations.ts";
import { DEFAULT_OA_ACCESS_TOKEN, DEFAULT_OA_REFRESH_TOKEN } from "./defaults.ts";
import { GroupRegistry, type GroupSettings, type SandboxGroup } from "./groups.ts";
import { OaTokens } from "./oa/oa-tokens.ts";
import type { SandboxUser } from "./sandbox-user.ts";
import { STATE_FILE_VERSION, readStateFile, writeStateFile, type IssuedTokenSchema } from "./state-file.ts";

export type { SandboxUser } from "./sandbox-user.ts";

/** Zalo user access tokens live one hour (ZALO.md §1.2). */
export const USER_TOKEN_TTL_SECONDS = 3600;

export type IssuedToken = z.infer<typeof IssuedTokenSchema>;

export type TokenLookup =
  | { status: "valid"; user: SandboxUser; token: IssuedToken }
  | { status: "unknown" }
  | { status: "expired" };

export interface StoreOptions {
  statePath?: string | undefined;
  /** epoch milliseconds; tests move it forward to expire tokens */
  now: () => number;
  /** the OA access token valid for 25 h from now (default hocso-sandbox-oa-token) */
  oaAccessToken?: string | undefined;
  /** the seed refresh token that never dies (default hocso-sandbox-oa-refresh) */
  oaRefreshToken?: string | undefined;
}

export class SandboxStore {
  readonly #users = new Map<string, SandboxUser>();
  readonly #tokens = new Map<string, IssuedToken>();
  readonly #usersByOaId = new Map<string, SandboxUser>();
  /** keyed by the user's app-scoped id */
  readonly #userConversations = new Conversations();
  /** keyed by group id */
  readonly #groupConversations = new Conversations();
  readonly #groups = new GroupRegistry();
  readonly #statePath: string | undefined;
  readonly #now: () => number;
  /** the Official Account's OAuth v4 tokens; every change is saved */
  readonly oaTokens: OaTokens;

  constructor(options: StoreOptions) {
    this.#statePath = options.statePath;
    this.#now = options.now;
    this.oaTokens = new OaTokens({
      configuredAccessToken: options.oaAccessToken ?? DEFAULT_OA_ACCESS_TOKEN,
      seedRefreshToken: options.oaRefreshToken ?? DEFAULT_OA_REFRESH_TOKEN,
      now: options.now,
      changed: () => this.#save(),
    });
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

  /** Oldest first; empty for a group nobody has written in. */
  groupConversation(groupId: string): ConversationEntry[] {
    return this.#groupConversations.get(groupId);
  }

  findGroup(groupId: string): SandboxGroup | undefined {
    return this.#groups.get(groupId);
  }

  /** In creation order. */
  listGroups(): SandboxGroup[] {
    return this.#groups.list();
  }

  putGroup(groupId: string, settings: GroupSettings): { group: SandboxGroup; created: boolean } {
    const result = this.#groups.put(groupId, settings, new Date(this.#now()).toISOString());
    this.#save();
    return result;
  }

  /** A group a member just wrote in: known from now on, with the OA in it, if it was not already. */
  ensureGroup(groupId: string): SandboxGroup {
    return this.#groups.get(groupId) ?? this.putGroup(groupId, defaultGroup(groupId)).group;
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
    const state = readStateFile(path);
    if (!state) return;
    for (const user of state.users) {
      if (user.oaUserId) this.#put({ ...user, oaUserId: user.oaUserId });
    }
    const upgraded = state.users.filter((user) => !user.oaUserId);
    for (const user of upgraded) this.#put({ ...user, oaUserId: this.#newUserId() });
    for (const token of state.tokens) this.#tokens.set(token.token, token);
    this.#userConversations.load(state.conversations.users);
    this.#groupConversations.load(state.conversations.groups);
    this.#groups.load(state.groups);
    this.oaTokens.load(state.oa);
    // before version 3 a group existed once someone wrote in it: such groups join the registry
    const unregistered = this.#groupConversations.keys().filter((id) => !this.#groups.get(id));
    for (const groupId of unregistered) {
      const first = this.#groupConversations.get(groupId)[0];
      this.#groups.put(groupId, defaultGroup(groupId), first?.at ?? new Date(this.#now()).toISOString());
    }
    // written back at once: an OA id the bot server has seen must not change on the next start
    if (upgraded.length > 0 || unregistered.length > 0) this.#save();
  }

  #save(): void {
    if (!this.#statePath) return;
    const now = this.#now();
    writeStateFile(this.#statePath, {
      version: STATE_FILE_VERSION,
      users: this.listUsers(),
      tokens: [...this.#tokens.values()].filter((t) => t.expiresAt > now),
      conversations: { users: this.#userConversations.toJSON(), groups: this.#groupConversations.toJSON() },
      groups: this.#groups.toJSON(),
      oa: this.oaTokens.toJSON(),
    });
  }
}

function defaultGroup(groupId: string): GroupSettings {
  return { name: groupId, status: "enabled", oaInGroup: true };
}

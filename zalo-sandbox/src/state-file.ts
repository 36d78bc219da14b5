// The JSON file a sandbox keeps its state in (ZALO_SANDBOX_STATE), and how older versions of
// it are read: version 1 had only users and tokens, version 2 added conversations, version 3
// adds the GMF group registry and the Official Account's OAuth tokens.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { z } from "zod";
import { ConversationEntrySchema } from "./conversations.ts";
import { SandboxGroupSchema } from "./groups.ts";
import { OaTokenStateSchema } from "./oa/oa-tokens.ts";
import { StoredUserSchema } from "./sandbox-user.ts";

export const STATE_FILE_VERSION = 3;

export const IssuedTokenSchema = z.object({
  token: z.string(),
  userId: z.string(),
  /** epoch milliseconds */
  expiresAt: z.number(),
});

const ConversationMapSchema = z.record(z.string(), z.array(ConversationEntrySchema));

const StateFileSchema = z.object({
  version: z.union([z.literal(1), z.literal(2), z.literal(STATE_FILE_VERSION)]),
  users: z.array(StoredUserSchema),
  tokens: z.array(IssuedTokenSchema),
  conversations: z
    .object({ users: ConversationMapSchema, groups: ConversationMapSchema })
    .default({ users: {}, groups: {} }),
  /** before version 3 a group existed only through its conversation */
  groups: z.array(SandboxGroupSchema).default([]),
  oa: OaTokenStateSchema.default({ accessTokens: [], refreshTokens: [], refreshes: 0 }),
});

/** What was read: any version, with the fields it lacked filled in. */
export type LoadedState = z.output<typeof StateFileSchema>;
/** What is written: always the current version. */
export type SavedState = z.input<typeof StateFileSchema> & { version: typeof STATE_FILE_VERSION };

/** undefined when there is no file yet; throws, naming the file, when it cannot be read. */
export function readStateFile(path: string): LoadedState | undefined {
  if (!existsSync(path)) return undefined;
  try {
    return StateFileSchema.parse(JSON.parse(readFileSync(path, "utf8")));
  } catch (err) {
    throw new Error(`The sandbox state file ${path} is not readable; delete it to start fresh`, { cause: err });
  }
}

/** Written whole and renamed into place, so a crash never leaves half a file. */
export function writeStateFile(path: string, state: SavedState): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(tmp, path);
}

// Who wrote to the OA, as the chat knows them: their OA-scoped id, the mini-app account it is
// linked to (if any), what they chose in the chat, and so their TDP.
import { findChatResident, type ChatResident } from "../../db/chat-residents.ts";
import type { Db } from "../../db/database.ts";
import { listResidentialGroups, type StoredResidentialGroup } from "../../db/residential-groups.ts";
import { findUserByOaUserId, type User } from "../../db/users.ts";

export interface Resident {
  oaUserId: string;
  /** the linked mini-app account */
  user: User | undefined;
  chat: ChatResident | undefined;
  /** the TDP picked in the chat, else the one on the linked account, else null */
  tdp: StoredResidentialGroup | null;
}

export function loadResident(db: Db, oaUserId: string): Resident {
  const user = findUserByOaUserId(db, oaUserId);
  const chat = findChatResident(db, oaUserId);
  const tdpId = chat?.tdpId ?? user?.tdpId ?? null;
  const tdp = tdpId === null ? null : (listResidentialGroups(db).find((g) => g.id === tdpId) ?? null);
  return { oaUserId, user, chat, tdp };
}

// The storage keys of signing in, apart from the sign-in code itself (session.ts), which is
// loaded only when the learner has consented to the server.
import * as z from "zod/mini";
import { createDeviceStore } from "./device-store.ts";

/** our server's session, JSON {token, expiresAt} */
export const SESSION_KEY = "hocso:session";
/** the Zalo sandbox's id of this browser's test user (outside Zalo only) */
export const SANDBOX_USER_KEY = "hocso:sandbox-user";

const StoredSessionSchema = z.object({ token: z.string().check(z.minLength(1)), expiresAt: z.string() });
export type StoredSession = z.infer<typeof StoredSessionSchema>;

export const sessionStore = createDeviceStore<StoredSession | null>(SESSION_KEY, z.nullable(StoredSessionSchema), null);

// PATCH /api/v1/me {certifiedOn}: the server half of "Tôi đã được xác nhận", loaded only for a
// learner who may use the server. The PATCH is idempotent, so a failed one is simply sent again.
import { messageOf } from "../../app/api-client.ts";
import { patchMe } from "../../app/api/patch-me.ts";
import { withSession } from "../../app/session.ts";
import { certificationStore, type SendOutcome } from "./certification-store.ts";

export async function sendCertification(): Promise<SendOutcome> {
  const sending = certificationStore.get();
  try {
    await withSession((token) => patchMe(token, { certifiedOn: sending.certifiedOn }));
  } catch (error) {
    return { kind: "failed", message: messageOf(error) };
  }
  // a newer change made while the request was in flight still needs sending
  certificationStore.set((now) => (now.updatedAt === sending.updatedAt ? { ...now, synced: true } : now));
  return { kind: "server" };
}

// The learner's rights over their data, without the screens: the export file and deleting the
// account with everything on the server and the phone (DOMAIN.md §5.1).
import { wardDate } from "@hocso/shared/dates";
import { ApiError, messageOf } from "../../app/api-client.ts";
import { clearAllDeviceData, snapshotDeviceStores } from "../../app/device-store.ts";
import { learnerStore, mayUseServer } from "../../app/learner-store.ts";
import { syncStatus } from "../../app/outbox.ts";
import { SESSION_KEY } from "../../app/session-store.ts";
import { withSession } from "../../app/session.ts";
import { strings } from "../../app/strings.ts";
import { serverKnowsLearner, whenSyncIdle } from "../../app/sync.ts";
import { deleteMe } from "./api/delete-me.ts";
import { getExport } from "./api/get-export.ts";

export interface ExportFile {
  name: string;
  json: string;
  /** why the server's half is missing although the learner has an account */
  serverMissing: string | null;
}

/**
 * What "Tải dữ liệu về" saves: the phone's stores (never the session token) and, with the
 * progress consent, the server's export (GET /api/v1/me/export).
 */
export async function buildExport(now = new Date()): Promise<ExportFile> {
  let server: unknown = null;
  let serverMissing: string | null = null;
  if (mayUseServer(learnerStore.get()) && serverKnowsLearner()) {
    try {
      server = await withSession(getExport);
    } catch (error) {
      serverMissing = messageOf(error);
    }
  }
  const file = {
    app: strings.appName,
    exportedAt: now.toISOString(),
    device: snapshotDeviceStores([SESSION_KEY]),
    server,
  };
  return { name: `hoc-so-du-lieu-${wardDate(now)}.json`, json: JSON.stringify(file, null, 2), serverMissing };
}

export type DeleteOutcome = { ok: true } | { ok: false; message: string };

/**
 * Delete the account on the server (when there is one), then every `hocso:*` key on the
 * phone. Offline or refused, nothing at all is deleted: the learner can try again.
 */
export async function deleteAccountAndData(): Promise<DeleteOutcome> {
  const t = strings.myData;
  if (serverKnowsLearner()) {
    if (!navigator.onLine) return { ok: false, message: t.deleteNeedsNetwork };
    await whenSyncIdle(); // no batch may sign in again after the account is gone
    try {
      await withSession(deleteMe);
    } catch (error) {
      const offline = error instanceof ApiError && error.code === "network";
      return { ok: false, message: offline ? t.deleteNeedsNetwork : t.deleteFailed(messageOf(error)) };
    }
  }
  clearAllDeviceData();
  syncStatus.reset();
  return { ok: true };
}

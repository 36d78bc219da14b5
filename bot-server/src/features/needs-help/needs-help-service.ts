// "Cần hỗ trợ" (docs/API.md "Needs help"): the learners of the caller's TDPs (tổ dân phố) who
// may need a hand, by the shared rule, computed live from the attempt log and progress. Only
// learners who agreed to share their progress ('share-progress') are named; the others who
// meet the rule are a count. Policy "report:view"; every read is audited, ids and counts only.
import {
  needsHelpReasons,
  problemSince,
  WRONG_ANSWERS_LIMIT,
  type NeedsHelpLearner,
  type NeedsHelpList,
  type NeedsHelpReason,
} from "@hocso/shared/needs-help";
import type { Db } from "../../db/database.ts";
import { listNeedsHelpCandidates } from "../../db/needs-help.ts";
import { listResidentialGroups, residentialGroupExists } from "../../db/residential-groups.ts";
import { audit } from "../../lib/audit.ts";
import type { Clock } from "../../lib/clock.ts";
import type { FindLesson } from "../../lib/content.ts";
import { AppError } from "../../lib/errors.ts";
import { authorize, scopeOf } from "../../lib/policies.ts";

export interface NeedsHelpDeps {
  db: Db;
  clock: Clock;
  findLesson: FindLesson;
}

const POLICY = "report:view";

/** 403 unless the user holds "report:view" for some TDP: asked before their input is read. */
export function needsHelpReader({ db }: Pick<NeedsHelpDeps, "db">, userId: number): void {
  authorize(db, userId, POLICY);
}

/**
 * The learners who need help in `tdpId` (which must be the caller's), or in every TDP the
 * caller may see; by TDP in the ward file's order, the newest problem first within one.
 */
export function listNeedsHelp(deps: NeedsHelpDeps, userId: number, query: { tdpId?: string | undefined }): NeedsHelpList {
  const { db, clock, findLesson } = deps;
  const { tdpId } = query;
  if (tdpId !== undefined && !residentialGroupExists(db, tdpId)) {
    throw AppError.field("tdpId", "no such tổ dân phố; pick one from GET /api/v1/staff/me");
  }
  const staff = authorize(db, userId, POLICY, tdpId === undefined ? [] : [tdpId]);
  const tdps = listResidentialGroups(db);
  const scope = tdpId === undefined ? scopeOf(staff, POLICY, tdps.map((t) => t.id)) : [tdpId];
  const tdpOrder = new Map(tdps.map((t, i) => [t.id, i]));
  const tdpNames = new Map(tdps.map((t) => [t.id, t.name]));
  const now = clock.now();

  // One transaction: the list and its audit entry agree, and nothing is listed unaudited.
  return db.transaction((): NeedsHelpList => {
    let notSharing = 0;
    const listed: Array<NeedsHelpLearner & { since: number }> = [];
    for (const candidate of listNeedsHelpCandidates(db, scope, WRONG_ANSWERS_LIMIT)) {
      const found = needsHelpReasons(candidate, now);
      if (found.length === 0) continue;
      if (!candidate.shares) {
        notSharing += 1;
        continue;
      }
      const reasons = found.map(
        (r): NeedsHelpReason =>
          r.kind === "failed-attempts" ? { ...r, lessonTitle: findLesson(r.lessonId)?.title ?? r.lessonId } : r,
      );
      listed.push({
        userId: candidate.userId,
        displayName: candidate.displayName,
        tdpId: candidate.tdpId,
        tdpName: tdpNames.get(candidate.tdpId) ?? candidate.tdpId,
        reasons,
        since: problemSince(found[0]!),
      });
    }
    listed.sort(
      (a, b) =>
        (tdpOrder.get(a.tdpId) ?? 0) - (tdpOrder.get(b.tdpId) ?? 0) || b.since - a.since || a.userId - b.userId,
    );
    audit(
      db,
      staff,
      { action: "needs-help.view", tdpId: scope, details: { listed: listed.length } },
      now,
    );
    return { learners: listed.map(({ since: _since, ...learner }) => learner), notSharing };
  })();
}

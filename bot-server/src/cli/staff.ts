// `pnpm staff …`: grants and removes staff roles from the command line, for the first admin
// (who has nobody to grant them in the app) and for an operator fixing access. The person
// must have opened Học Số once, so their account exists under the id Zalo gave it.
//
//   pnpm staff grant admin <zalo-id>
//   pnpm staff grant facilitator <zalo-id> <tdp-id> [<tdp-id> …]
//   pnpm staff revoke <zalo-id>
//   pnpm staff list
//
// Grants and removals are written to the audit log with the actor "operator". An operator may
// remove the last admin (to hand the ward to someone else); the app never lets an admin do it.
import { openDatabase, type Db } from "../db/database.ts";
import { listResidentialGroups } from "../db/residential-groups.ts";
import { setUpDatabase } from "../db/setup.ts";
import { findStaff, removeStaff, saveStaff, type StaffRole } from "../db/staff.ts";
import { findUserById, findUserByZaloId } from "../db/users.ts";
import { loadEnvOrExit } from "../env.ts";
import { audit } from "../lib/audit.ts";
import { wardFile } from "../lib/content.ts";

const USAGE = `Usage:
  pnpm staff grant admin <zalo-id>
  pnpm staff grant facilitator <zalo-id> <tdp-id> [<tdp-id> ...]
  pnpm staff revoke <zalo-id>
  pnpm staff list`;

export class UsageError extends Error {}

/** Runs one command against the database and returns what to print. Throws UsageError for a wrong call. */
export function runStaffCommand(db: Db, args: readonly string[], now: Date): string {
  const [command, ...rest] = args;
  if (command === "list") return listStaff(db);
  if (command === "revoke" && rest.length === 1) {
    const user = userOf(db, rest[0]!);
    const removed = db.transaction(() => {
      const before = findStaff(db, user.id);
      if (!before || !removeStaff(db, user.id)) return false;
      const details = { role: before.role, tdpIds: before.tdpIds };
      audit(db, "operator", { action: "role.revoke", tdpId: before.tdpIds, subject: user.id, details }, now);
      return true;
    })();
    return removed ? `Removed the staff role of ${rest[0]}.` : `${rest[0]} had no staff role.`;
  }
  if (command === "grant" && rest[0] === "admin" && rest.length === 2) {
    const user = userOf(db, rest[1]!);
    grant(db, { userId: user.id, role: "admin", tdpIds: [] }, now);
    return `${rest[1]} is now an admin (the whole ward).`;
  }
  if (command === "grant" && rest[0] === "facilitator" && rest.length >= 3) {
    const user = userOf(db, rest[1]!);
    const tdpIds = rest.slice(2);
    const known = new Set(listResidentialGroups(db).map((g) => g.id));
    const unknown = tdpIds.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new UsageError(`No such tổ dân phố: ${unknown.join(", ")}. Known: ${[...known].join(", ")}`);
    }
    grant(db, { userId: user.id, role: "facilitator", tdpIds }, now);
    return `${rest[1]} is now a facilitator of ${tdpIds.join(", ")}.`;
  }
  throw new UsageError(USAGE);
}

function grant(db: Db, role: { userId: number; role: StaffRole; tdpIds: string[] }, now: Date): void {
  const tdpIds = [...new Set(role.tdpIds)].sort();
  db.transaction(() => {
    saveStaff(db, { ...role, tdpIds, grantedBy: null }, now);
    const details = { role: role.role, tdpIds };
    audit(db, "operator", { action: "role.grant", tdpId: tdpIds, subject: role.userId, details }, now);
  })();
}

function userOf(db: Db, zaloId: string) {
  const user = findUserByZaloId(db, zaloId);
  if (!user) {
    throw new UsageError(
      `No account has the Zalo id ${zaloId}. The person must open Học Số once; their id is the "zaloId" in the file "Dữ liệu của tôi" → "Tải dữ liệu về" gives them (in the sandbox: the users list on its page).`,
    );
  }
  return user;
}

function listStaff(db: Db): string {
  const rows = db.prepare("SELECT user_id FROM staff ORDER BY role, user_id").all() as Array<{ user_id: number }>;
  if (rows.length === 0) return "No staff yet. Grant the first admin with: pnpm staff grant admin <zalo-id>";
  return rows
    .map(({ user_id }) => {
      const staff = findStaff(db, user_id)!;
      const zaloId = findUserById(db, user_id)?.zaloId ?? "?";
      return staff.role === "admin" ? `${zaloId}  admin` : `${zaloId}  facilitator  ${staff.tdpIds.join(", ")}`;
    })
    .join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const config = loadEnvOrExit();
  const db = openDatabase(config.databasePath);
  try {
    setUpDatabase(db, wardFile, new Date());
    process.stdout.write(`${runStaffCommand(db, process.argv.slice(2), new Date())}\n`);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(err.message);
    process.exitCode = 2;
  } finally {
    db.close();
  }
}

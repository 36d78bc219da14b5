// TDPs (tổ dân phố) as stored: seeded from the ward file at start, read by the API.
import type { ResidentialGroup } from "@hocso/shared/ward";
import type { Db } from "./database.ts";

export interface StoredResidentialGroup {
  id: string;
  name: string;
}

/**
 * Inserts new TDPs and refreshes existing ones from the ward file. A TDP that disappears
 * from the file stays in the table: learners may still point at it.
 */
export function upsertResidentialGroups(db: Db, groups: readonly ResidentialGroup[], now: Date): void {
  const upsert = db.prepare(`
    INSERT INTO residential_groups (id, name, adult_population, channel, zalo_group_id, updated_at)
    VALUES (@id, @name, @adultPopulation, @channel, @zaloGroupId, @updatedAt)
    ON CONFLICT (id) DO UPDATE SET
      name = excluded.name,
      adult_population = excluded.adult_population,
      channel = excluded.channel,
      zalo_group_id = excluded.zalo_group_id,
      updated_at = excluded.updated_at
    WHERE residential_groups.name IS NOT excluded.name
       OR residential_groups.adult_population IS NOT excluded.adult_population
       OR residential_groups.channel IS NOT excluded.channel
       OR residential_groups.zalo_group_id IS NOT excluded.zalo_group_id`);
  db.transaction(() => {
    for (const g of groups) {
      upsert.run({
        id: g.id,
        name: g.name,
        adultPopulation: g.adultPopulation,
        channel: g.channel,
        zaloGroupId: g.zaloGroupId ?? null,
        updatedAt: now.toISOString(),
      });
    }
  })();
}

/** In the ward file's order where it is known, else by id. */
export function listResidentialGroups(db: Db): StoredResidentialGroup[] {
  return db.prepare("SELECT id, name FROM residential_groups ORDER BY rowid").all() as StoredResidentialGroup[];
}

export function residentialGroupExists(db: Db, id: string): boolean {
  return db.prepare("SELECT 1 FROM residential_groups WHERE id = ?").get(id) !== undefined;
}

/** The TDP whose OA-owned Zalo group (GMF) this is, if any. */
export function findResidentialGroupByZaloGroupId(db: Db, zaloGroupId: string): StoredResidentialGroup | undefined {
  return db.prepare("SELECT id, name FROM residential_groups WHERE zalo_group_id = ?").get(zaloGroupId) as
    | StoredResidentialGroup
    | undefined;
}

/** A TDP with how messages reach its group (DESIGN.md "Reaching residents"). */
export interface TdpChannel {
  id: string;
  name: string;
  channel: ResidentialGroup["channel"];
  /** the GMF group id (or the sandbox's), null when the TDP has no OA-owned group yet */
  zaloGroupId: string | null;
}

interface TdpChannelRow {
  id: string;
  name: string;
  channel: TdpChannel["channel"];
  zalo_group_id: string | null;
}

function toTdpChannel(r: TdpChannelRow): TdpChannel {
  return { id: r.id, name: r.name, channel: r.channel, zaloGroupId: r.zalo_group_id };
}

/** Every TDP with its channel, in the ward file's order. */
export function listTdpChannels(db: Db): TdpChannel[] {
  const rows = db
    .prepare("SELECT id, name, channel, zalo_group_id FROM residential_groups ORDER BY rowid")
    .all() as TdpChannelRow[];
  return rows.map(toTdpChannel);
}

/** One TDP with its channel; undefined for an unknown id. */
export function findTdpChannel(db: Db, id: string): TdpChannel | undefined {
  const row = db.prepare("SELECT id, name, channel, zalo_group_id FROM residential_groups WHERE id = ?").get(id) as
    | TdpChannelRow
    | undefined;
  return row && toTdpChannel(row);
}

// What this phone last heard from GET /api/v1/staff/me: whether the signed-in account is staff,
// so the home screen shows "Dành cho người hướng dẫn" at once. The server decides every request
// again; this only chooses what to show. zod/mini keeps it light.
import * as z from "zod/mini";
import { createDeviceStore } from "../../app/device-store.ts";

export const STAFF_KEY = "hocso:staff";

const StaffCacheSchema = z.object({
  /** null: a learner (the server answered 403) */
  role: z.nullable(z.enum(["admin", "facilitator"])),
  checkedAt: z.string(),
});
export type StaffCache = z.infer<typeof StaffCacheSchema>;

export const staffStore = createDeviceStore<StaffCache | null>(STAFF_KEY, z.nullable(StaffCacheSchema), null);

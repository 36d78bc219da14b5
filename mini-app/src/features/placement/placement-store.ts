// What the placement check ("Kiểm tra nhanh") leaves on the phone (key hocso:placement): the
// learner's last answers per module and the module suggested from them, and whether the
// learner put the offer on the home screen aside. It stays on the phone; the server never
// hears of it.
import * as z from "zod/mini";
import { createDeviceStore } from "../../app/device-store.ts";

export const PLACEMENT_KEY = "hocso:placement";

const ResultSchema = z.object({
  /** module id (m1…) → the module's question was answered right */
  answers: z.record(z.string(), z.boolean()),
  /** where to start; null when every answer was right */
  suggested: z.nullable(z.string()),
  finishedAt: z.string(),
});
export type PlacementResult = z.infer<typeof ResultSchema>;

const PlacementStateSchema = z.object({
  result: z.nullable(ResultSchema),
  /** "Để sau" on the home screen's offer: offer it no more */
  offerDismissed: z.boolean(),
});
export type PlacementState = z.infer<typeof PlacementStateSchema>;

export const placementStore = createDeviceStore<PlacementState>(PLACEMENT_KEY, PlacementStateSchema, {
  result: null,
  offerDismissed: false,
});

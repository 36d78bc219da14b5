// `offset` and `count` query parameters of Zalo's list endpoints: whole numbers, count within
// the endpoint's bounds; anything else is -201 naming the parameter.
import type { Request } from "express";

export type Paging = { ok: true; offset: number; count: number } | { ok: false; problem: string };

export function parsePaging(req: Request, defaults: { count: number; maxCount: number }): Paging {
  const offset = wholeNumber(req.query.offset, 0);
  if (offset === undefined) return { ok: false, problem: "offset must be a whole number from 0" };
  const count = wholeNumber(req.query.count, defaults.count);
  if (count === undefined || count < 1 || count > defaults.maxCount) {
    return { ok: false, problem: `count must be a whole number from 1 to ${defaults.maxCount}` };
  }
  return { ok: true, offset, count };
}

function wholeNumber(value: unknown, fallback: number): number | undefined {
  if (value === undefined) return fallback;
  if (typeof value !== "string" || !/^\d{1,9}$/.test(value)) return undefined;
  return Number(value);
}

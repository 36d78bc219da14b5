// Faults a test switches on over HTTP (POST /sandbox/faults): the next N requests to an
// endpoint fail the way real networks and Zalo do — a 5xx, a request that never answers, an
// answer that arrives too late, or one of Zalo's error codes.
import { ZALO_ENDPOINTS, type ZaloEndpoint } from "../endpoint-guards.ts";
import type { RequestTarget } from "../request-target.ts";

export const FAULT_ENDPOINTS = [...ZALO_ENDPOINTS, "*"] as const;
export type FaultEndpoint = (typeof FAULT_ENDPOINTS)[number];

export const FAULT_KINDS = [
  "http-500",
  "http-503",
  "timeout",
  "slow",
  "zalo-32",
  "zalo-216",
  "zalo-220",
  "zalo-403",
  "zalo-237",
  "zalo-230",
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** How long a request is held when the test does not say. */
export const DEFAULT_DELAY_MS: Partial<Record<FaultKind, number>> = { timeout: 30_000, slow: 1000 };

export interface FaultSpec {
  endpoint: FaultEndpoint;
  kind: FaultKind;
  /** how many matching requests it affects; null until deleted; default 1 */
  times?: number | null | undefined;
  delayMs?: number | undefined;
  groupId?: string | undefined;
  /** either id of a sandbox user, or any id the request names */
  userId?: string | undefined;
}

export interface Fault {
  id: string;
  endpoint: FaultEndpoint;
  kind: FaultKind;
  /** matching requests still to affect; null: until deleted */
  remaining: number | null;
  delayMs?: number;
  groupId?: string;
  userId?: string;
}

export class FaultRegistry {
  readonly #faults: Fault[] = [];
  #next = 1;

  add(spec: FaultSpec): Fault {
    const delayMs = spec.delayMs ?? DEFAULT_DELAY_MS[spec.kind];
    const fault: Fault = {
      id: `fault-${this.#next++}`,
      endpoint: spec.endpoint,
      kind: spec.kind,
      remaining: spec.times === undefined ? 1 : spec.times,
      ...(delayMs !== undefined ? { delayMs } : {}),
      ...(spec.groupId !== undefined ? { groupId: spec.groupId } : {}),
      ...(spec.userId !== undefined ? { userId: spec.userId } : {}),
    };
    this.#faults.push(fault);
    return { ...fault };
  }

  /** Active faults, oldest first. */
  list(): Fault[] {
    return this.#faults.map((f) => ({ ...f }));
  }

  remove(id: string): boolean {
    const index = this.#faults.findIndex((f) => f.id === id);
    if (index < 0) return false;
    this.#faults.splice(index, 1);
    return true;
  }

  clear(): number {
    return this.#faults.splice(0).length;
  }

  /** The oldest fault that matches this request, with one use counted; it goes when used up. */
  take(endpoint: ZaloEndpoint, target: RequestTarget): Fault | undefined {
    const fault = this.#faults.find((f) => matches(f, endpoint, target));
    if (!fault) return undefined;
    if (fault.remaining !== null) {
      fault.remaining -= 1;
      if (fault.remaining <= 0) this.remove(fault.id);
    }
    return { ...fault };
  }
}

function matches(fault: Fault, endpoint: ZaloEndpoint, target: RequestTarget): boolean {
  if (fault.endpoint !== "*" && fault.endpoint !== endpoint) return false;
  if (fault.groupId !== undefined && fault.groupId !== target.groupId) return false;
  if (fault.userId !== undefined && !target.userIds.includes(fault.userId)) return false;
  return true;
}

// Loading the facilitator's profile (GET /api/v1/staff/me) for the staff screens, and keeping
// the home screen's answer to "is this account staff?" up to date with what the server says.
import { useEffect, useState } from "react";
import type { StaffMe } from "@hocso/shared/announcements";
import { ApiError, messageOf } from "../../app/api-client.ts";
import { withSession } from "../../app/session.ts";
import { getStaffMe } from "./api/get-staff-me.ts";
import { staffStore } from "./staff-store.ts";

export type StaffState =
  | { kind: "loading" }
  | { kind: "ready"; staff: StaffMe }
  | { kind: "not-staff" }
  | { kind: "failed"; message: string };

/** Asks the server; remembers the answer on the phone. 403 means a learner. */
export async function refreshStaff(): Promise<StaffState> {
  try {
    const staff = await withSession((token) => getStaffMe(token));
    staffStore.set({ role: staff.role, checkedAt: new Date().toISOString() });
    return { kind: "ready", staff };
  } catch (error) {
    if (error instanceof ApiError && error.code === "forbidden") {
      staffStore.set({ role: null, checkedAt: new Date().toISOString() });
      return { kind: "not-staff" };
    }
    return { kind: "failed", message: messageOf(error) };
  }
}

export function useStaff(): { state: StaffState; retry: () => void } {
  const [state, setState] = useState<StaffState>({ kind: "loading" });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    setState({ kind: "loading" });
    void refreshStaff().then((next) => {
      if (current) setState(next);
    });
    return () => {
      current = false;
    };
  }, [attempt]);
  return { state, retry: () => setAttempt((n) => n + 1) };
}

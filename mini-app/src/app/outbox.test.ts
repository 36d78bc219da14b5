// The outbox over real HTTP (test/api-server.ts answers as POST /api/v1/sync does): events
// leave the phone only once the server acknowledged them, whatever the network does.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { SyncEvent } from "@hocso/shared/api";
import { expectTrouble, route, startFakeApi, type FakeApi } from "../test/api-server.ts";
import { freshDevice, stored } from "../test/device.ts";
import { questionAnswered, quizFinished, stepReached } from "./learning-log.ts";
import { learnerStore } from "./learner-store.ts";
import { appendEvent, capOutbox, newEventId, OUTBOX_KEY, outboxStore, syncStatus } from "./outbox.ts";
import { PROGRESS_KEY, progressStore, recordStep } from "./progress-store.ts";
import { MAX_BATCH_EVENTS } from "./server-sync.ts";
import { recordConsents, requestSync, RETRY_INTERVAL_MS, startSync, syncOnStart } from "./sync.ts";

vi.mock("zmp-sdk/apis", () => import("../test/zmp-sdk-stub.ts"));

let api: FakeApi;

beforeAll(async () => {
  api = await startFakeApi();
});
afterAll(() => api.close());

beforeEach(async () => {
  freshDevice();
  api.reset();
  await recordConsents({ progress: true, reminders: false });
  api.calls = [];
});
afterEach(() => {
  vi.useRealTimers();
});

const syncCalls = () => api.calls.filter((c) => route(c) === "POST /api/v1/sync");
const sentIds = (i: number) => (syncCalls()[i]?.body as { events: SyncEvent[] }).events.map((e) => e.id);

function answerThree(): void {
  questionAnswered("cuoc-goi-la", { id: "q1", answer: 1 }, 0, "quiz");
  questionAnswered("cuoc-goi-la", { id: "q2", answer: 1 }, 1, "quiz");
  quizFinished("cuoc-goi-la", 3, 1, 2);
}

describe("the outbox", () => {
  it("gives every event a phone-made UUID and keeps it on the phone at once", () => {
    learnerStore.set((l) => ({ ...l, consents: null })); // nothing may leave the phone
    stepReached("cuoc-goi-la", 1);
    const [event] = stored(OUTBOX_KEY) as SyncEvent[];
    expect(event).toMatchObject({ type: "step", lessonId: "cuoc-goi-la", stepIndex: 1 });
    expect(event?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(stored(PROGRESS_KEY)).toMatchObject({ "cuoc-goi-la": { stepIndex: 1 } });
    expect(newEventId()).not.toBe(newEventId());
  });

  it("removes the events once when an answer was lost and the same batch is sent again", async () => {
    expectTrouble(api, "POST /api/v1/sync", { kind: "lost-answer" });
    answerThree();
    await requestSync();
    expect(api.events.size).toBe(3); // the server has them ...
    expect(outboxStore.get()).toHaveLength(3); // ... but the phone never heard so
    expect(syncStatus.get().state).toEqual({ kind: "offline" });

    await requestSync();
    expect(sentIds(1)).toEqual(sentIds(0));
    expect(outboxStore.get()).toEqual([]);
    expect(api.events.size).toBe(3);
    expect(syncStatus.get().state).toEqual({ kind: "idle" });
  });

  it("keeps everything while offline and sends it when the connection returns", async () => {
    api.offline = true;
    const stop = startSync();
    try {
      answerThree();
      await requestSync();
      expect(outboxStore.get()).toHaveLength(3);
      expect(syncStatus.get().state).toEqual({ kind: "offline" });

      api.offline = false;
      window.dispatchEvent(new Event("online"));
      await vi.waitFor(() => expect(outboxStore.get()).toEqual([]));
      expect(api.events.size).toBe(3);
    } finally {
      stop();
    }
  });

  it("keeps the whole batch when the server fails with a 5xx", async () => {
    expectTrouble(api, "POST /api/v1/sync", {
      kind: "answer",
      status: 500,
      body: { error: { code: "internal", message: "boom" } },
    });
    answerThree();
    await requestSync();
    expect(outboxStore.get()).toHaveLength(3);
    expect(syncStatus.get().state).toEqual({ kind: "failed", message: "Máy chủ đang gặp lỗi. Bác thử lại sau ít phút." });
  });

  it("drops only the event a 4xx names and sends the rest", async () => {
    answerThree();
    const refused = outboxStore.get()[1]!.id;
    expectTrouble(api, "POST /api/v1/sync", {
      kind: "answer",
      status: 400,
      body: {
        error: { code: "bad_request", message: "Invalid", fields: [{ path: "events.1.questionId", message: "no such question" }] },
      },
    });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    await requestSync();
    expect(outboxStore.get()).toEqual([]);
    expect([...api.events.keys()]).not.toContain(refused);
    expect(api.events.size).toBe(2);
    expect(syncStatus.get().refused.has(refused)).toBe(true);
    // the log says how many, never what the learner answered
    expect(JSON.stringify(warn.mock.calls)).not.toMatch(/q2|cuoc-goi-la|choice/);
    warn.mockRestore();
  });

  it("tries again every 30 seconds while events wait", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const stop = startSync();
    try {
      await vi.waitFor(() => expect(api.calls.map(route)).toContain("GET /api/v1/progress"));
      api.offline = true;
      answerThree();
      await requestSync();
      api.offline = false;
      api.calls = [];
      vi.advanceTimersByTime(RETRY_INTERVAL_MS);
      await vi.waitFor(() => expect(outboxStore.get()).toEqual([]));
      expect(syncCalls()).toHaveLength(1);
    } finally {
      stop();
    }
  });

  it("sends a long outbox in batches of at most 200 events that fit the server's 64 kB", async () => {
    const consents = learnerStore.get().consents;
    learnerStore.set((l) => ({ ...l, consents: null })); // collect them first, then send
    for (let i = 0; i < 450; i++) appendEvent({ type: "answer", lessonId: "cuoc-goi-la", questionId: "q1", choice: 0, source: "quiz" });
    learnerStore.set((l) => ({ ...l, consents }));
    await requestSync();
    expect(outboxStore.get()).toEqual([]);
    expect(api.events.size).toBe(450);
    expect(syncCalls().map((c) => (c.body as { events: unknown[] }).events.length)).toEqual([200, 200, 50]);
    for (const call of syncCalls()) {
      expect((call.body as { events: unknown[] }).events.length).toBeLessThanOrEqual(MAX_BATCH_EVENTS);
      expect(new TextEncoder().encode(JSON.stringify(call.body)).length).toBeLessThan(64 * 1024);
    }
  });

  it("sends smaller batches when the server says a batch is too large", async () => {
    for (let i = 0; i < 4; i++) appendEvent({ type: "step", lessonId: "cuoc-goi-la", stepIndex: i });
    expectTrouble(api, "POST /api/v1/sync", {
      kind: "answer",
      status: 413,
      body: { error: { code: "payload_too_large", message: "too large" } },
    });
    await requestSync();
    expect(syncCalls().map((c) => (c.body as { events: unknown[] }).events.length)).toEqual([4, 2, 2]);
    expect(outboxStore.get()).toEqual([]);
  });

  it("stays on the phone without the progress consent, and for an under-16 learner", async () => {
    await recordConsents({ progress: false, reminders: false });
    api.calls = [];
    answerThree();
    await requestSync();
    expect(outboxStore.get()).toHaveLength(3);

    await recordConsents({ progress: true, reminders: false });
    learnerStore.set((l) => ({ ...l, profile: { tdpId: "to-1", audience: "hoc-sinh", ageBand: "duoi-16", synced: false } }));
    api.calls = [];
    answerThree();
    await syncOnStart();
    expect(outboxStore.get()).toHaveLength(6);
    expect(api.calls).toEqual([]);
  });

  it("keeps at most 2,000 events, dropping the oldest step events first", () => {
    const at = "2026-11-29T12:00:00.000Z";
    const steps: SyncEvent[] = Array.from({ length: 3 }, (_, i) => ({ id: `s${i}`, at, lessonId: "a", type: "step", stepIndex: i }));
    const answer: SyncEvent = { id: "a0", at, lessonId: "a", type: "answer", questionId: "q", choice: 0, source: "quiz" };
    expect(capOutbox([steps[0]!, answer, steps[1]!, steps[2]!], 2).map((e) => e.id)).toEqual(["a0", "s2"]);
    expect(capOutbox([answer, { ...answer, id: "a1" }, { ...answer, id: "a2" }], 2).map((e) => e.id)).toEqual(["a1", "a2"]);
  });
});

describe("resuming on another phone", () => {
  it("takes in the server's progress at start where it is newer, and keeps the phone's where it is newer", async () => {
    recordStep("old-here", 1, new Date("2026-11-20T00:00:00Z"));
    recordStep("new-here", 3, new Date("2026-11-28T00:00:00Z"));
    const row = (lessonId: string, stepIndex: number, updatedAt: string) => ({
      lessonId,
      stepIndex,
      completedAt: null,
      bestCorrect: null,
      lastCorrect: null,
      total: null,
      updatedAt,
    });
    api.progress = [
      row("only-there", 2, "2026-11-27T00:00:00.000Z"),
      row("old-here", 4, "2026-11-27T00:00:00.000Z"),
      row("new-here", 0, "2026-11-27T00:00:00.000Z"),
    ];
    await syncOnStart();
    expect(progressStore.get()).toMatchObject({
      "only-there": { stepIndex: 2 },
      "old-here": { stepIndex: 4 },
      "new-here": { stepIndex: 3 },
    });
  });
});

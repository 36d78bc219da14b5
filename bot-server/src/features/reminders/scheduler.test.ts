// The reminder scheduler: node-cron's options, the catch-up run at start, and a failing tick
// that is logged without stopping the schedule.
import nodeCron, { type NodeCron, type TaskFn, type TaskOptions } from "node-cron";
import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { createLogger } from "../../lib/logger.ts";
import { REMINDER_TASK_NAME, startReminderScheduler, type ReminderScheduler } from "./scheduler.ts";

/** A logger whose lines the test reads. */
function capturingLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger("info", stream), lines };
}

/** node-cron's schedule(), recording its arguments instead of starting a timer. */
function recordingCron() {
  const calls: Array<{ expression: string; run: TaskFn; options: TaskOptions | undefined; destroyed: boolean }> = [];
  const cron: Pick<NodeCron, "schedule"> = {
    schedule: (expression, func, options) => {
      const call = { expression, run: func as TaskFn, options, destroyed: false };
      calls.push(call);
      return { destroy: () => void (call.destroyed = true) } as unknown as ReturnType<NodeCron["schedule"]>;
    },
  };
  return { cron, calls };
}

let running: ReminderScheduler | undefined;
afterEach(() => {
  running?.stop();
  running = undefined;
});

describe("startReminderScheduler", () => {
  it("runs once at start, then every minute in ward time, never two at once", () => {
    const { cron, calls } = recordingCron();
    let runs = 0;
    running = startReminderScheduler({ plan: () => (runs += 1), logger: capturingLogger().logger, cron });
    expect(runs).toBe(1);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      expression: "* * * * *",
      options: { timezone: "Asia/Ho_Chi_Minh", noOverlap: true, name: REMINDER_TASK_NAME },
    });
    void calls[0]!.run({} as Parameters<TaskFn>[0]);
    expect(runs).toBe(2);
  });

  it("logs a tick that throws and keeps going", () => {
    const { cron, calls } = recordingCron();
    const { logger, lines } = capturingLogger();
    let runs = 0;
    running = startReminderScheduler({
      plan: () => {
        runs += 1;
        if (runs <= 2) throw new Error("database is locked");
      },
      logger,
      cron,
    });
    expect(() => calls[0]!.run({} as Parameters<TaskFn>[0])).not.toThrow();
    void calls[0]!.run({} as Parameters<TaskFn>[0]);
    expect(runs).toBe(3);
    const failures = lines.filter((l) => l.msg === "reminder planner tick failed; the next tick tries again");
    expect(failures.map((l) => l.reason)).toEqual(["start", "scheduled"]);
  });

  it("stops the schedule", () => {
    const { cron, calls } = recordingCron();
    running = startReminderScheduler({ plan: () => undefined, logger: capturingLogger().logger, cron });
    running.stop();
    running = undefined;
    expect(calls[0]!.destroyed).toBe(true);
  });

  it("registers with the real node-cron and leaves nothing behind once stopped", () => {
    const named = () => [...nodeCron.getTasks().values()].filter((t) => t.name === REMINDER_TASK_NAME);
    const scheduler = startReminderScheduler({ plan: () => undefined, logger: capturingLogger().logger });
    const [task] = named();
    expect(task?.getPattern()).toBe("* * * * *");
    expect(task?.getNextRun()?.getUTCSeconds()).toBe(0);
    scheduler.stop();
    expect(named()).toEqual([]);
  });
});

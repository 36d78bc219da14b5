// pnpm bench:delivery — how fast the server plans reminders and delivers group messages,
// against the real Zalo sandbox over HTTP and a real SQLite file. Writes
// bench/results/delivery.json. Figures are reported, never asserted (shared, noisy machines).
//
//   planner: one tick for a ward of N TDPs, each with a weekly class whose "day before"
//            reminder is due, plus personal reminders for the residents who asked for them;
//            then the same tick again (the steady state: everything already planned).
//   sender:  300 group messages (one broadcast to 300 TDPs), with Zalo answering at once and
//            with Zalo taking 50 ms per message, at 1, 4 and 8 messages in flight.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { enqueueOutbox } from "../bot-server/src/db/outbox.ts";
import { createChannelAdapters, createOaTokenManager } from "../bot-server/src/features/delivery/channel-adapters.ts";
import { createOutboxSender } from "../bot-server/src/features/delivery/outbox-sender.ts";
import { planReminders } from "../bot-server/src/features/reminders/planner.ts";
import { createLogger } from "../bot-server/src/lib/logger.ts";
import { createTestApp } from "../bot-server/src/testing/test-app.ts";
import { TestClock } from "../bot-server/src/testing/test-clock.ts";
import { startSandbox } from "../zalo-sandbox/src/sandbox.ts";

const root = join(import.meta.dirname, "..");
const logger = createLogger("silent");
const GROUPS = 300;
// Friday 04/12/2026 19:00 ward time: the "day before" reminders of Saturday classes are due.
const FRIDAY_EVENING = "2026-12-04T12:00:30.000Z";

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** A ward of `tdps` TDPs with one Saturday 19:00 class each and `residents` chat residents per TDP who said yes. */
function benchPlanner(tdps: number, residents: number) {
  const clock = new TestClock(FRIDAY_EVENING);
  const app = createTestApp({ clock });
  const now = clock.now().toISOString();
  app.db.transaction(() => {
    const tdp = app.db.prepare(
      "INSERT INTO residential_groups (id, name, adult_population, channel, zalo_group_id, updated_at) VALUES (?, ?, 100, 'oa-group', ?, ?)",
    );
    const cls = app.db.prepare(
      `INSERT INTO weekly_classes (id, tdp_id, weekday, start_time, duration_minutes, place, topic, lesson_ids, bring,
         first_date, last_date, created_at, updated_at)
       VALUES (?, ?, 6, '19:00', 90, 'Nhà văn hóa', 'An toàn khi thanh toán', '[]', 'Điện thoại', '2026-09-05', NULL, ?, ?)`,
    );
    const resident = app.db.prepare(
      `INSERT INTO chat_residents (oa_user_id, tdp_id, reminders_granted, reminders_text_version, reminders_decided_at,
         created_at, updated_at) VALUES (?, ?, 1, 'v1', ?, ?, ?)`,
    );
    for (let i = 0; i < tdps; i++) {
      tdp.run(`bench-${i}`, `Tổ ${i}`, `group-${i}`, now);
      cls.run(`bench-${i}-sat`, `bench-${i}`, now, now);
      for (let r = 0; r < residents; r++) resident.run(`9${String(i).padStart(5, "0")}${String(r).padStart(12, "0")}`, `bench-${i}`, now, now, now);
    }
  })();
  const deps = { db: app.db, clock, logger, miniAppId: "hocso-local" };
  let t = performance.now();
  const first = planReminders(deps);
  const firstMs = performance.now() - t;
  const steady: number[] = [];
  for (let i = 0; i < 5; i++) {
    t = performance.now();
    planReminders(deps);
    steady.push(performance.now() - t);
  }
  app.close();
  return { tdps, residentsPerTdp: residents, rowsPlanned: first.planned, firstTickMs: round(firstMs), steadyTickMs: round(median(steady)) };
}

async function benchSender(concurrency: number, zaloDelayMs: number) {
  const clock = new TestClock(FRIDAY_EVENING);
  const sandbox = await startSandbox({
    port: 0,
    appId: "hocso-sandbox-app",
    appSecret: "hocso-sandbox-secret",
    now: () => clock.now().getTime(),
    groups: Array.from({ length: GROUPS }, (_, i) => ({ groupId: `group-${i}`, name: `Nhóm ${i}` })),
  });
  if (zaloDelayMs > 0) {
    await fetch(`${sandbox.url}/sandbox/faults`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ endpoint: "oa.group.message", kind: "slow", delayMs: zaloDelayMs, times: null }),
    });
  }
  const app = createTestApp({ clock, env: { ZALO_SANDBOX_URL: sandbox.url } });
  const tokens = createOaTokenManager({ config: app.config, db: app.db, clock, logger });
  const sender = createOutboxSender({
    db: app.db,
    clock,
    logger,
    channels: createChannelAdapters({ config: app.config, db: app.db, clock, logger, tokens }),
    limits: { ...app.config.delivery, concurrency },
    quietHours: () => ({ start: "21:00", end: "06:30" }),
  });
  for (let i = 0; i < GROUPS; i++) {
    enqueueOutbox(
      app.db,
      {
        dedupeKey: `bench:${i}`,
        kind: "broadcast",
        channel: "oa-group",
        recipient: `group-${i}`,
        message: { text: "📢 Thông báo — Tổ dân phố\n\nThứ Bảy này lớp học chuyển sang Nhà văn hóa khu phố." },
        urgent: true,
        dueAt: clock.now(),
      },
      clock.now(),
    );
  }
  const t = performance.now();
  let sent = 0;
  while (sent < GROUPS) {
    const round = await sender.runOnce();
    sent += round.sent;
    if (round.claimed === 0) throw new Error("the sender stopped before every message went");
  }
  const ms = performance.now() - t;
  await sender.stop();
  app.close();
  await sandbox.close();
  return { messages: GROUPS, concurrency, zaloDelayMs, totalMs: round(ms), perSecond: round((GROUPS * 1000) / ms) };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

const planner = [benchPlanner(20, 0), benchPlanner(20, 50), benchPlanner(300, 10)];
const sender = [];
for (const delay of [0, 50]) for (const c of [1, 4, 8]) sender.push(await benchSender(c, delay));

const result = { measuredAt: new Date().toISOString(), node: process.version, planner, sender };
mkdirSync(join(root, "bench", "results"), { recursive: true });
writeFileSync(join(root, "bench", "results", "delivery.json"), `${JSON.stringify(result, null, 2)}\n`);

console.log("planner (one tick, real SQLite file)");
for (const p of planner) {
  console.log(
    `  ${String(p.tdps).padStart(3)} TDPs × ${String(p.residentsPerTdp).padStart(2)} residents: ${String(p.rowsPlanned).padStart(5)} rows planned in ${p.firstTickMs} ms; steady tick ${p.steadyTickMs} ms`,
  );
}
console.log(`sender (${GROUPS} group messages to the sandbox over HTTP)`);
for (const s of sender) {
  const base = sender.find((x) => x.zaloDelayMs === s.zaloDelayMs && x.concurrency === 1)!;
  console.log(
    `  Zalo +${String(s.zaloDelayMs).padStart(2)} ms, ${s.concurrency} in flight: ${s.totalMs} ms, ${s.perSecond}/s (${round(s.perSecond / base.perSecond)}× one at a time)`,
  );
}

// What `pnpm start` shows a newcomer, on a moved clock: the product runs as processes (the
// Zalo sandbox and the bot server), the sample class of TDP Giải Phóng meets on Saturday
// 05/12/2026 at 19:00, and its "day before" reminder lands in the TDP's group at 19:00 on
// Friday — not before — by the minute tick of the scheduler.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, type Stack } from "../e2e/stack.ts";

const GROUP = "sandbox-giai-phong";
let stack: Stack;

/**
 * Friday 04/12/2026 shortly before 19:00, with the clock's seconds 20 ahead of the real ones:
 * the scheduler ticks on real minutes, so its first tick after start-up reads about 19:00:15.
 * Launched in the first half of a real minute, so start-up is over before that tick.
 */
async function clockStart(): Promise<string> {
  const second = new Date().getUTCSeconds();
  if (second > 30) await new Promise((r) => setTimeout(r, (60 - second) * 1000 + 200));
  const now = new Date();
  const realSecond = now.getUTCSeconds() + now.getUTCMilliseconds() / 1000;
  return new Date(Date.parse("2026-12-04T18:59:00+07:00") + (realSecond + 20) * 1000).toISOString();
}

interface Entry {
  direction: string;
  text: string;
  /** by the sandbox's clock, which started at the same CLOCK_START */
  at: string;
}

async function groupMessages(): Promise<Entry[]> {
  const res = await fetch(`${stack.sandboxUrl}/sandbox/oa/groups/${GROUP}/conversation`);
  return ((await res.json()) as Entry[]).filter((e) => e.direction === "oa→group");
}

beforeAll(async () => {
  const start = await clockStart();
  stack = await startStack({ serverEnv: { CLOCK_START: start }, sandboxEnv: { CLOCK_START: start } });
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

describe("a class's reminder on the sandbox, by the clock", () => {
  it("arrives in the TDP's group at 19:00 the day before, once", { timeout: 120_000 }, async () => {
    await expect.poll(async () => (await groupMessages()).length, { timeout: 100_000, interval: 500 }).toBe(1);
    const [reminder] = await groupMessages();
    // Sent at 19:00 on the Friday (within the minute of the tick), not before.
    expect(Date.parse(reminder!.at)).toBeGreaterThanOrEqual(Date.parse("2026-12-04T19:00:00+07:00"));
    expect(Date.parse(reminder!.at)).toBeLessThan(Date.parse("2026-12-04T19:01:30+07:00"));
    expect(reminder?.text).toContain("Tối mai, Thứ Bảy, 05/12/2026");
    expect(reminder?.text).toContain("Thứ Bảy, 05/12/2026");
    expect(reminder?.text).toContain("19:00");
    expect(reminder?.text).toContain("Nhà văn hóa Tổ dân phố Giải Phóng");
    expect(reminder?.text).toContain("An toàn khi thanh toán bằng mã QR");
    expect(reminder?.text).toContain("Mang theo: điện thoại đã sạc pin");
    expect(reminder?.text).toContain("https://zalo.me/s/hocso-local/bai/quet-vietqr");
    // The sender keeps running: it does not send the same row again.
    await new Promise((r) => setTimeout(r, 3000));
    expect(await groupMessages()).toHaveLength(1);
  });
});

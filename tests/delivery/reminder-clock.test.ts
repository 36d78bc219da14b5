// What `pnpm start` shows a newcomer, on a moved clock: the product runs as processes (the
// Zalo sandbox and the bot server). A facilitator of TDP mẫu 2 creates its weekly class
// through the API on Friday 04/12/2026 just before 19:00; at 19:00 the minute tick reminds
// that group of tomorrow's class, and the sample class of TDP Giải Phóng's group of its own,
// each once and not before.
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, type Stack } from "../e2e/stack.ts";

const GROUP = "sandbox-giai-phong";
const NEW_CLASS_GROUP = "sandbox-mau-2";
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

async function groupMessages(group = GROUP): Promise<Entry[]> {
  const res = await fetch(`${stack.sandboxUrl}/sandbox/oa/groups/${group}/conversation`);
  return ((await res.json()) as Entry[]).filter((e) => e.direction === "oa→group");
}

async function post<T>(url: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as T;
  if (!res.ok) throw new Error(`${url} answered ${res.status}: ${JSON.stringify(json)}`);
  return json;
}

/** A facilitator of mau-2 signs in and creates the TDP's Saturday class through the API. */
async function facilitatorCreatesClass(): Promise<void> {
  const person = await post<{ user: { id: string }; accessToken: string }>(`${stack.sandboxUrl}/sandbox/users`, {
    name: "Tổ trưởng mẫu 2",
  });
  const { token } = await post<{ token: string }>(`${stack.baseUrl}/api/v1/session`, {
    accessToken: person.accessToken,
  });
  const db = new Database(stack.databasePath);
  try {
    const { id } = db.prepare("SELECT id FROM users WHERE zalo_id = ?").get(person.user.id) as { id: number };
    db.prepare("INSERT INTO staff (user_id, role, granted_at) VALUES (?, 'facilitator', ?)").run(id, new Date().toISOString());
    db.prepare("INSERT INTO staff_tdps (user_id, tdp_id) VALUES (?, 'mau-2')").run(id);
  } finally {
    db.close();
  }
  await post(
    `${stack.baseUrl}/api/v1/classes`,
    {
      tdpId: "mau-2",
      weekday: 6,
      startTime: "08:30",
      durationMinutes: 60,
      place: "Sân nhà văn hóa Tổ dân phố mẫu 2",
      topic: "Cài đặt VNeID mức 2",
      lessonIds: [],
      bring: "Điện thoại, thẻ căn cước",
      firstDate: "2026-12-05",
      lastDate: null,
    },
    token,
  );
}

beforeAll(async () => {
  const start = await clockStart();
  stack = await startStack({ serverEnv: { CLOCK_START: start }, sandboxEnv: { CLOCK_START: start } });
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

describe("a class's reminder on the sandbox, by the clock", () => {
  it("arrives at 19:00 the day before, once, for the sample class and for one a facilitator just created", { timeout: 120_000 }, async () => {
    await facilitatorCreatesClass();
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
    // The class the facilitator created minutes before is reminded at the same tick.
    await expect.poll(async () => (await groupMessages(NEW_CLASS_GROUP)).length, { timeout: 10_000 }).toBe(1);
    const [created] = await groupMessages(NEW_CLASS_GROUP);
    expect(Date.parse(created!.at)).toBeGreaterThanOrEqual(Date.parse("2026-12-04T19:00:00+07:00"));
    expect(created?.text).toContain("Sáng mai, Thứ Bảy, 05/12/2026");
    expect(created?.text).toContain("08:30–09:30");
    expect(created?.text).toContain("Sân nhà văn hóa Tổ dân phố mẫu 2");
    // The sender keeps running: it does not send the same rows again.
    await new Promise((r) => setTimeout(r, 3000));
    expect(await groupMessages()).toHaveLength(1);
    expect(await groupMessages(NEW_CLASS_GROUP)).toHaveLength(1);
  });
});

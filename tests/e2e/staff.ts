// What the facilitator tests share: `pnpm staff` run against a stack's database as an
// operator would, and a phone in Chromium that may use the clipboard ("Chia sẻ vào nhóm"
// copies there outside Zalo) and accepts axe injected into the page.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";
import { onboardWithConsent } from "./flows.ts";
import { repoRoot, type Stack } from "./stack.ts";

/** `pnpm staff …` against the stack's database; throws with its error output if it fails. */
export function staffCommand(stack: Stack, ...args: string[]): string {
  const { ZALO_APP_ID: _id, ZALO_APP_SECRET: _secret, ...inherited } = process.env;
  const run = spawnSync(process.execPath, ["--import", "tsx", join(repoRoot, "bot-server/src/cli/staff.ts"), ...args], {
    cwd: repoRoot,
    encoding: "utf8",
    env: { ...inherited, DATABASE_PATH: stack.databasePath, LOG_LEVEL: "silent" },
  });
  if (run.status !== 0) throw new Error(`pnpm staff ${args.join(" ")} failed:\n${run.stderr}`);
  return run.stdout;
}

/** A 390 px phone in Vietnam time whose pages may read and write the clipboard. */
export async function facilitatorPhone(browser: Browser, stack: Stack): Promise<{ context: BrowserContext; page: Page }> {
  // bypassCSP: axe is injected into the page
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    bypassCSP: true,
  });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: stack.baseUrl });
  return { context, page: await context.newPage() };
}

/** The phone onboards with the progress consent (so it has an account), then an operator makes it facilitator of `tdpIds`. */
export async function onboardAsFacilitator(page: Page, stack: Stack, tdpIds: readonly string[]): Promise<void> {
  await onboardWithConsent(page, stack.baseUrl);
  const zaloId = await page.evaluate(() => localStorage.getItem("hocso:sandbox-user"));
  expect(zaloId).toBeTruthy();
  expect(staffCommand(stack, "grant", "facilitator", zaloId!, ...tdpIds)).toContain("is now a facilitator");
}

/** `text` matched literally inside a RegExp (TDP names carry dots and brackets). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Waits for the screen's title: the level-1 heading. */
export async function waitForHeading(page: Page, name: string | RegExp): Promise<void> {
  await expect.poll(() => page.getByRole("heading", { name, level: 1 }).isVisible(), { timeout: 10_000 }).toBe(true);
}

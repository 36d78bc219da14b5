// Debian's Chromium driven by playwright-core, as a phone-sized screen. Test tools
// cannot download browsers here, and a browser test never skips: a missing Chromium fails.
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM_PATH = "/usr/bin/chromium";

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

export async function phoneContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
  });
}

/**
 * Errors the page throws. Outside Zalo, zmp-sdk's own automatic `login` call rejects
 * with -2000 on import; that one is Zalo's, expected in a plain browser, and is the
 * only one tolerated.
 */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (err) => {
    const text = `${err.message} ${JSON.stringify(err)}`;
    if (/-2000/.test(text) && /login/i.test(text)) return;
    errors.push(text);
  });
  return errors;
}

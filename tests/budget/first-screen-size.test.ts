// The size budget of the mini app's first screen (issue: a cheap Android phone on a weak
// connection). Bytes, not seconds, so this holds on a noisy shared machine. The test
// command builds mini-app/www before the tests run.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { lessons } from "@hocso/content/all-lessons";

const www = join(import.meta.dirname, "..", "..", "mini-app", "www");
const FIRST_SCREEN_JS_BUDGET = 120 * 1024;

function gzipBytes(file: string): number {
  return gzipSync(readFileSync(join(www, file)), { level: 9 }).length;
}

describe("the mini app's download size", () => {
  const config = JSON.parse(readFileSync(join(www, "app-config.json"), "utf8")) as {
    listSyncJS: string[];
  };

  it("keeps the first screen's JavaScript within 120 KB gzip", () => {
    const total = config.listSyncJS.map(gzipBytes).reduce((a, b) => a + b, 0);
    expect(config.listSyncJS.length).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(FIRST_SCREEN_JS_BUDGET);
  });

  it("loads lessons on demand instead of inside the first screen", () => {
    const firstScreen = config.listSyncJS.map((f) => readFileSync(join(www, f), "utf8")).join("\n");
    const everything = readdirSync(join(www, "assets"))
      .filter((f) => f.endsWith(".js"))
      .map((f) => readFileSync(join(www, "assets", f), "utf8"))
      .join("\n");
    // A lesson's explanations live in its own chunk: in the build, never in the first screen.
    for (const lesson of lessons) {
      const text = lesson.quiz[0]!.explanation;
      expect(everything.includes(text) || everything.includes(JSON.stringify(text).slice(1, -1))).toBe(true);
      expect(firstScreen).not.toContain(text);
    }
  });
});

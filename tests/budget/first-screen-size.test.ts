// The size budget of the mini app's first screen (issue: a cheap Android phone on a weak
// connection). Bytes, not seconds, so this holds on a noisy shared machine. The test
// command builds mini-app/www before the tests run.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lessons } from "@hocso/content/all-lessons";
import { firstScreenFiles, lazyFiles, measure, total } from "../../bench/bundle.ts";

const www = join(import.meta.dirname, "..", "..", "mini-app", "www");
const FIRST_SCREEN_JS_BUDGET = 120 * 1024;

describe("the mini app's download size", () => {
  it("keeps the first screen's JavaScript, with every chunk it imports statically, within 120 KB gzip", () => {
    const files = firstScreenFiles(www);
    expect(files.length).toBeGreaterThan(0);
    expect(total(files.map((f) => measure(www, f)), "gzip")).toBeLessThanOrEqual(FIRST_SCREEN_JS_BUDGET);
  });

  it("loads lessons on demand instead of inside the first screen", () => {
    const read = (files: string[]) => files.map((f) => readFileSync(join(www, f), "utf8")).join("\n");
    const firstScreen = read(firstScreenFiles(www));
    const lazy = read(lazyFiles(www));
    // A lesson's explanations live in its own lazy chunk, never in the first screen.
    for (const lesson of lessons) {
      const text = lesson.quiz[0]!.explanation;
      expect(lazy.includes(text) || lazy.includes(JSON.stringify(text).slice(1, -1))).toBe(true);
      expect(firstScreen).not.toContain(text);
    }
  });
});

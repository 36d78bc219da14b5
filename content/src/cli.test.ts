import { execFile } from "node:child_process";
import { access, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { lineContaining, makeContentFixture, validLesson, type ContentFixture } from "./content-fixture.ts";

const run = promisify(execFile);
const CLI = fileURLToPath(new URL("./cli.ts", import.meta.url));
const TSX = fileURLToPath(new URL("../../node_modules/.bin/tsx", import.meta.url));

let fixture: ContentFixture | undefined;
afterEach(async () => {
  await fixture?.remove();
  fixture = undefined;
});

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the real CLI in its own process, as `pnpm --filter @hocso/content <command>` does. */
async function cli(...args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(TSX, [CLI, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("content CLI", () => {
  it("lint prints the lesson count and exits 0 when everything is valid", async () => {
    fixture = await makeContentFixture({ "lessons/m1/thu-nghiem.md": validLesson() });
    expect(await cli("lint", fixture.contentDir)).toEqual({ code: 0, stdout: "content lint: 1 lesson OK\n", stderr: "" });
  });

  it("lint prints every problem as file:line: reason and exits 1", async () => {
    const broken = validLesson().replace("- [x] CH Play", "- [ ] CH Play").replace("Giải thích: Mã OTP chỉ mình bác biết.\n", "");
    fixture = await makeContentFixture({ "lessons/m1/thu-nghiem.md": broken });
    const result = await cli("lint", fixture.contentDir);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toEqual([
      `content/lessons/m1/thu-nghiem.md:${lineContaining(broken, "- [ ] CH Play")}: no answer is marked [x]; mark the one correct answer`,
      `content/lessons/m1/thu-nghiem.md:${lineContaining(broken, "### [Đúng/Sai]")}: this question has no explanation; add a paragraph starting "Giải thích:" after the options`,
      "content lint: 2 problems in 1 file",
    ]);
  });

  it("build writes dist/ for valid content and leaves no dist/ when the content is broken", async () => {
    fixture = await makeContentFixture({ "lessons/m1/thu-nghiem.md": validLesson() });
    const ok = await cli("build", fixture.contentDir);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^content build: 1 lesson OK, 5 files written to dist\/ \(catalog [0-9a-f]{12}\)\n$/);
    expect(await readFile(join(fixture.contentDir, "dist", "lessons", "thu-nghiem.ts"), "utf8")).toContain(
      'import type { Lesson } from "@hocso/shared/content";',
    );

    const other = await makeContentFixture({ "lessons/m1/thu-nghiem.md": validLesson({ id: "sai-ten" }) });
    try {
      const failed = await cli("build", other.contentDir);
      expect(failed.code).toBe(1);
      await expect(access(join(other.contentDir, "dist"))).rejects.toThrow();
    } finally {
      await other.remove();
    }
  });

  it("prints usage and exits 2 for an unknown command", async () => {
    const result = await cli("publish");
    expect(result).toEqual({ code: 2, stdout: "", stderr: "usage: tsx src/cli.ts <lint|build> [content-dir]\n" });
  });
});

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
    expect(ok.stdout).toMatch(/^content build: 1 lesson OK, 6 files written to dist\/ \(catalog [0-9a-f]{12}\)\n$/);
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

  it("prints usage and exits 2 for an unknown command, or preview without a lesson", async () => {
    const usage =
      "usage: tsx src/cli.ts <lint|build> [content-dir]\n       tsx src/cli.ts preview <lesson id or file> [content-dir]\n";
    expect(await cli("publish")).toEqual({ code: 2, stdout: "", stderr: usage });
    expect(await cli("preview")).toEqual({ code: 2, stdout: "", stderr: usage });
  });

  it("lint and build report problems in placement.md as content/placement.md:line: reason", async () => {
    fixture = await makeContentFixture({ "lessons/m1/thu-nghiem.md": validLesson() });
    const placement = (await readFile(join(fixture.contentDir, "placement.md"), "utf8")).replace("## m4", "## m5");
    await fixture.write("placement.md", placement);
    for (const command of ["lint", "build"]) {
      const result = await cli(command, fixture.contentDir);
      expect(result.code).toBe(1);
      expect(result.stderr.trim().split("\n")).toEqual([
        "content/placement.md:1: no placement question for m4; add a \"## m4\" section with one question",
        `content/placement.md:${lineContaining(placement, "## m5")}: m5 (the certification guide) has no placement question; the check covers m1 to m4`,
        `content ${command}: 2 problems in 1 file`,
      ]);
    }
  });
});

describe("content CLI preview", () => {
  const PATH = "lessons/m1/thu-nghiem.md";

  it("prints the lesson as the learner reads it, found by id or by file path", async () => {
    fixture = await makeContentFixture({ [PATH]: validLesson() });
    const byId = await cli("preview", "thu-nghiem", fixture.contentDir);
    expect(byId.code).toBe(0);
    expect(byId.stderr).toBe("");
    expect(byId.stdout).toMatch(/^Bài thử nghiệm\n/);
    expect(byId.stdout).toContain("── Bước 1/3 ──\nMục tiêu: Bác làm quen với bài học thử.\n\nMở ứng dụng\n");
    expect(byId.stdout).toContain("  [x] CH Play hoặc App Store   ← đáp án đúng\n");
    expect(await cli("preview", "content/lessons/m1/thu-nghiem.md", fixture.contentDir)).toEqual(byId);
  });

  it("exits 1 with a clear message, listing the lessons, for an unknown id", async () => {
    fixture = await makeContentFixture({ [PATH]: validLesson() });
    expect(await cli("preview", "khong-co", fixture.contentDir)).toEqual({
      code: 1,
      stdout: "",
      stderr:
        'content preview: there is no lesson "khong-co". A lesson\'s id is its file name without .md; the lessons are: thu-nghiem\n',
    });
  });

  it("runs the same checks first and shows the lesson's problems instead of the lesson", async () => {
    const broken = validLesson().replace("- [x] CH Play", "- [ ] CH Play");
    fixture = await makeContentFixture({ [PATH]: broken });
    expect(await cli("preview", "thu-nghiem", fixture.contentDir)).toEqual({
      code: 1,
      stdout: "",
      stderr: [
        `content/lessons/m1/thu-nghiem.md:${lineContaining(broken, "- [ ] CH Play")}: no answer is marked [x]; mark the one correct answer`,
        "content preview: 1 problem in content/lessons/m1/thu-nghiem.md; fix it, then preview again",
        "",
      ].join("\n"),
    });
  });

  it("still previews a clean lesson when another file is broken, with a note", async () => {
    const broken = validLesson({ id: "bai-hong", order: 2 }).replace("- [x] CH Play", "- [ ] CH Play");
    fixture = await makeContentFixture({ [PATH]: validLesson(), "lessons/m1/bai-hong.md": broken });
    const result = await cli("preview", "thu-nghiem", fixture.contentDir);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Bài thử nghiệm\n/);
    expect(result.stderr).toBe("note: 1 problem in other files; run `pnpm --filter @hocso/content lint` to see them\n");
  });
});

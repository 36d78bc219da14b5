import { rm } from "node:fs/promises";
import { PlacementSchema, type PlacementQuestion } from "@hocso/shared/content";
import { afterEach, describe, expect, it } from "vitest";
import { compileContent } from "./compile-content.ts";
import { lineContaining, makeContentFixture, REAL_CONTENT_DIR, validLesson, type ContentFixture } from "./content-fixture.ts";

const FILE = "content/placement.md";

let fixture: ContentFixture | undefined;
afterEach(async () => {
  await fixture?.remove();
  fixture = undefined;
});

function section(module: string, prompt = `Câu hỏi cho học phần ${module} là gì?`): string {
  return `## ${module}

### [Chọn 1] ${prompt}

- [ ] Bấm đường link người lạ gửi
- [x] Hỏi Công an phường

Giải thích: Bác hỏi nơi chính thức cho chắc.
`;
}

const validPlacement = ["m1", "m2", "m3", "m4"].map((module) => section(module)).join("\n");

/** Compile a fixture whose placement.md is `text`, beside one valid lesson. */
async function placementProblems(text: string): Promise<string[]> {
  fixture = await makeContentFixture({ "lessons/m1/thu-nghiem.md": validLesson(), "placement.md": text });
  return fixture.problems();
}

async function compiledPlacement(text: string): Promise<PlacementQuestion[]> {
  fixture = await makeContentFixture({ "lessons/m1/thu-nghiem.md": validLesson(), "placement.md": text });
  const result = await fixture.compile();
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join("\n"));
  return result.content.placement;
}

describe("the placement check", () => {
  it("compiles one question per module, ids p-m1…p-m4, in course order whatever the file order", async () => {
    const placement = await compiledPlacement([section("m3"), section("m1"), section("m4"), section("m2")].join("\n"));
    expect(placement.map((item) => [item.module, item.question.id])).toEqual([
      ["m1", "p-m1"],
      ["m2", "p-m2"],
      ["m3", "p-m3"],
      ["m4", "p-m4"],
    ]);
    expect(placement[0]).toEqual({
      module: "m1",
      question: {
        id: "p-m1",
        type: "single",
        prompt: "Câu hỏi cho học phần m1 là gì?",
        options: ["Bấm đường link người lạ gửi", "Hỏi Công an phường"],
        answer: 1,
        explanation: "Bác hỏi nơi chính thức cho chắc.",
      },
    });
  });

  it("ships a placement.md that passes every rule, with one question for each of m1 to m4", async () => {
    const result = await compileContent({ contentDir: REAL_CONTENT_DIR });
    expect(result.ok ? [] : result.problems).toEqual([]);
    if (!result.ok) return;
    expect(PlacementSchema.parse(result.content.placement)).toEqual(result.content.placement);
    expect(result.content.placement.map((item) => item.question.id)).toEqual(["p-m1", "p-m2", "p-m3", "p-m4"]);
  });

  it("reports a module without a question at line 1", async () => {
    const text = [section("m1"), section("m2"), section("m4")].join("\n");
    expect(await placementProblems(text)).toEqual([
      `${FILE}:1: no placement question for m3; add a "## m3" section with one question`,
    ]);
  });

  it("reports a module written twice at the second heading", async () => {
    const text = [validPlacement, section("m2", "Câu hỏi thứ hai cho m2 là gì?")].join("\n");
    const line = text.split("\n").lastIndexOf("## m2") + 1;
    expect(await placementProblems(text)).toEqual([
      `${FILE}:${line}: module m2 already has a placement question at line ${lineContaining(text, "## m2")}; keep one`,
    ]);
  });

  it("rejects m5 and headings that are not modules of the check", async () => {
    const text = [validPlacement, section("m5"), section("Học phần 1")].join("\n");
    expect(await placementProblems(text)).toEqual([
      `${FILE}:${lineContaining(text, "## m5")}: m5 (the certification guide) has no placement question; the check covers m1 to m4`,
      `${FILE}:${lineContaining(text, "## Học phần 1")}: "## Học phần 1" is not a module of the placement check; the headings are "## m1", "## m2", "## m3", "## m4"`,
    ]);
  });

  it("requires exactly one question per module", async () => {
    const extra = "### [Đúng/Sai] Câu thứ hai trong cùng học phần.\n\n- [x] Đúng\n- [ ] Sai\n\nGiải thích: Chỉ một câu thôi.\n";
    const text = validPlacement.replace("## m2\n", `## m2\n\n${extra}`).replace(/## m3\n[\s\S]*?(?=## m4)/, "## m3\n\n");
    expect(await placementProblems(text)).toEqual([
      `${FILE}:${lineContaining(text, "### [Chọn 1] Câu hỏi cho học phần m2")}: "## m2" has 2 questions; the placement check asks exactly one per module`,
      `${FILE}:${lineContaining(text, "## m3")}: "## m3" has no question; add one, e.g. "### [Chọn 1] …"`,
    ]);
  });

  it("checks each question with the lesson rules: one [x], Giải thích, accents, fake numbers", async () => {
    let text = validPlacement.replace("- [x] Hỏi Công an phường", "- [ ] Hỏi Công an phường");
    text = text.replace("Câu hỏi cho học phần m2 là gì?", "Bac se lam gi khi nhan tin nhan la?");
    text = text.replace(/(## m3[\s\S]*?)Giải thích: Bác hỏi nơi chính thức cho chắc.\n/, "$1");
    text = text.replace(/(## m4[\s\S]*?)Giải thích: Bác hỏi nơi chính thức cho chắc./, "$1Giải thích: Gọi 0905.123.456 để hỏi.");
    expect(await placementProblems(text)).toEqual([
      `${FILE}:${lineContaining(text, "- [ ] Bấm đường link")}: no answer is marked [x]; mark the one correct answer`,
      `${FILE}:${lineContaining(text, "Bac se lam gi")}: this sentence seems typed without Vietnamese accents (dấu); retype it with accents: "Bac se lam gi khi nhan tin nhan la?"`,
      `${FILE}:${lineContaining(text, "Câu hỏi cho học phần m3")}: this question has no explanation; add a paragraph starting "Giải thích:" after the options`,
      `${FILE}:${lineContaining(text, "0905.123.456")}: "0905.123.456" looks like a real phone number; use a fake one such as 09xx.xxx.xxx`,
    ]);
  });

  it("rejects text before the first module heading and front matter", async () => {
    const text = `---\ntitle: Kiểm tra đầu vào\n---\n\nLời mở đầu.\n\n${validPlacement}`;
    expect(await placementProblems(text)).toEqual([
      `${FILE}:1: placement.md has no front matter; start with a module heading such as "## m1"`,
      `${FILE}:${lineContaining(text, "Lời mở đầu.")}: text before the first module heading; start each module with "## m1", "## m2", …`,
    ]);
  });

  it("reports a missing placement.md", async () => {
    fixture = await makeContentFixture({ "lessons/m1/thu-nghiem.md": validLesson() });
    await rm(`${fixture.contentDir}/placement.md`);
    expect(await fixture.problems()).toEqual([
      `${FILE}:1: the placement check file is missing; create placement.md with one question per module m1 to m4`,
    ]);
  });
});

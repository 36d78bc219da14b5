import type { Lesson } from "@hocso/shared/content";
import { readFile } from "node:fs/promises";
import { afterEach, describe, expect, it } from "vitest";
import { compileContent } from "./compile-content.ts";
import { lineContaining, makeContentFixture, REAL_CONTENT_DIR, validLesson, type ContentFixture } from "./content-fixture.ts";

const FILE = "content/lessons/m1/thu-nghiem.md";
const LAST_STEP_TEXT = "Bác hỏi `Tổ công nghệ số cộng đồng` khi chưa rõ.";
const PATH = "lessons/m1/thu-nghiem.md";

let fixture: ContentFixture | undefined;
afterEach(async () => {
  await fixture?.remove();
  fixture = undefined;
});

/** Compile one lesson file (the valid fixture with edits) and return the problem lines. */
async function problemsOf(source: string, path = PATH): Promise<string[]> {
  fixture = await makeContentFixture({ [path]: source });
  return fixture.problems();
}

function edit(source: string, from: string, to: string): string {
  if (!source.includes(from)) throw new Error(`fixture does not contain ${JSON.stringify(from)}`);
  return source.replace(from, to);
}

const expectedLesson: Lesson = {
  id: "thu-nghiem",
  module: "m1",
  order: 1,
  title: "Bài thử nghiệm",
  minutes: 3,
  digcomp: ["2.6"],
  sources: [
    { key: "S82", publisher: "congan.daklak.gov.vn", title: "Đăng ký tài khoản định danh điện tử mức độ 2", date: "không rõ" },
  ],
  goal: "Bác làm quen với bài học thử.",
  steps: [
    {
      title: "Mở ứng dụng",
      body: [{ type: "p", runs: [{ text: "Bác mở ứng dụng " }, { text: "VNeID", strong: true }, { text: " trên điện thoại." }] }],
    },
    {
      title: "Đọc màn hình",
      body: [
        { type: "p", runs: [{ text: "Bác đọc kỹ " }, { text: "từng dòng", em: true }, { text: " trên màn hình." }] },
        { type: "list", ordered: false, items: [[{ text: "Tên của bác" }], [{ text: "Số điện thoại" }]] },
      ],
    },
    {
      title: "Hỏi khi cần",
      body: [
        {
          type: "p",
          runs: [{ text: "Bác hỏi " }, { text: "Tổ công nghệ số cộng đồng", code: true }, { text: " khi chưa rõ." }],
        },
      ],
    },
  ],
  remember: [{ type: "p", runs: [{ text: "Không đọc mã OTP cho ai." }] }],
  quiz: [
    {
      id: "q1",
      type: "single",
      prompt: "Bác tải ứng dụng ở đâu?",
      options: ["CH Play hoặc App Store", "Đường link người lạ gửi"],
      answer: 0,
      explanation: "Ứng dụng thật chỉ tải từ kho ứng dụng.",
    },
    {
      id: "q2",
      type: "truefalse",
      prompt: "Có thể đọc mã OTP cho người lạ.",
      options: ["Đúng", "Sai"],
      answer: 1,
      explanation: "Mã OTP chỉ mình bác biết.",
    },
    {
      id: "q3",
      type: "scenario",
      prompt: "Người lạ gọi, bảo bác cài ứng dụng theo đường link. Đây có phải lừa đảo không?",
      options: ["Có, đây là lừa đảo", "Không"],
      answer: 0,
      explanation: "Cơ quan nhà nước không bảo bác cài ứng dụng qua đường link.",
    },
    {
      id: "q4",
      type: "single",
      prompt: "Ai được biết mật khẩu của bác?",
      options: ["Người gọi xưng là cán bộ", "Chỉ mình bác"],
      answer: 1,
      explanation: "Mật khẩu chỉ mình bác giữ, không đưa cho ai.",
    },
  ],
};

describe("a valid lesson", () => {
  it("compiles to the Lesson the apps render, with styled runs, lists, question ids and answers", async () => {
    fixture = await makeContentFixture({ [PATH]: validLesson() });
    const result = await fixture.compile();
    expect(result.ok && result.content.lessons.map((compiled) => compiled.lesson)).toEqual([expectedLesson]);
    expect(result.ok && result.content.lessons[0]?.file).toBe(FILE);
  });

  it("joins a paragraph wrapped over several lines with single spaces", async () => {
    const source = edit(validLesson(), "Bác mở ứng dụng **VNeID** trên điện thoại.", "Bác mở\nứng dụng   VNeID\ntrên điện thoại.");
    fixture = await makeContentFixture({ [PATH]: source });
    const result = await fixture.compile();
    expect(result.ok && result.content.lessons[0]?.lesson.steps[0]?.body).toEqual([
      { type: "p", runs: [{ text: "Bác mở ứng dụng VNeID trên điện thoại." }] },
    ]);
  });

  it("keeps a bare web address as plain text instead of treating it as a link", async () => {
    const source = edit(validLesson(), "Bác đọc kỹ *từng dòng* trên màn hình.", "Bác vào https://dichvucong.gov.vn để xem.");
    fixture = await makeContentFixture({ [PATH]: source });
    const result = await fixture.compile();
    expect(result.ok && result.content.lessons[0]?.lesson.steps[1]?.body[0]).toEqual({
      type: "p",
      runs: [{ text: "Bác vào https://dichvucong.gov.vn để xem." }],
    });
  });

  it("accepts DigComp codes written without quotes, e.g. digcomp: [2.6, 4.1]", async () => {
    fixture = await makeContentFixture({ [PATH]: edit(validLesson(), 'digcomp: ["2.6"]', "digcomp: [2.6, 4.1]") });
    const result = await fixture.compile();
    expect(result.ok && result.content.lessons[0]?.lesson.digcomp).toEqual(["2.6", "4.1"]);
  });

  it("reads question markers loosely, e.g. [đúng / sai]", async () => {
    fixture = await makeContentFixture({ [PATH]: edit(validLesson(), "[Đúng/Sai]", "[đúng / sai]") });
    const result = await fixture.compile();
    expect(result.ok && result.content.lessons[0]?.lesson.quiz[1]?.type).toBe("truefalse");
  });

  it("normalises decomposed Vietnamese (NFD) to NFC", async () => {
    const source = edit(validLesson(), "title: Bài thử nghiệm", `title: ${"Bài thử nghiệm".normalize("NFD")}`);
    fixture = await makeContentFixture({ [PATH]: source.normalize("NFD") });
    const result = await fixture.compile();
    expect(result.ok && result.content.lessons[0]?.lesson.title).toBe("Bài thử nghiệm");
  });
});

describe("broken questions fail with the file, the line and the reason", () => {
  it("reports a question with no [x] at the line of its answer list", async () => {
    const source = edit(validLesson(), "- [x] CH Play hoặc App Store", "- [ ] CH Play hoặc App Store");
    expect(await problemsOf(source)).toEqual([
      `${FILE}:${lineContaining(source, "- [ ] CH Play")}: no answer is marked [x]; mark the one correct answer`,
    ]);
  });

  it("reports the second [x] when two answers are marked", async () => {
    const source = edit(validLesson(), "- [ ] Đường link người lạ gửi", "- [x] Đường link người lạ gửi");
    expect(await problemsOf(source)).toEqual([
      `${FILE}:${lineContaining(source, "- [x] Đường link")}: more than one answer is marked [x]; exactly one must be correct`,
    ]);
  });

  it("reports a missing Giải thích paragraph at the question heading", async () => {
    const source = edit(validLesson(), "Giải thích: Mã OTP chỉ mình bác biết.\n", "");
    expect(await problemsOf(source)).toEqual([
      `${FILE}:${lineContaining(source, "### [Đúng/Sai]")}: this question has no explanation; add a paragraph starting "Giải thích:" after the options`,
    ]);
  });

  it("reports a paragraph that is not a Giải thích", async () => {
    const source = edit(validLesson(), "Giải thích: Mã OTP", "Vì: Mã OTP");
    const line = lineContaining(source, "Vì: Mã OTP");
    expect(await problemsOf(source)).toContain(
      `${FILE}:${line}: after the answer options write one paragraph starting with "Giải thích:"`,
    );
  });

  it("rejects a fourth answer option at that option's line", async () => {
    const source = edit(
      validLesson(),
      "- [ ] Đường link người lạ gửi",
      "- [ ] Đường link người lạ gửi\n- [ ] Tin nhắn Zalo\n- [ ] Trang web lạ",
    );
    expect(await problemsOf(source)).toEqual([
      `${FILE}:${lineContaining(source, "- [ ] Trang web lạ")}: 4 answer options; at most 3 are allowed, to keep questions easy to read`,
    ]);
  });

  it("rejects a Đúng/Sai question whose options are not exactly Đúng then Sai", async () => {
    const source = edit(validLesson(), "- [ ] Đúng\n- [x] Sai", "- [ ] Có\n- [x] Không");
    expect(await problemsOf(source)).toEqual([
      `${FILE}:${lineContaining(source, "- [ ] Có")}: a [Đúng/Sai] question has exactly two options, "Đúng" then "Sai"`,
    ]);
  });

  it("rejects an unknown question marker and names the valid ones", async () => {
    const source = edit(validLesson(), "### [Chọn 1]", "### [Chọn nhiều]");
    expect(await problemsOf(source)).toEqual([
      `${FILE}:${lineContaining(source, "### [Chọn nhiều]")}: a question heading must start with one of [Chọn 1], [Đúng/Sai], [Tình huống]`,
    ]);
  });

  it("rejects answer options written without checkboxes", async () => {
    const source = edit(validLesson(), "- [ ] Đường link người lạ gửi", "- Đường link người lạ gửi");
    expect(await problemsOf(source)).toContain(
      `${FILE}:${lineContaining(source, "- Đường link")}: each answer option starts with "[ ]", or "[x]" for the correct one, e.g. "- [ ] Không"`,
    );
  });

  it("requires 4 or 5 questions: three are no longer enough", async () => {
    const source = validLesson().replace(/### \[Chọn 1\] Ai được biết[\s\S]*$/, "");
    expect(await problemsOf(source)).toEqual([
      `${FILE}:${lineContaining(source, "## Câu hỏi")}: "## Câu hỏi" has 3 questions; a lesson has 4 to 5`,
    ]);
  });

  it("requires at least two of the three question types", async () => {
    let source = edit(validLesson(), "### [Đúng/Sai] Có thể đọc", "### [Chọn 1] Có thể đọc");
    source = edit(source, "- [ ] Đúng\n- [x] Sai", "- [ ] Có\n- [x] Không");
    source = edit(source, "### [Tình huống]", "### [Chọn 1]");
    expect(await problemsOf(source)).toEqual([
      `${FILE}:${lineContaining(source, "## Câu hỏi")}: every question is [Chọn 1]; mix at least 2 of the types [Chọn 1], [Đúng/Sai], [Tình huống]`,
    ]);
  });

  it("accepts a quiz that mixes only two of the types", async () => {
    const source = edit(validLesson(), "### [Tình huống]", "### [Chọn 1]");
    expect(await problemsOf(source)).toEqual([]);
  });
});

describe("broken front matter fails at the line of the field", () => {
  it("reports wrong types, bad values and unknown fields, each at its own line", async () => {
    let source = edit(validLesson(), "minutes: 3", "minutes: bốn");
    source = edit(source, 'digcomp: ["2.6"]', 'digcomp: ["9.9"]');
    source = edit(source, "goal: Bác", "muc-tieu: sai tên\ngoal: Bác");
    expect(await problemsOf(source)).toEqual([
      `${FILE}:${lineContaining(source, "minutes:")}: front matter "minutes": Invalid input: expected number, received string`,
      `${FILE}:${lineContaining(source, "digcomp:")}: front matter "digcomp" #1: Invalid string: must match pattern /^[1-5]\\.[1-6]$/`,
      `${FILE}:${lineContaining(source, "muc-tieu:")}: front matter "muc-tieu": unknown field; check its spelling`,
    ]);
  });

  it("reports a missing required field at line 1", async () => {
    const source = edit(validLesson(), "title: Bài thử nghiệm\n", "");
    expect(await problemsOf(source)).toEqual([`${FILE}:1: front matter "title": is required`]);
  });

  it("reports a field inside a source entry at that entry's line", async () => {
    const source = edit(validLesson(), "- key: S82", "- key: nguồn 82");
    expect(await problemsOf(source)).toEqual([
      `${FILE}:${lineContaining(source, "- key: nguồn 82")}: front matter "sources" #1 "key": source key like S41 (DOMAIN.md §7)`,
    ]);
  });

  it("reports a lesson without sources in plain words, at line 1 when the field is missing", async () => {
    const source = validLesson().replace(/sources:[\s\S]*?date: không rõ\n/, "");
    expect(await problemsOf(source)).toEqual([
      `${FILE}:1: the lesson has no sources; list under "sources:" where its facts come from (key such as S41, publisher, title, date; DOMAIN.md §7)`,
    ]);
  });

  it.each(["sources: []", "sources:"])("reports an empty sources list (%s) at its line", async (empty) => {
    const source = validLesson().replace(/sources:[\s\S]*?date: không rõ\n/, `${empty}\n`);
    expect(await problemsOf(source)).toEqual([
      `${FILE}:${lineContaining(source, "sources:")}: the lesson has no sources; list under "sources:" where its facts come from (key such as S41, publisher, title, date; DOMAIN.md §7)`,
    ]);
  });

  it("reports a YAML syntax error at its line", async () => {
    const source = edit(validLesson(), "minutes: 3", "minutes: 3\nminutes: 4");
    const problems = await problemsOf(source);
    expect(problems).toEqual([`${FILE}:${lineContaining(source, "minutes: 4")}: YAML: Map keys must be unique`]);
  });

  it("reports a file without front matter once, at line 1, not once per missing field", async () => {
    const source = validLesson().replace(/^---[\s\S]*?---\n/, "");
    expect(await problemsOf(source)).toEqual([
      `${FILE}:1: a lesson file must start with front matter: a "---" line, the fields, and another "---" line`,
    ]);
  });

  it("reports an id that does not match the file name", async () => {
    const source = validLesson({ id: "ten-khac" });
    expect(await problemsOf(source)).toEqual([
      `${FILE}:${lineContaining(source, "id: ten-khac")}: id "ten-khac" must match the file name "thu-nghiem.md"`,
    ]);
  });
});

describe("steps accept only paragraphs and flat lists", () => {
  const cases: [string, string, string, string][] = [
    ["an image", "![màn hình](anh.png)", "![màn hình]", "images are not allowed in lessons; describe the screen in words instead"],
    [
      "a link",
      "Xem [trang này](https://dichvucong.gov.vn).",
      "[trang này]",
      'links are not allowed in lesson text; write the address as plain text, e.g. "dichvucong.gov.vn"',
    ],
    ["an angle-bracket link", "Xem <https://dichvucong.gov.vn>.", "<https://", 'links are not allowed in lesson text; write the address as plain text, e.g. "dichvucong.gov.vn"'],
    ["HTML", "<b>Chú ý</b>", "<b>", "HTML is not allowed in lessons; use **bold** or *italic* for emphasis"],
    ["an HTML block", "<div>\nChú ý\n</div>", "<div>", "HTML is not allowed in lessons; use plain paragraphs and lists"],
    ["a table", "| a | b |\n| - | - |\n| 1 | 2 |", "| a | b |", "tables are not supported; write the information as a list"],
    ["a nested list", "- Tên\n  - Họ", "  - Họ", "nested lists are not supported; keep every list one level deep"],
    ["a quote", "> Lưu ý", "> Lưu ý", "quotes (> ...) are not supported; write a normal paragraph (the Ghi nhớ box has its own ## section)"],
    ["a checkbox", "- [ ] Việc cần làm", "- [ ] Việc cần làm", "checkboxes ([ ] and [x]) are only for answer options under ## Câu hỏi"],
  ];

  it.each(cases)("rejects %s in a step at its line", async (_name, markdown, needle, reason) => {
    const source = edit(validLesson(), "Bác hỏi `Tổ công nghệ số cộng đồng` khi chưa rõ.", markdown);
    expect(await problemsOf(source)).toEqual([`${FILE}:${lineContaining(source, needle)}: ${reason}`]);
  });

  it("requires 3 to 6 steps", async () => {
    const source = edit(validLesson(), "## Hỏi khi cần\n\nBác hỏi `Tổ công nghệ số cộng đồng` khi chưa rõ.\n\n", "");
    expect(await problemsOf(source)).toEqual([
      `${FILE}:${lineContaining(source, "## Mở ứng dụng")}: a lesson has 3 to 6 steps ("##" headings); this one has 2`,
    ]);
  });

  it("rejects text before the first step heading", async () => {
    const source = edit(validLesson(), "---\n\n## Mở ứng dụng", "---\n\nLời mở đầu.\n\n## Mở ứng dụng");
    expect(await problemsOf(source)).toEqual([
      `${FILE}:${lineContaining(source, "Lời mở đầu.")}: text before the first "##" heading; start each step with "## <step title>" (the goal goes in front matter \`goal\`)`,
    ]);
  });
});

describe("writing rules for older readers", () => {
  it("rejects a sentence longer than 25 words", async () => {
    const long = `Bác ${"đọc kỹ ".repeat(13)}rồi bấm.`;
    const source = edit(validLesson(), "Bác hỏi `Tổ công nghệ số cộng đồng` khi chưa rõ.", long);
    const [problem] = await problemsOf(source);
    expect(problem).toMatch(
      new RegExp(`^${FILE}:${lineContaining(source, long)}: a sentence has 29 words \\(at most 25\\); split it: "Bác đọc kỹ`),
    );
  });

  it("rejects a phone number that could be real and suggests a fake one", async () => {
    const source = edit(validLesson(), "Bác hỏi `Tổ công nghệ số cộng đồng` khi chưa rõ.", "Gọi 0905.123.456 để hỏi.");
    expect(await problemsOf(source)).toEqual([
      `${FILE}:${lineContaining(source, "0905.123.456")}: "0905.123.456" looks like a real phone number; use a fake one such as 09xx.xxx.xxx`,
    ]);
  });

  /** The valid lesson with its third step's text replaced. */
  const inStep = (text: string) => edit(validLesson(), LAST_STEP_TEXT, text);

  it.each(["+84 905 123 456", "+84905123456", "(+84) 905.123.456"])(
    "rejects a real-looking phone number in international form: %s",
    async (number) => {
      const source = inStep(`Người lạ gọi từ số ${number} nhé.`);
      expect(await problemsOf(source)).toEqual([
        `${FILE}:${lineContaining(source, number)}: "${number}" looks like a real phone number; use a fake one such as 09xx.xxx.xxx`,
      ]);
    },
  );

  it.each(["19035678901234", "1903 5678 9012", "0071.000.123456", "0071-0001-23456", "12345678"])(
    "rejects a real-looking bank account number: %s",
    async (number) => {
      const source = inStep(`Kẻ gian bảo chuyển vào số tài khoản ${number} ngay.`);
      expect(await problemsOf(source)).toEqual([
        `${FILE}:${lineContaining(source, number)}: "${number}" looks like a real bank account number; use a fake one such as 0000 xxxx`,
      ]);
    },
  );

  it("checks numbers in every text a learner reads, code spans included", async () => {
    let source = inStep("Nhắn `LD 0905123456 giả công an` gửi 5656.");
    source = edit(source, "- [ ] Đường link người lạ gửi", "- [ ] Số tài khoản 1903 5678 9012");
    source = edit(source, "Giải thích: Mã OTP chỉ mình bác biết.", "Giải thích: Gọi +84 905 123 456 là sai.");
    expect(await problemsOf(source)).toEqual([
      `${FILE}:${lineContaining(source, "LD 0905123456")}: "0905123456" looks like a real phone number; use a fake one such as 09xx.xxx.xxx`,
      `${FILE}:${lineContaining(source, "1903 5678 9012")}: "1903 5678 9012" looks like a real bank account number; use a fake one such as 0000 xxxx`,
      `${FILE}:${lineContaining(source, "+84 905")}: "+84 905 123 456" looks like a real phone number; use a fake one such as 09xx.xxx.xxx`,
    ]);
  });

  it("asks for the unit when a grouped number may be an amount of money", async () => {
    const source = inStep("Người lạ đòi 20.000.000 ngay.");
    expect(await problemsOf(source)).toEqual([
      `${FILE}:${lineContaining(source, "20.000.000")}: "20.000.000" looks like a real bank account number; if it is an amount of money, write its unit ("20.000.000 đồng"), otherwise use a fake number such as 0000 xxxx`,
    ]);
  });

  it("accepts fake numbers, amounts of money, dates, hotlines and years", async () => {
    const numbers = [
      "Chuyển vào số tài khoản 0000 xxxx.",
      "Số lạ 09xx.xxx.xxx gọi, rồi số +84 9xx xxx xxx gọi.",
      "Kẻ gian đòi 20.000.000 đồng, rồi 15 000 000đ, rồi 500.000.000 VND.",
      "Từ 01.07.2024, trong năm 2024-2025, gọi 156 hoặc 5656, hạn mức 10 triệu.",
    ].join(" ");
    const source = inStep(numbers);
    expect(await problemsOf(source)).toEqual([]);
  });

  const unaccented = "Bac hay mo ung dung ngan hang.";

  it("reports a sentence typed mostly without accents even when one word has its mark", async () => {
    const mostly = "Bác hay mo ung dung ngan hang cua minh.";
    const source = inStep(`Bác đọc kỹ nhé. ${mostly}`);
    expect(await problemsOf(source)).toEqual([
      `${FILE}:${lineContaining(source, mostly)}: this sentence seems typed without Vietnamese accents (dấu); retype it with accents: "${mostly}"`,
    ]);
  });

  it("reports a sentence typed without Vietnamese accents", async () => {
    const source = inStep(`Bác đọc kỹ nhé. ${unaccented}`);
    expect(await problemsOf(source)).toEqual([
      `${FILE}:${lineContaining(source, unaccented)}: this sentence seems typed without Vietnamese accents (dấu); retype it with accents: "${unaccented}"`,
    ]);
  });

  const places: [string, string, string][] = [
    ["the title", "title: Bài thử nghiệm", "title: Bai thu nghiem cho nguoi moi hoc"],
    ["the goal", "goal: Bác làm quen với bài học thử.", "goal: Bac lam quen voi bai hoc thu."],
    ["a step title", "## Đọc màn hình", "## Doc ky tung dong tren man hinh"],
    ["a list item", "- Tên của bác", "- Ten cua bac tren the can cuoc"],
    ["Ghi nhớ", "Không đọc mã OTP cho ai.", "Khong doc ma OTP cho ai ca."],
    ["a question prompt", "### [Chọn 1] Bác tải ứng dụng ở đâu?", "### [Chọn 1] Bac tai ung dung o dau vay?"],
    ["an answer option", "- [ ] Đường link người lạ gửi", "- [ ] Duong dan nguoi la gui qua tin nhan"],
    ["an explanation", "Giải thích: Mã OTP chỉ mình bác biết.", "Giải thích: Ma OTP chi minh bac biet."],
  ];
  it.each(places)("checks accents in %s", async (_place, from, to) => {
    const source = edit(validLesson(), from, to);
    const [problem, ...rest] = await problemsOf(source);
    expect(rest).toEqual([]);
    const line = lineContaining(source, to);
    expect(problem).toMatch(new RegExp(`^${FILE}:${line}: this sentence seems typed without Vietnamese accents`));
  });

  it("does not let brand names, addresses, short labels or typed SMS text fail a correct sentence", async () => {
    const text = [
      "Bác mở CH Play hoặc App Store, tìm VNeID, eTax Mobile, VietQR, nTrust.",
      "Vào dichvucong.gov.vn hoặc tinnhiemmang.vn/website-lua-dao để xem.",
      "CH Play, App Store, Zalo, Facebook, iPhone, Android.",
      "Tên hiện ra là TRAN THI B.",
      // What the learner types (an SMS) goes in `code` and may lack accents.
      "Gửi 5656 mẫu sau. `V 09xx.xxx.xxx quang cao lam phien nhieu lan`",
    ].join(" ");
    const source = inStep(text);
    expect(await problemsOf(source)).toEqual([]);
  });
});

describe("checks across files", () => {
  it("reports a lesson id used twice, naming the other file", async () => {
    const second = validLesson({ module: "m3" });
    fixture = await makeContentFixture({ [PATH]: validLesson(), "lessons/m3/thu-nghiem.md": second });
    expect(await fixture.problems()).toEqual([
      `content/lessons/m3/thu-nghiem.md:${lineContaining(second, "id:")}: lesson id "thu-nghiem" is already used by ${FILE}; ids must be unique`,
    ]);
  });

  it("reports two lessons with the same order in one module", async () => {
    const second = validLesson({ id: "bai-hai" });
    fixture = await makeContentFixture({ [PATH]: validLesson(), "lessons/m1/bai-hai.md": second });
    expect(await fixture.problems()).toEqual([
      `content/lessons/m1/thu-nghiem.md:${lineContaining(second, "order:")}: order 1 in module m1 is already used by content/lessons/m1/bai-hai.md`,
    ]);
  });

  it("lists every problem of every file in one run, in file and line order", async () => {
    const noAnswer = edit(validLesson({ id: "bai-a" }), "- [x] CH Play", "- [ ] CH Play");
    const noExplanation = edit(validLesson({ id: "bai-b", order: 2 }), "Giải thích: Mã OTP chỉ mình bác biết.\n", "");
    const image = edit(noExplanation, "Bác hỏi `Tổ công nghệ số cộng đồng` khi chưa rõ.", "![ảnh](a.png)");
    fixture = await makeContentFixture({ "lessons/m1/bai-a.md": noAnswer, "lessons/m1/bai-b.md": image });
    const problems = await fixture.problems();
    expect(problems.map((problem) => problem.split(": ")[0])).toEqual([
      `content/lessons/m1/bai-a.md:${lineContaining(noAnswer, "- [ ] CH Play")}`,
      `content/lessons/m1/bai-b.md:${lineContaining(image, "![ảnh]")}`,
      `content/lessons/m1/bai-b.md:${lineContaining(image, "### [Đúng/Sai]")}`,
    ]);
  });

  it("rejects a lesson in a folder that is not a listed module", async () => {
    fixture = await makeContentFixture({ "lessons/m9/thu-nghiem.md": validLesson({ module: "m9" }) });
    expect(await fixture.problems()).toContain(
      'content/lessons/m9/thu-nghiem.md:1: folder "m9" is not a module listed in modules.yaml',
    );
  });
});

describe("ward.yaml, modules.yaml and the catalog", () => {
  it("reports a ward value out of range at its line", async () => {
    fixture = await makeContentFixture({ [PATH]: validLesson() });
    const ward = (await readFile(`${fixture.contentDir}/ward.yaml`, "utf8")).replace(
      "certifiedAdultsPercent: 70",
      "certifiedAdultsPercent: 170",
    );
    await fixture.write("ward.yaml", ward);
    expect(await fixture.problems()).toEqual([
      `content/ward.yaml:${lineContaining(ward, "certifiedAdultsPercent")}: "targets" "certifiedAdultsPercent": Too big: expected number to be <=100`,
    ]);
  });

  it("reports a residential group id used twice at the second one's line", async () => {
    fixture = await makeContentFixture({ [PATH]: validLesson() });
    const ward = (await readFile(`${fixture.contentDir}/ward.yaml`, "utf8")).replace("- id: mau-2", "- id: mau-1");
    await fixture.write("ward.yaml", ward);
    const line = ward.split("\n").lastIndexOf("  - id: mau-1") + 1;
    expect(await fixture.problems()).toEqual([
      `content/ward.yaml:${line}: two residential groups have the id "mau-1"; ids must be unique`,
    ]);
  });

  it("lists every module in the catalog, an empty one with no lessons", async () => {
    fixture = await makeContentFixture({ [PATH]: validLesson() });
    const result = await fixture.compile();
    if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join("\n"));
    expect(result.content.catalog.modules.map((module) => [module.id, module.lessons.length])).toEqual([
      ["m1", 1],
      ["m2", 0],
      ["m3", 0],
      ["m4", 0],
      ["m5", 0],
    ]);
  });
});

describe("the shipped content", () => {
  it("passes every rule: the lessons in content/lessons, modules.yaml and ward.yaml", async () => {
    const result = await compileContent({ contentDir: REAL_CONTENT_DIR });
    expect(result.ok ? [] : result.problems).toEqual([]);
    if (!result.ok) return;
    const perModule = Object.fromEntries(result.content.catalog.modules.map((m) => [m.id, m.lessons.length]));
    // The course of DOMAIN.md §3.1: four modules, at least 17 lessons, plus the certification guide.
    expect(perModule).toMatchObject({ m1: 4, m2: 4, m3: 4, m4: 5, m5: 1 });
    const ids = result.content.lessons.map((compiled) => compiled.lesson.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

import { afterEach, describe, expect, it } from "vitest";
import { makeContentFixture, validLesson, type ContentFixture } from "./content-fixture.ts";
import { lessonIdOf, renderPreview } from "./preview.ts";

let fixture: ContentFixture | undefined;
afterEach(async () => {
  await fixture?.remove();
  fixture = undefined;
});

const expected = `Bài thử nghiệm
(content/lessons/m1/thu-nghiem.md · học phần m1 · bài 1 · 3 phút)

── Bước 1/3 ──
Mục tiêu: Bác làm quen với bài học thử.

Mở ứng dụng

Bác mở ứng dụng VNeID trên điện thoại.

── Bước 2/3 ──
Đọc màn hình

Bác đọc kỹ từng dòng trên màn hình.

• Tên của bác
• Số điện thoại

── Bước 3/3 ──
Hỏi khi cần

Bác hỏi Tổ công nghệ số cộng đồng khi chưa rõ.

── Ghi nhớ ──
Không đọc mã OTP cho ai.

── Câu 1/4 ──
[Chọn 1] Bác tải ứng dụng ở đâu?

  [x] CH Play hoặc App Store   ← đáp án đúng
  [ ] Đường link người lạ gửi

Giải thích: Ứng dụng thật chỉ tải từ kho ứng dụng.

── Câu 2/4 ──
[Đúng/Sai] Có thể đọc mã OTP cho người lạ.

  [ ] Đúng
  [x] Sai   ← đáp án đúng

Giải thích: Mã OTP chỉ mình bác biết.

── Câu 3/4 ──
[Tình huống] Người lạ gọi, bảo bác cài ứng dụng theo đường link. Đây có phải lừa đảo không?

  [x] Có, đây là lừa đảo   ← đáp án đúng
  [ ] Không

Giải thích: Cơ quan nhà nước không bảo bác cài ứng dụng qua đường link.

── Câu 4/4 ──
[Chọn 1] Ai được biết mật khẩu của bác?

  [ ] Người gọi xưng là cán bộ
  [x] Chỉ mình bác   ← đáp án đúng

Giải thích: Mật khẩu chỉ mình bác giữ, không đưa cho ai.
`;

describe("lesson preview", () => {
  it("shows every screen in app order: steps with the goal first, Ghi nhớ, then each question with its answer marked", async () => {
    fixture = await makeContentFixture({ "lessons/m1/thu-nghiem.md": validLesson() });
    const result = await fixture.compile();
    if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join("\n"));
    const [compiled] = result.content.lessons;
    expect(compiled && renderPreview(compiled)).toBe(expected);
  });

  it("numbers the items of an ordered list", async () => {
    const source = validLesson().replace("- Tên của bác\n- Số điện thoại", "1. Tên của bác\n2. Số điện thoại");
    fixture = await makeContentFixture({ "lessons/m1/thu-nghiem.md": source });
    const result = await fixture.compile();
    if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join("\n"));
    const [compiled] = result.content.lessons;
    expect(compiled && renderPreview(compiled)).toContain("\n1. Tên của bác\n2. Số điện thoại\n");
  });

  it.each([
    ["vneid-muc-2", "vneid-muc-2"],
    ["content/lessons/m1/vneid-muc-2.md", "vneid-muc-2"],
    ["lessons/m1/vneid-muc-2.md ", "vneid-muc-2"],
  ])("reads the lesson id from %j", (input, id) => {
    expect(lessonIdOf(input)).toBe(id);
  });
});

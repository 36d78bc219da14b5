// Test support (imported only by *.test.ts): a throwaway content folder on disk, laid
// out like the real one (lessons/<module>/<id>.md beside the real modules.yaml,
// ward.yaml and placement.md), so tests exercise the same file reading the build does.
import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { compileContent, type CompileResult } from "./compile-content.ts";
import { formatProblem } from "./problems.ts";

export const REAL_CONTENT_DIR = fileURLToPath(new URL("..", import.meta.url));

export interface ContentFixture {
  /** <tmp>/content: pass to compileContent or the CLI */
  contentDir: string;
  write(relativePath: string, text: string): Promise<void>;
  compile(): Promise<CompileResult>;
  /** the problems of a failed compile as `file:line: message` lines */
  problems(): Promise<string[]>;
  remove(): Promise<void>;
}

export async function makeContentFixture(lessons: Record<string, string> = {}): Promise<ContentFixture> {
  const root = await mkdtemp(join(tmpdir(), "hocso-content-"));
  const contentDir = join(root, "content");
  await mkdir(contentDir);
  for (const name of ["modules.yaml", "ward.yaml", "placement.md"]) {
    await copyFile(join(REAL_CONTENT_DIR, name), join(contentDir, name));
  }
  const fixture: ContentFixture = {
    contentDir,
    async write(relativePath, text) {
      const path = join(contentDir, relativePath);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, text);
    },
    compile: () => compileContent({ contentDir }),
    async problems() {
      const result = await compileContent({ contentDir });
      return result.ok ? [] : result.problems.map(formatProblem);
    },
    remove: () => rm(root, { recursive: true, force: true }),
  };
  for (const [path, text] of Object.entries(lessons)) await fixture.write(path, text);
  return fixture;
}

/** 1-based number of the first line containing `needle`; throws so a typo in a test is loud. */
export function lineContaining(text: string, needle: string): number {
  const index = text.split("\n").findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`fixture has no line containing ${JSON.stringify(needle)}`);
  return index + 1;
}

export interface LessonOptions {
  id?: string;
  module?: string;
  order?: number;
}

/** A small lesson that passes every rule; tests break one thing at a time with replace(). */
export function validLesson({ id = "thu-nghiem", module = "m1", order = 1 }: LessonOptions = {}): string {
  return `---
id: ${id}
module: ${module}
order: ${order}
title: Bài thử nghiệm
minutes: 3
digcomp: ["2.6"]
goal: Bác làm quen với bài học thử.
sources:
  - key: S82
    publisher: congan.daklak.gov.vn
    title: Đăng ký tài khoản định danh điện tử mức độ 2
    date: không rõ
---

## Mở ứng dụng

Bác mở ứng dụng **VNeID** trên điện thoại.

## Đọc màn hình

Bác đọc kỹ *từng dòng* trên màn hình.

- Tên của bác
- Số điện thoại

## Hỏi khi cần

Bác hỏi \`Tổ công nghệ số cộng đồng\` khi chưa rõ.

## Ghi nhớ

Không đọc mã OTP cho ai.

## Câu hỏi

### [Chọn 1] Bác tải ứng dụng ở đâu?

- [x] CH Play hoặc App Store
- [ ] Đường link người lạ gửi

Giải thích: Ứng dụng thật chỉ tải từ kho ứng dụng.

### [Đúng/Sai] Có thể đọc mã OTP cho người lạ.

- [ ] Đúng
- [x] Sai

Giải thích: Mã OTP chỉ mình bác biết.

### [Tình huống] Người lạ gọi, bảo bác cài ứng dụng theo đường link. Đây có phải lừa đảo không?

- [x] Có, đây là lừa đảo
- [ ] Không

Giải thích: Cơ quan nhà nước không bảo bác cài ứng dụng qua đường link.

### [Chọn 1] Ai được biết mật khẩu của bác?

- [ ] Người gọi xưng là cán bộ
- [x] Chỉ mình bác

Giải thích: Mật khẩu chỉ mình bác giữ, không đưa cho ai.
`;
}

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { PlacementQuestion } from "@hocso/shared/content";
import type { Course } from "../../app/course.tsx";
import { course as fixtureCourse } from "../../test/course-fixture.ts";
import { freshDevice, stored } from "../../test/device.ts";
import { cleanup, click, getButton, headings, queryButton, renderAt, textOf, waitFor } from "../../test/render.tsx";
import { PlacementCheck } from "./placement-check.tsx";
import { PLACEMENT_KEY, placementStore } from "./placement-store.ts";

vi.mock("zmp-sdk/apis", () => import("../../test/zmp-sdk-stub.ts"));

const summary = (id: string, module: "m1" | "m2" | "m3" | "m4", title: string) => ({
  id,
  module,
  order: 1,
  title,
  minutes: 3,
  stepCount: 3,
  questionCount: 2,
});

/** four modules; the second has no lessons yet */
const course: Course = {
  ...fixtureCourse,
  catalog: {
    version: "test",
    modules: [
      { id: "m1", title: "Điện thoại & danh tính số", lessons: [summary("vneid-muc-2", "m1", "VNeID mức 2")] },
      { id: "m2", title: "Dịch vụ công trực tuyến", lessons: [] },
      { id: "m3", title: "Thanh toán số an toàn", lessons: [summary("quet-vietqr", "m3", "Quét VietQR")] },
      fixtureCourse.catalog.modules[0]!,
    ],
  },
};

function question(module: "m1" | "m2" | "m3" | "m4", prompt: string): PlacementQuestion {
  return {
    module,
    question: {
      id: `p-${module}`,
      type: "single",
      prompt,
      options: ["Cách sai", "Cách đúng"],
      answer: 1,
      explanation: `Giải thích ${module}.`,
    },
  };
}

// deliberately out of course order: the check asks them in the order of the home screen
const questions = [
  question("m3", "Câu về thanh toán?"),
  question("m1", "Câu về VNeID?"),
  question("m4", "Câu về lừa đảo?"),
  question("m2", "Câu về dịch vụ công?"),
];

async function openCheck(qs: PlacementQuestion[] = questions) {
  const root = await renderAt(
    "/kiem-tra-nhanh",
    [
      { path: "/kiem-tra-nhanh", element: <PlacementCheck questions={qs} /> },
      { path: "/bai/:lessonId", element: <h1>Trình phát bài học</h1> },
      { path: "/thi-chung-nhan", element: <h1>Thi chứng nhận</h1> },
      { path: "/", element: <h1>Trang chủ</h1> },
    ],
    course,
  );
  await waitFor(() => expect(textOf(root)).toContain("Câu 1/4"));
  return root;
}

/** answer the question on screen right or wrong, then go on */
async function answer(root: HTMLElement, right: boolean, next: "Câu tiếp theo" | "Xem gợi ý" = "Câu tiếp theo") {
  await click(getButton(root, right ? "Cách đúng" : "Cách sai"));
  await click(getButton(root, next));
}

beforeEach(() => {
  freshDevice();
  placementStore.reload();
});
afterEach(cleanup);

describe("the placement check (Kiểm tra nhanh)", () => {
  it("asks one question per module in course order, like the quiz: locked at once with the reason, and with Nghe", async () => {
    const root = await openCheck();
    expect(textOf(root)).toContain("Mỗi phần một câu hỏi, không tính điểm.");
    expect(headings(root)).toEqual(["Câu về VNeID?"]);
    await waitFor(() => getButton(root, "Nghe")); // it loads beside the screen
    expect(queryButton(root, "Câu tiếp theo")).toBeNull();

    await click(getButton(root, "Cách sai"));
    expect(textOf(root)).toContain("Chưa đúng.");
    expect(textOf(root)).toContain("Đáp án đúng: Cách đúng");
    expect(textOf(root)).toContain("Giải thích m1.");
    expect(getButton(root, "Cách đúng").disabled).toBe(true);

    await click(getButton(root, "Câu tiếp theo"));
    expect(textOf(root)).toContain("Câu 2/4");
    expect(headings(root)).toEqual(["Câu về dịch vụ công?"]);
  });

  it("suggests the first module with a wrong answer that has lessons, opens its first lesson, and remembers it", async () => {
    const root = await openCheck();
    await answer(root, true); // m1
    await answer(root, false); // m2: no lessons yet, so not a place to start
    await answer(root, false); // m3
    await answer(root, true, "Xem gợi ý"); // m4

    expect(headings(root)).toEqual(["Bác nên bắt đầu từ: Thanh toán số an toàn"]);
    expect(textOf(root)).toContain("Bác trả lời đúng 2/4 câu.");
    expect(stored(PLACEMENT_KEY)).toMatchObject({
      result: { answers: { m1: true, m2: false, m3: false, m4: true }, suggested: "m3" },
      offerDismissed: false,
    });
    await click(getButton(root, "Bắt đầu học"));
    await waitFor(() => expect(headings(root)).toEqual(["Trình phát bài học"]));
    expect(window.location.pathname).toBe("/bai/quet-vietqr");
  });

  it("says so when every answer is right and points to the certification guide", async () => {
    const root = await openCheck();
    await answer(root, true);
    await answer(root, true);
    await answer(root, true);
    await answer(root, true, "Xem gợi ý");

    expect(headings(root)).toEqual(["Bác trả lời đúng cả, giỏi lắm!"]);
    expect(textOf(root)).toContain("Bác trả lời đúng 4/4 câu.");
    expect(queryButton(root, "Bắt đầu học")).toBeNull();
    expect(stored(PLACEMENT_KEY)).toMatchObject({ result: { suggested: null } });
    await click(getButton(root, "Xem cách thi chứng nhận"));
    await waitFor(() => expect(headings(root)).toEqual(["Thi chứng nhận"]));
  });

  it("says the check is not ready when the course has no questions yet", async () => {
    const root = await renderAt("/kiem-tra-nhanh", [{ path: "/kiem-tra-nhanh", element: <PlacementCheck questions={[]} /> }], course);
    expect(headings(root)).toEqual(["Bài kiểm tra nhanh đang được soạn. Bác quay lại sau nhé."]);
    getButton(root, "Về trang chủ");
  });
});

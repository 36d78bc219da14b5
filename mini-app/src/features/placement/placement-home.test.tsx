// The placement check as the app wires it (app.tsx): offered on the home screen after
// onboarding, with the course's own questions, and the suggested module marked on return.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { SnackbarProvider, ZMPRouter } from "zmp-ui";
import { catalog } from "@hocso/content/catalog";
import { loadLesson } from "@hocso/content/lesson-loaders";
import { placement } from "@hocso/content/placement";
import { ward } from "@hocso/content/ward";
import { AppRoutes } from "../../app/app.tsx";
import { CourseProvider } from "../../app/course.tsx";
import { learnerStore } from "../../app/learner-store.ts";
import { recordQuiz } from "../../app/progress-store.ts";
import { freshDevice, stored } from "../../test/device.ts";
import { cleanup, click, getButton, headings, queryButton, render, textOf, waitFor } from "../../test/render.tsx";
import { PLACEMENT_KEY, placementStore } from "./placement-store.ts";

vi.mock("zmp-sdk/apis", () => import("../../test/zmp-sdk-stub.ts"));

async function openHome() {
  window.history.replaceState(null, "", "/");
  const root = await render(
    <SnackbarProvider>
      <CourseProvider course={{ catalog, ward, loadLesson }}>
        <ZMPRouter>
          <AppRoutes />
        </ZMPRouter>
      </CourseProvider>
    </SnackbarProvider>,
  );
  await waitFor(() => expect(headings(root)).toContain("Bài học"));
  return root;
}

const moduleTitle = (id: string) => catalog.modules.find((m) => m.id === id)?.title ?? "";

beforeEach(() => {
  freshDevice();
  placementStore.reload();
  learnerStore.set((l) => ({ ...l, onboarded: true }));
});
afterEach(cleanup);

describe("the placement check on the home screen", () => {
  it("has one question for each of the modules m1 to m4 in the course", () => {
    expect(placement.map((p) => p.module).sort()).toEqual(["m1", "m2", "m3", "m4"]);
  });

  it("is offered once after onboarding, and 'Để sau' puts the offer away for good", async () => {
    const root = await openHome();
    expect(headings(root)).toContain("Bác nên học từ đâu?");
    getButton(root, "Làm kiểm tra nhanh");
    // the check, the certification guide and the display settings stay reachable from home
    getButton(root, "Kiểm tra nhanh");
    getButton(root, "Thi chứng nhận");
    getButton(root, "Cỡ chữ và màu");

    await click(getButton(root, "Để sau"));
    expect(headings(root)).not.toContain("Bác nên học từ đâu?");
    expect(stored(PLACEMENT_KEY)).toMatchObject({ offerDismissed: true, result: null });
  });

  it("is not offered to a learner who has finished a lesson already", async () => {
    recordQuiz(catalog.modules[0]!.lessons[0]!.id, 5, 5, 5);
    const root = await openHome();
    expect(queryButton(root, "Làm kiểm tra nhanh")).toBeNull();
    getButton(root, "Kiểm tra nhanh");
  });

  it("asks the course's questions and marks the suggested module on the home screen", async () => {
    const root = await openHome();
    await click(getButton(root, "Làm kiểm tra nhanh"));
    await waitFor(() => expect(textOf(root)).toContain(`Câu 1/${placement.length}`));

    const inOrder = catalog.modules.flatMap((m) => placement.filter((p) => p.module === m.id));
    for (const [i, item] of inOrder.entries()) {
      expect(headings(root)).toEqual([item.question.prompt]);
      const wrong = item.question.options.findIndex((_, j) => j !== item.question.answer);
      const pick = item.module === "m2" ? wrong : item.question.answer;
      await click(getButton(root, item.question.options[pick]!));
      await click(getButton(root, i === inOrder.length - 1 ? "Xem gợi ý" : "Câu tiếp theo"));
    }
    expect(headings(root)).toEqual([`Bác nên bắt đầu từ: ${moduleTitle("m2")}`]);

    await click(getButton(root, "Về trang chủ"));
    await waitFor(() => expect(headings(root)).toContain("Bài học"));
    const suggested = root.querySelector(".module-suggested");
    expect(suggested?.querySelector("h2")?.textContent).toBe(moduleTitle("m2"));
    expect(suggested?.textContent).toContain("Bác nên bắt đầu từ phần này");
    expect(root.querySelectorAll(".module-suggested")).toHaveLength(1);
    expect(headings(root)).not.toContain("Bác nên học từ đâu?"); // done: no more offer
  });
});

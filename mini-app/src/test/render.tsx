// A tiny React Testing Library stand-in for happy-dom: render into the document, find
// controls the way a user (or a screen reader) names them, click, and wait.
import { act, type ReactElement, type ReactNode } from "react";
import { createRoot, type Root } from "react-dom/client";
import { AnimationRoutes, Route, SnackbarProvider, ZMPRouter } from "zmp-ui";
import { CourseProvider, type Course } from "../app/course.tsx";
import { course as fixtureCourse } from "./course-fixture.ts";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let mounted: { root: Root; container: HTMLElement } | null = null;

export async function render(ui: ReactElement): Promise<HTMLElement> {
  cleanup();
  const container = document.createElement("div");
  document.body.append(container);
  const root = createRoot(container);
  await act(async () => root.render(ui));
  mounted = { root, container };
  return container;
}

export function cleanup(): void {
  if (!mounted) return;
  const { root, container } = mounted;
  act(() => root.unmount());
  container.remove();
  mounted = null;
}

/** Render screens under the app's router at `path`, with the fixture course. */
export function renderAt(
  path: string,
  routes: Array<{ path: string; element: ReactNode }>,
  course: Course = fixtureCourse,
): Promise<HTMLElement> {
  window.history.replaceState(null, "", path);
  return render(
    <SnackbarProvider>
      <CourseProvider course={course}>
        <ZMPRouter>
          <AnimationRoutes>
            {routes.map((r) => (
              <Route key={r.path} path={r.path} element={r.element} />
            ))}
          </AnimationRoutes>
        </ZMPRouter>
      </CourseProvider>
    </SnackbarProvider>,
  );
}

function normalise(text: string | null | undefined): string {
  return (text ?? "").replace(/\s+/g, " ").trim();
}

/** The accessible name as a browser computes it for our controls: aria-label, else the text
 * that is not aria-hidden. */
export function nameOf(element: Element): string {
  const label = element.getAttribute("aria-label");
  if (label !== null) return normalise(label);
  const copy = element.cloneNode(true) as Element;
  for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
  return normalise(copy.textContent);
}

/** Pages that finished leaving stay in the DOM for a moment; only the current one counts. */
function currentPage(root: ParentNode): ParentNode {
  const items = [...root.querySelectorAll(".zaui-routes-item")].filter((item) => !/-exit/.test(item.className));
  return items[items.length - 1] ?? root;
}

export function getButton(root: ParentNode, name: string): HTMLButtonElement {
  const matches = [...currentPage(root).querySelectorAll("button")].filter((b) => nameOf(b) === name);
  if (matches.length !== 1) {
    const names = [...currentPage(root).querySelectorAll("button")].map(nameOf);
    throw new Error(`expected one button named "${name}", found ${matches.length} among ${JSON.stringify(names)}`);
  }
  return matches[0] as HTMLButtonElement;
}

export function queryButton(root: ParentNode, name: string): HTMLButtonElement | null {
  return ([...currentPage(root).querySelectorAll("button")].find((b) => nameOf(b) === name) as HTMLButtonElement) ?? null;
}

/** The checkbox or radio whose <label> reads `label`. */
export function getInput(root: ParentNode, label: string): HTMLInputElement {
  const found = [...currentPage(root).querySelectorAll("label")].find((l) => normalise(l.textContent) === label);
  const input = found?.querySelector("input");
  if (!input) throw new Error(`no input labelled "${label}"`);
  return input;
}

export function headings(root: ParentNode): string[] {
  return [...currentPage(root).querySelectorAll("h1, h2, h3")].map((h) => normalise(h.textContent));
}

export function textOf(root: ParentNode): string {
  return normalise((currentPage(root) as Element).textContent);
}

export async function click(element: HTMLElement): Promise<void> {
  await act(async () => {
    element.click();
  });
}

/** Retry an expectation while React and the fake network settle. */
export async function waitFor(check: () => void, timeoutMs = 2000): Promise<void> {
  const started = Date.now();
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() - started > timeoutMs) throw error;
    }
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
  }
}

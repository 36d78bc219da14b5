import { afterEach, describe, expect, it } from "vitest";
import type { Block } from "@hocso/shared/content";
import { cleanup, render } from "../test/render.tsx";
import { BlockView } from "./block-view.tsx";

afterEach(cleanup);

describe("BlockView", () => {
  it("shows styled runs as bold, italic and key text inside one paragraph", async () => {
    const blocks: Block[] = [
      {
        type: "p",
        runs: [{ text: "Bấm " }, { text: "Quét QR", strong: true }, { text: ", rồi " }, { text: "chờ", em: true }, { text: " mã " }, { text: "LD", code: true }],
      },
    ];
    const root = await render(<BlockView blocks={blocks} />);
    const paragraph = root.querySelector("p");
    expect(paragraph?.textContent).toBe("Bấm Quét QR, rồi chờ mã LD");
    expect(root.querySelector("strong")?.textContent).toBe("Quét QR");
    expect(root.querySelector("em")?.textContent).toBe("chờ");
    expect(root.querySelector("code")?.textContent).toBe("LD");
  });

  it("shows numbered and bulleted lists with one item per entry", async () => {
    const blocks: Block[] = [
      { type: "list", ordered: true, items: [[{ text: "Mở ứng dụng" }], [{ text: "Chọn " }, { text: "Quét QR", strong: true }]] },
      { type: "list", ordered: false, items: [[{ text: "Không đọc OTP" }]] },
    ];
    const root = await render(<BlockView blocks={blocks} />);
    expect([...root.querySelectorAll("ol > li")].map((li) => li.textContent)).toEqual(["Mở ứng dụng", "Chọn Quét QR"]);
    expect([...root.querySelectorAll("ul > li")].map((li) => li.textContent)).toEqual(["Không đọc OTP"]);
  });

  it("shows markup in lesson text as the letters it is, never as HTML", async () => {
    const blocks: Block[] = [{ type: "p", runs: [{ text: '<img src=x onerror="alert(1)"> <b>đậm</b>' }] }];
    const root = await render(<BlockView blocks={blocks} />);
    expect(root.querySelector("img")).toBeNull();
    expect(root.querySelector("b")).toBeNull();
    expect(root.querySelector("p")?.textContent).toBe('<img src=x onerror="alert(1)"> <b>đậm</b>');
  });
});

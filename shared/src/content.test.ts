import { describe, expect, it } from "vitest";
import { suggestStart } from "./content.ts";

describe("the placement suggestion", () => {
  it("starts at the first module whose question was missed", () => {
    const order = ["m1", "m2", "m3", "m4"] as const;
    expect(suggestStart(order, new Map([["m1", true], ["m2", false], ["m3", false]]))).toBe("m2");
    expect(suggestStart(order, new Map([["m1", true], ["m2", true], ["m3", true]]))).toBe("m4");
    expect(suggestStart(order, new Map(order.map((m) => [m, true])))).toBeUndefined();
  });
});

// Reading what a resident typed: accents, case, spacing and punctuation do not matter.
import { describe, expect, it } from "vitest";
import { isGroupScheduleCommand, parseCommand } from "./commands.ts";
import { normaliseCommand } from "./normalise.ts";

describe("normaliseCommand", () => {
  it("makes 'lịch học', 'lich hoc' and 'LỊCH HỌC' one text", () => {
    const typed = ["lịch học", "lich hoc", "LỊCH HỌC", "  Lịch   Học?! ", "lịch học".normalize("NFD")];
    expect(new Set(typed.map(normaliseCommand))).toEqual(new Set(["lich hoc"]));
  });

  it("turns đ and Đ into d, keeps '#' and '-' and drops the rest", () => {
    expect(normaliseCommand("ĐỔI TỔ")).toBe("doi to");
    expect(normaliseCommand("dừng.")).toBe("dung");
    expect(normaliseCommand("#Lịch")).toBe("#lich");
    expect(normaliseCommand("tdp giai-phong")).toBe("tdp giai-phong");
    expect(normaliseCommand("🙂")).toBe("");
  });
});

describe("parseCommand", () => {
  it.each([
    ["lịch học", "schedule"],
    ["LICH", "schedule"],
    ["Học", "quiz"],
    ["mở app", "open-app"],
    ["ứng dụng", "open-app"],
    ["Nhắc lịch", "remind"],
    ["đồng ý nhắc lịch", "confirm-reminders"],
    ["DONG Y NHAC LICH", "confirm-reminders"],
    ["Đồng ý nhận nhắc lịch", "confirm-reminders"],
    ["đồng ý", "other"],
    ["DỪNG", "stop"],
    ["stop", "stop"],
    ["giúp", "help"],
    ["Menu", "help"],
    ["help", "help"],
    ["xin chào", "other"],
    ["học lịch", "other"],
  ])("reads %j as %s", (text, kind) => {
    expect(parseCommand(text).kind).toBe(kind);
  });

  it("reads a button's answer with its question id, and a typed 1–3 or a–c as an answer to the waiting question", () => {
    expect(parseCommand("tl q3 2")).toEqual({ kind: "answer", questionId: "q3", choice: 2 });
    expect(parseCommand("TL Q3 2")).toEqual({ kind: "answer", questionId: "q3", choice: 2 });
    expect(parseCommand("2")).toEqual({ kind: "answer", questionId: null, choice: 2 });
    expect(parseCommand("b")).toEqual({ kind: "answer", questionId: null, choice: 2 });
    expect(parseCommand("tl q3")).toEqual({ kind: "other" });
  });

  it("reads a TDP choice by its id, and 'đổi tổ' as asking for the chooser", () => {
    expect(parseCommand("tdp mau-1")).toEqual({ kind: "choose-tdp", tdpId: "mau-1" });
    expect(parseCommand("Đổi tổ")).toEqual({ kind: "choose-tdp", tdpId: null });
  });
});

describe("isGroupScheduleCommand", () => {
  it("answers #lich however it is typed, and nothing else", () => {
    for (const text of ["#lich", "#lịch", "#LỊCH", "#lịch học"]) expect(isGroupScheduleCommand(text)).toBe(true);
    for (const text of ["lịch", "lịch học", "# lich", "#lich 2"]) expect(isGroupScheduleCommand(text)).toBe(false);
  });
});

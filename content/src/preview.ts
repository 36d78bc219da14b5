// A compiled lesson as plain text, screen by screen in the order the mini app shows it
// (the labels follow mini-app/src/app/strings.ts: "Bước 1/6", "Ghi nhớ", "Câu 1/5"), so
// a ward officer can read a lesson through in a terminal without starting the app.
// Bold and italic are dropped: only the words are shown.
import { runsToText, type Block, type Question } from "@hocso/shared/content";
import { basename } from "node:path";
import type { CompiledLesson } from "./compile-content.ts";
import { markerOf } from "./parse-quiz.ts";

/** A lesson id ("vneid-muc-2") or a path to its file ("content/lessons/m1/vneid-muc-2.md") → the id. */
export function lessonIdOf(idOrPath: string): string {
  return basename(idOrPath.trim()).replace(/\.md$/u, "");
}

export function renderPreview({ lesson, file }: CompiledLesson): string {
  const stepCount = lesson.steps.length;
  const screens: string[][] = [
    [lesson.title, `(${file} · học phần ${lesson.module} · bài ${lesson.order} · ${lesson.minutes} phút)`],
  ];
  lesson.steps.forEach((step, index) => {
    const goal = index === 0 ? [`Mục tiêu: ${lesson.goal}`, ""] : [];
    screens.push([rule(`Bước ${index + 1}/${stepCount}`), ...goal, step.title, "", ...renderBlocks(step.body)]);
  });
  screens.push([rule("Ghi nhớ"), ...renderBlocks(lesson.remember)]);
  lesson.quiz.forEach((question, index) => {
    screens.push([rule(`Câu ${index + 1}/${lesson.quiz.length}`), ...renderQuestion(question)]);
  });
  return `${screens.map((screen) => screen.join("\n")).join("\n\n")}\n`;
}

function rule(label: string): string {
  return `── ${label} ──`;
}

/** Paragraphs separated by a blank line; list items one per line. */
function renderBlocks(blocks: Block[]): string[] {
  return blocks
    .map((block) => {
      if (block.type === "p") return runsToText(block.runs);
      return block.items.map((runs, i) => `${block.ordered ? `${i + 1}.` : "•"} ${runsToText(runs)}`).join("\n");
    })
    .join("\n\n")
    .split("\n");
}

function renderQuestion(question: Question): string[] {
  const options = question.options.map((option, i) =>
    i === question.answer ? `  [x] ${option}   ← đáp án đúng` : `  [ ] ${option}`,
  );
  return [`[${markerOf(question.type)}] ${question.prompt}`, "", ...options, "", `Giải thích: ${question.explanation}`];
}

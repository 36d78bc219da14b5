// A small course for component tests, in the shape content/ compiles to.
import type { Lesson } from "@hocso/shared/content";
import type { Course } from "../app/course.tsx";

export const lesson: Lesson = {
  id: "cuoc-goi-la",
  module: "m4",
  order: 1,
  title: "Nhận ra cuộc gọi lạ",
  minutes: 3,
  digcomp: ["4.2"],
  sources: [{ key: "S41", publisher: "Bộ Công an", title: "Cảnh báo lừa đảo", date: "2025-01-01" }],
  goal: "Bác nhận ra cuộc gọi giả.",
  steps: [
    { title: "Dấu hiệu", body: [{ type: "p", runs: [{ text: "Số lạ " }, { text: "tự xưng cán bộ", strong: true }, { text: "." }] }] },
    {
      title: "Cúp máy",
      body: [{ type: "list", ordered: false, items: [[{ text: "Không cãi." }], [{ text: "Không làm theo." }]] }],
    },
    { title: "Báo 156", body: [{ type: "p", runs: [{ text: "Nhắn " }, { text: "LD số nội dung", code: true }, { text: " gửi 156." }] }] },
  ],
  remember: [{ type: "p", runs: [{ text: "Cơ quan nhà nước không làm việc qua điện thoại." }] }],
  quiz: [
    {
      id: "q1",
      type: "truefalse",
      prompt: "Cán bộ thuế có thể xin mã OTP của bác.",
      options: ["Đúng", "Sai"],
      answer: 1,
      explanation: "Cơ quan thuế không bao giờ xin OTP.",
    },
    {
      id: "q2",
      type: "single",
      prompt: "Nghi ngờ lừa đảo, bác làm gì trước?",
      options: ["Làm theo cho nhanh", "Cúp máy, gọi lại số chính thức", "Gọi lại số vừa gọi"],
      answer: 1,
      explanation: "Gọi lại số lạ vẫn là nói chuyện với kẻ gian.",
    },
  ],
};

export const course: Course = {
  catalog: {
    version: "test",
    modules: [
      {
        id: "m4",
        title: "An toàn trên mạng",
        lessons: [
          {
            id: lesson.id,
            module: "m4",
            order: 1,
            title: lesson.title,
            minutes: 3,
            stepCount: lesson.steps.length,
            questionCount: lesson.quiz.length,
          },
        ],
      },
    ],
  },
  ward: {
    name: "Phường Ba Ngòi",
    controller: "UBND phường Ba Ngòi",
    residentialGroups: [
      { id: "to-1", name: "Tổ dân phố 1", adultPopulation: 100, channel: "sandbox" },
      { id: "to-2", name: "Tổ dân phố 2", adultPopulation: 100, channel: "sandbox" },
    ],
  },
  loadLesson: (id) => Promise.resolve(id === lesson.id ? lesson : undefined),
};

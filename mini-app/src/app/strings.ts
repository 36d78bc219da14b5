// Every visible text of the mini app, Vietnamese first (STYLE.md §9). Components read from
// here and never write text inline, so wording is reviewed in one place. Some labels are
// matched verbatim by the end-to-end test: change them only together with tests/.
import type { AgeBand, Audience } from "@hocso/shared/learner";

export const strings = {
  appName: "Học Số",
  back: "Trở về trang trước",
  sandboxBadge: "Sandbox",
  loading: "Đang tải…",

  welcome: {
    heading: "Chào bác đến với Học Số",
    intro: "Những bài học ngắn, 3–5 phút, giúp bác dùng điện thoại an toàn và làm việc với cơ quan nhà nước trên mạng.",
    consentProgress: "Tôi đồng ý cho lưu tiến độ học",
    consentReminders: "Tôi muốn nhận nhắc lịch lớp học qua Zalo (không bắt buộc)",
    remindersNeedAccount:
      "Để gửi nhắc lịch qua Zalo, Học Số cần lưu tài khoản của bác, nên cần thêm ô đồng ý lưu tiến độ ở trên. Nếu không, lựa chọn này chỉ được ghi trên điện thoại.",
    continue: "Tiếp tục",
    later: "Để sau — vẫn học được",
    savedOnDeviceOnly: "Chưa gửi được lên máy chủ. Lựa chọn của bác đã được ghi trên điện thoại, lần sau Học Số sẽ gửi lại.",
  },

  notice: {
    heading: "Trước khi bắt đầu",
    controller: (controller: string) => `Học Số do ${controller} quản lý.`,
    stored:
      "Nếu bác đồng ý lưu tiến độ, chúng tôi lưu: mã tài khoản Zalo của bác, tổ dân phố, nhóm đối tượng, nhóm tuổi và kết quả bài học.",
    neverAsked: "Chúng tôi không bao giờ hỏi số căn cước, ảnh giấy tờ hay tài khoản ngân hàng.",
    purposesIntro: "Dữ liệu chỉ dùng để:",
    purposes: [
      "lưu những bài bác đã học, để học tiếp trên máy khác;",
      "báo cáo tổng số người học của từng tổ dân phố mỗi quý, không ghi tên;",
      "nhắc lịch lớp học qua Zalo, chỉ khi bác muốn.",
    ],
    rights:
      "Bác có quyền xem, sửa, xóa dữ liệu và rút lại đồng ý bất cứ lúc nào trong mục \u201cDữ liệu của tôi\u201d.",
    withoutConsent: "Không đồng ý thì bác vẫn học được; tiến độ chỉ lưu trên điện thoại này.",
  },

  profile: {
    title: "Thông tin của bác",
    tdpHeading: "Bác ở tổ dân phố nào?",
    audienceHeading: "Bác thuộc nhóm nào?",
    ageHeading: "Bác bao nhiêu tuổi?",
    save: "Lưu và bắt đầu học",
    missingTdp: "Bác chọn tổ dân phố giúp nhé.",
    missingAudience: "Bác chọn nhóm giúp nhé.",
    missingAge: "Bác chọn độ tuổi giúp nhé.",
    underSixteenNote:
      "Người học dưới 16 tuổi: tiến độ chỉ lưu trên điện thoại này, cho đến khi cha mẹ hoặc người giám hộ xác nhận.",
    onDeviceOnly: "Thông tin này chỉ lưu trên điện thoại, vì bác chưa đồng ý lưu tiến độ.",
    notSent: "Chưa gửi được lên máy chủ. Thông tin đã lưu trên điện thoại, lần sau Học Số sẽ gửi lại.",
  },

  audiences: {
    "nguoi-dan": "Người dân",
    cbccvc: "Cán bộ, công chức, viên chức",
    "hoc-sinh": "Học sinh, sinh viên",
    "nld-doanh-nghiep": "Người lao động doanh nghiệp",
  } satisfies Record<Audience, string>,

  ageBands: {
    "duoi-16": "Dưới 16 tuổi",
    "16-59": "Từ 16 đến 59 tuổi",
    "60-tro-len": "Từ 60 tuổi trở lên",
  } satisfies Record<AgeBand, string>,

  home: {
    heading: "Bài học",
    intro: "Chọn một bài để bắt đầu. Học xong mỗi bài có vài câu hỏi để bác tự kiểm tra.",
    comingSoon: "Bài học của phần này đang được soạn.",
    continueLabel: "Học tiếp",
    atStep: (step: number, total: number) => `Đang học đến bước ${step} trong ${total} bước`,
    atRemember: "Còn phần câu hỏi",
    minutes: (n: number) => `${n} phút`,
    done: "Đã học",
    inProgress: "Đang học",
    score: (correct: number, total: number) => `đúng ${correct}/${total} câu`,
    myInfo: "Thông tin của bác",
    myData: "Dữ liệu của tôi",
  },

  lesson: {
    goal: "Mục tiêu",
    stepCounter: (step: number, total: number) => `Bước ${step}/${total}`,
    back: "Quay lại",
    next: "Tiếp",
    remember: "Ghi nhớ",
    startQuiz: "Làm câu hỏi",
    notFound: "Không tìm thấy bài học này.",
    loadFailed: "Không mở được bài học. Bác kiểm tra mạng rồi thử lại.",
    retry: "Thử lại",
    toHome: "Về trang chủ",
  },

  quiz: {
    title: "Câu hỏi",
    counter: (n: number, total: number) => `Câu ${n}/${total}`,
    optionsLabel: "Các câu trả lời",
    correct: "Đúng rồi!",
    wrong: "Chưa đúng.",
    rightAnswer: (option: string) => `Đáp án đúng: ${option}`,
    next: "Câu tiếp theo",
    seeResult: "Xem kết quả",
  },

  result: {
    title: "Kết quả",
    score: (correct: number, total: number) => `Bác trả lời đúng ${correct}/${total} câu`,
    passed: "Giỏi lắm! Bác đã nắm được bài này.",
    notYet: "Bác đã cố gắng rồi. Xem lại bài một lần nữa rồi làm lại nhé, làm bao nhiêu lần cũng được.",
    saving: "Đang lưu kết quả…",
    saved: "Đã lưu kết quả",
    onDevice: "Kết quả được lưu trên điện thoại này",
    notSent: (reason: string) =>
      `${reason} Kết quả vẫn được lưu trên điện thoại này, lần sau Học Số sẽ gửi lại.`,
    practiceNote:
      "Đây là bài luyện tập. Bài kiểm tra chính thức của phong trào \u201cBình dân học vụ số\u201d ở trang binhdanhocvuso.gov.vn, đăng nhập bằng VNeID.",
    again: "Học lại",
    home: "Về trang chủ",
  },

  privacy: {
    title: "Dữ liệu của tôi",
    onDeviceHeading: "Trên điện thoại này",
    tdp: "Tổ dân phố",
    audience: "Nhóm",
    ageBand: "Độ tuổi",
    lessonsDone: "Bài đã học",
    notGiven: "Chưa chọn",
    consentHeading: "Sự đồng ý của bác",
    consentVersion: (version: string, date: string) => `Bản thông báo ${version}, ghi nhận ngày ${date}.`,
    noDecision: "Bác chưa chọn. Tiến độ chỉ lưu trên điện thoại này.",
    saveConsents: "Lưu lựa chọn",
    consentsSaved: "Đã lưu lựa chọn của bác.",
    editInfo: "Sửa thông tin của bác",
    deleteHeading: "Xóa dữ liệu",
    deleteDevice: "Xóa dữ liệu trên điện thoại này",
    deleteConfirm: "Bác chắc chắn muốn xóa? Tiến độ học trên điện thoại này sẽ mất.",
    deleteYes: "Xóa",
    deleteNo: "Không xóa",
    deleteServer: (controller: string) =>
      `Muốn xóa hẳn dữ liệu đã lưu trên máy chủ, bác báo với ${controller} hoặc tổ trưởng tổ dân phố.`,
  },

  notFound: {
    heading: "Không tìm thấy trang này",
    home: "Về trang chủ",
  },

  errors: {
    network: "Không kết nối được. Bác kiểm tra Wi-Fi hoặc 4G rồi thử lại.",
    unauthorized: "Phiên đăng nhập đã hết hạn. Bác thử lại nhé.",
    forbidden: "Bác chưa được phép làm việc này.",
    notFound: "Không tìm thấy thông tin cần dùng.",
    badRequest: "Thông tin gửi đi chưa đúng.",
    badFields: (fields: string) => `Thông tin chưa đúng ở: ${fields}.`,
    conflict: "Thông tin này vừa được thay đổi ở nơi khác. Bác thử lại nhé.",
    tooLarge: "Dữ liệu gửi đi quá lớn.",
    rateLimited: "Hệ thống đang bận. Bác đợi một lát rồi thử lại.",
    upstream: "Zalo đang không trả lời. Bác thử lại sau ít phút.",
    internal: "Máy chủ đang gặp lỗi. Bác thử lại sau ít phút.",
    unavailable: "Máy chủ đang bận hoặc đang cập nhật. Bác thử lại sau ít phút.",
    unexpected: "Có lỗi không mong muốn. Bác thử lại sau ít phút.",
    noSignIn: "Không đăng nhập được. Bác mở Học Số từ trong ứng dụng Zalo nhé.",
    zaloSignIn: "Zalo chưa cho đăng nhập. Bác thử lại sau ít phút.",
  },

  /** Names of request fields in error messages (error.fields[].path). */
  fieldNames: {
    tdpId: "tổ dân phố",
    audience: "nhóm đối tượng",
    ageBand: "độ tuổi",
    consents: "sự đồng ý",
    consentVersion: "bản thông báo",
    stepIndex: "bước học",
    quiz: "kết quả câu hỏi",
    accessToken: "đăng nhập Zalo",
  } as Record<string, string>,
} as const;

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
      "Nếu bác đồng ý lưu tiến độ, chúng tôi lưu: mã tài khoản Zalo của bác, tổ dân phố, nhóm đối tượng, nhóm tuổi, kết quả bài học, buổi học bác báo sẽ đến và ngày bác tự ghi là đã được xác nhận.",
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
    editInfo: "Sửa thông tin của bác",
    deleteHeading: "Xóa dữ liệu",
  },

  // ---- Offline sync, resume, spaced review, TDP classes, Dữ liệu của tôi ----
  // (app/sync.ts, features/review, features/classes, features/privacy). Texts the end-to-end
  // test reads: learning.waitingForNetwork, myData.deleteButton, myData.deleteYes.

  learning: {
    /** a lesson whose best quiz attempt reached 80% (shared/src/review.ts) */
    mastered: "Đã thuộc bài",
    /** the result screen while the finished quiz waits for the network */
    waitingForNetwork: "Đang chờ mạng để lưu lên máy chủ",
  },

  review: {
    title: "Ôn lại",
    homeCard: (n: number) => `Ôn lại (${n} câu)`,
    homeCardHint: "Những câu bác trả lời chưa đúng, hỏi lại để bác nhớ lâu.",
    fromLesson: (title: string) => `Từ bài: ${title}`,
    next: "Câu tiếp theo",
    finish: "Xong",
    doneHeading: (n: number) => `Bác đã ôn xong ${n} câu`,
    doneScore: (correct: number, total: number) => `Lần này bác trả lời đúng ${correct}/${total} câu.`,
    doneNext: "Câu đúng sẽ được hỏi lại sau lâu hơn để bác nhớ chắc. Câu chưa đúng sẽ được hỏi lại vào ngày mai.",
    nothingDue: "Chưa có câu nào cần ôn lại. Bác quay lại sau nhé.",
    loadFailed: "Không mở được câu hỏi ôn lại. Bác kiểm tra mạng rồi thử lại.",
    retry: "Thử lại",
    home: "Về trang chủ",
  },

  classes: {
    title: "Lớp học của tổ",
    intro: (tdp: string) => `Các buổi học sắp tới của ${tdp}.`,
    noTdp: "Bác chưa chọn tổ dân phố, nên Học Số chưa biết lớp học nào là của bác.",
    chooseTdp: "Chọn tổ dân phố",
    none: "Tổ của bác chưa có buổi học nào trong 4 tuần tới. Bác hỏi tổ trưởng nhé.",
    time: (start: string, end: string) => `${start}–${end}`,
    place: "Địa điểm",
    topic: "Chủ đề",
    bring: (what: string) => `Mang theo: ${what}`,
    openLesson: (title: string) => `Bài học: ${title}`,
    going: "Tôi sẽ tham gia",
    saidGoing: "Bác đã báo sẽ tham gia",
    notGoing: "Không đi được nữa",
    offlineNote: (when: string) => `Bác đang không có mạng. Đây là lịch đã tải lúc ${when}, có thể đã thay đổi.`,
    cachedAt: (when: string) => `Đây là lịch đã tải lúc ${when}.`,
    loadFailed: "Không tải được lịch học. Bác kiểm tra Wi-Fi hoặc 4G rồi thử lại.",
    retry: "Thử lại",
    needConsent:
      "Để báo tham gia, Học Số cần lưu mã tài khoản Zalo và tổ dân phố của bác, tức là bác cần đồng ý lưu tiến độ học. Bác rút lại được bất cứ lúc nào trong mục \u201cDữ liệu của tôi\u201d.",
    giveConsent: "Đồng ý và báo tham gia",
    readNotice: "Đọc thông báo về dữ liệu",
    underSixteen: "Người học dưới 16 tuổi chưa báo tham gia qua Học Số được. Bác báo trực tiếp với tổ trưởng nhé.",
    remindersHeading: "Nhận nhắc lịch qua Zalo",
    remindersIntro: "Học Số có thể nhắc bác trước mỗi buổi học của tổ, ngay trong Zalo.",
    remindersOpen: "Xem cách nhận nhắc lịch",
  },

  reminders: {
    title: "Nhận nhắc lịch qua Zalo",
    whatHeading: "Bác sẽ nhận tin gì?",
    what: "Tin nhắc buổi học của tổ: ngày, giờ, địa điểm, chủ đề, những gì cần mang theo và đường dẫn tới bài học. Không có quảng cáo.",
    howOftenHeading: "Bao lâu một lần?",
    howOften: "Mỗi buổi học nhiều nhất hai tin: tối hôm trước và sáng hôm học. Không nhắn vào ban đêm.",
    stopHeading: "Muốn dừng thì làm sao?",
    stop:
      "Bác nhắn DỪNG cho Zalo OA của phường, hoặc bỏ quan tâm OA trong Zalo. Bác cũng rút lại được đồng ý nhận nhắc lịch trong mục \u201cDữ liệu của tôi\u201d.",
    actionsHeading: "Bác muốn nhận nhắc lịch?",
    followOA: "Quan tâm Zalo OA của phường",
    allowNotifications: "Cho phép nhận thông báo",
    followed: "Bác đã quan tâm Zalo OA của phường.",
    allowed: "Bác đã cho phép Học Số gửi thông báo.",
    declined: "Bác chưa đồng ý trong Zalo. Khi nào cần, bác bấm lại nút này.",
    outsideZalo: "Chỉ dùng được trong ứng dụng Zalo",
    failed: "Zalo chưa làm được việc này. Bác thử lại sau ít phút.",
  },

  myData: {
    outboxWaiting: "Kết quả chờ gửi lên máy chủ",
    lessonsMastered: "Bài đã thuộc",
    reviewWaiting: "Câu chờ ôn lại",

    onServerHeading: "Trên máy chủ",
    nothingOnServer: "Học Số không lưu gì về bác trên máy chủ.",
    underSixteenDevice: "Người học dưới 16 tuổi: mọi thứ chỉ lưu trên điện thoại này, cho đến khi cha mẹ hoặc người giám hộ xác nhận.",
    loadingServer: "Đang tải dữ liệu trên máy chủ…",
    serverFailed: (reason: string) => `Chưa xem được dữ liệu trên máy chủ. ${reason}`,
    retry: "Thử lại",
    guardian: "Cha mẹ hoặc người giám hộ đã xác nhận",
    yes: "Có",
    no: "Chưa",
    progressConsent: "Lưu tiến độ học",
    remindersConsent: "Nhắc lịch lớp học qua Zalo",
    consentGiven: (date: string) => `đã đồng ý ngày ${date}`,
    consentRefused: (date: string) => `không đồng ý, ghi nhận ngày ${date}`,
    consentNone: "chưa chọn",
    certified: "Tự báo đã được xác nhận",
    accountSince: "Tài khoản tạo ngày",
    serverLessons: "Tiến độ học trên máy chủ",
    noServerLessons: "Chưa có bài nào.",
    lessonDone: (title: string, correct: number, total: number) => `${title}: đã học xong, đúng ${correct}/${total} câu`,
    lessonAt: (title: string, step: number) => `${title}: đang ở bước ${step}`,

    exportHeading: "Tải dữ liệu về",
    exportIntro: "Một tệp chứa mọi thứ Học Số lưu về bác, trên điện thoại này và trên máy chủ.",
    exportButton: "Tải dữ liệu về",
    exportPreparing: "Đang chuẩn bị tệp…",
    exportReady: "Tệp đã sẵn sàng. Bác bấm vào dòng dưới đây để lưu về máy.",
    exportLink: (name: string) => `Lưu tệp ${name}`,
    exportDeviceOnly: (reason: string) => `${reason} Tệp này chỉ có dữ liệu trên điện thoại.`,

    progressGiven: "Bác đã đồng ý lưu tiến độ học.",
    progressNot: "Bác chưa đồng ý. Tiến độ chỉ lưu trên điện thoại này.",
    remindersGiven: "Bác đã đồng ý nhận nhắc lịch lớp học qua Zalo.",
    remindersNot: "Bác chưa đồng ý nhận nhắc lịch qua Zalo.",
    giveProgress: "Đồng ý lưu tiến độ học",
    giveReminders: "Đồng ý nhận nhắc lịch",
    withdrawProgress: "Rút lại đồng ý lưu tiến độ",
    withdrawReminders: "Rút lại đồng ý nhắc lịch",
    withdrawProgressConfirm:
      "Nếu rút lại, Học Số sẽ xóa tiến độ học của bác trên máy chủ. Trên điện thoại này bài đã học vẫn còn, bác vẫn học tiếp được.",
    withdrawRemindersConfirm:
      "Nếu rút lại, Học Số sẽ không gửi nhắc lịch lớp học riêng cho bác nữa. Nếu đã quan tâm Zalo OA của phường, bác bỏ quan tâm được trong Zalo.",
    withdrawYes: "Rút lại",
    withdrawNo: "Không rút",
    withdrawnProgress: "Đã rút lại. Tiến độ học của bác trên máy chủ đã được xóa.",
    withdrawn: "Đã rút lại.",
    given: "Đã ghi nhận sự đồng ý của bác.",

    deleteIntro: "Xóa tài khoản của bác trên máy chủ cùng mọi dữ liệu, và xóa mọi thứ Học Số lưu trên điện thoại này.",
    deleteButton: "Xóa tài khoản và dữ liệu",
    deleteConfirm:
      "Bác chắc chắn muốn xóa? Tài khoản, tiến độ học và các lựa chọn của bác sẽ mất hẳn, không lấy lại được.",
    deleteYes: "Xóa hết",
    deleteNo: "Không xóa",
    deleteNeedsNetwork: "Cần có mạng để xóa dữ liệu trên máy chủ. Bác kết nối Wi-Fi hoặc 4G rồi thử lại. Chưa có gì bị xóa.",
    deleteFailed: (reason: string) => `${reason} Chưa có gì bị xóa.`,
  },
  // ---- end of sync, review, classes, Dữ liệu của tôi ----

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

  // ---- Learning aids: Kiểm tra nhanh, cỡ chữ và màu, đọc to, thi chứng nhận, chia sẻ ----
  // (features/placement, settings, read-aloud, certification, share)

  placement: {
    title: "Kiểm tra nhanh",
    offerHeading: "Bác nên học từ đâu?",
    offerText: "Kiểm tra nhanh: mỗi phần một câu hỏi, không tính điểm. Xong, Học Số gợi ý phần bác nên học trước.",
    start: "Làm kiểm tra nhanh",
    later: "Để sau",
    intro: "Mỗi phần một câu hỏi, không tính điểm.",
    counter: (n: number, total: number) => `Câu ${n}/${total}`,
    next: "Câu tiếp theo",
    seeResult: "Xem gợi ý",
    score: (correct: number, total: number) => `Bác trả lời đúng ${correct}/${total} câu.`,
    suggestion: (module: string) => `Bác nên bắt đầu từ: ${module}`,
    suggestionWhy: "Đây là phần đầu tiên có câu bác chưa trả lời đúng. Các phần khác bác học sau cũng được.",
    startLearning: "Bắt đầu học",
    allRight: "Bác trả lời đúng cả, giỏi lắm!",
    allRightText:
      "Bác đã nắm được những điều cơ bản. Bác có thể xem cách thi chứng nhận chính thức, hoặc chọn bài nào bác thích để ôn lại.",
    toCertification: "Xem cách thi chứng nhận",
    home: "Về trang chủ",
    suggestedBadge: "Bác nên bắt đầu từ phần này",
    notReady: "Bài kiểm tra nhanh đang được soạn. Bác quay lại sau nhé.",
  },

  display: {
    title: "Cỡ chữ và màu",
    /** the header's "Aa" button: what it reads to a screen reader */
    openLabel: "Đổi cỡ chữ và màu",
    openShort: "Aa",
    sizeHeading: "Cỡ chữ",
    sizes: { normal: "Chữ thường", large: "Chữ lớn", xlarge: "Chữ rất lớn" },
    contrastHeading: "Màu",
    highContrast: "Tương phản cao",
    highContrastHint: "Nền trắng, chữ đen, nút xanh đậm: dễ đọc hơn ngoài trời nắng hoặc khi mắt kém.",
    rateHeading: "Tốc độ đọc khi bấm Nghe",
    rates: { slow: "Đọc chậm", normal: "Bình thường" },
    sample: "Chữ mẫu: bác đọc dòng này có rõ không?",
    savedNote: "Lựa chọn được lưu ngay trên điện thoại này.",
    done: "Xong",
  },

  readAloud: {
    listen: "Nghe",
    reading: "Đang đọc. Bấm Nghe lần nữa để dừng.",
    option: (n: number, text: string) => `Lựa chọn ${n}: ${text}`,
    noVoice: "Điện thoại của bác chưa có giọng đọc tiếng Việt, nên Học Số chưa đọc thành tiếng được.",
    noVoiceHelp:
      "Bác nhờ con cháu hoặc Tổ công nghệ số cộng đồng cài giọng đọc tiếng Việt trong Cài đặt của điện thoại (mục Hỗ trợ tiếp cận, trên iPhone là Trợ năng), rồi bấm Nghe lại.",
    noSpeech: "Điện thoại của bác chưa có giọng đọc tiếng Việt dùng được trong Zalo, nên Học Số chưa đọc thành tiếng được.",
    noSpeechHelp: "Bác bấm nút Aa ở trên cùng để chữ to hơn, hoặc nhờ người thân đọc cùng.",
    failed: "Chưa đọc được. Bác bấm Nghe để thử lại.",
  },

  certification: {
    title: "Thi chứng nhận",
    heading: "Thi chứng nhận kỹ năng số",
    official:
      "Bài đánh giá chính thức của phong trào \u201cBình dân học vụ số\u201d ở trang binhdanhocvuso.gov.vn. Bác đăng nhập trang đó bằng tài khoản VNeID.",
    practice: "Câu hỏi trong Học Số chỉ để luyện tập. Làm đúng hết cũng không phải là chứng nhận.",
    onlyPlatform: "Chỉ nền tảng quốc gia binhdanhocvuso.gov.vn mới xác nhận chính thức, qua tài khoản VNeID của bác.",
    lessonHeading: "Chuẩn bị trước khi thi",
    lessonText: "Bài học này chỉ cách chuẩn bị tài khoản VNeID, vào đúng trang và học lần lượt từng bài.",
    openLesson: (title: string) => `Xem bài: ${title}`,
    formHeading: "Bác đã được xác nhận chưa?",
    formIntro:
      "Khi đã được xác nhận trên binhdanhocvuso.gov.vn, bác ghi lại ngày đó ở đây. Phường dùng để đếm số người đã đạt; báo cáo không ghi tên.",
    dateLabel: "Ngày được xác nhận",
    dateHint: "Bấm vào ô dưới đây để chọn ngày trên lịch.",
    confirm: "Tôi đã được xác nhận",
    missingDate: "Bác chọn ngày được xác nhận giúp nhé.",
    tooEarly: "Ngày này trước khi nền tảng mở (26/03/2025). Bác xem lại giúp nhé.",
    inFuture: "Ngày này chưa đến. Bác chọn ngày hôm nay hoặc trước đó nhé.",
    savedHeading: "Ngày bác đã ghi",
    savedOn: (date: string) => `Bác được xác nhận ngày ${date}.`,
    remove: "Xóa ngày đã ghi",
    removed: "Đã xóa ngày đã ghi.",
    saving: "Đang gửi…",
    sent: "Đã lưu và gửi lên máy chủ.",
    onDevice: "Ngày này chỉ lưu trên điện thoại này, vì bác chưa đồng ý lưu tiến độ.",
    underSixteen: "Người học dưới 16 tuổi: ngày này chỉ lưu trên điện thoại này.",
    notSent: (reason: string) => `${reason} Ngày đã lưu trên điện thoại này, lần sau Học Số sẽ gửi lại.`,
  },

  share: {
    button: "Chia sẻ bài học",
    copied: "Đã chép đường dẫn bài học",
    copiedHelp: "Bác dán vào tin nhắn Zalo để gửi cho người thân.",
    manual: (url: string) => `Chưa chép được. Đường dẫn bài học: ${url}`,
    text: (title: string) => `Bài học \u201c${title}\u201d trên Học Số`,
  },

  /** home entries to the learning aids */
  aids: {
    placement: "Kiểm tra nhanh",
    certification: "Thi chứng nhận",
    display: "Cỡ chữ và màu",
  },
  // ---- end of learning aids ----

  // ---- Người hướng dẫn: thông báo tới nhóm Zalo của tổ (features/facilitator) ----
  // Facilitators are addressed as "bạn". Texts the end-to-end tests read: facilitator.entry,
  // composer.toPreview, composer.toGroups, composer.next, composer.send, report.status.*,
  // classReminders.entry, .heading, .byHand, .share, .shared, .sentAt.

  facilitator: {
    entry: "Dành cho người hướng dẫn",
    areaTitle: "Người hướng dẫn",
    listHeading: "Gửi thông báo",
    scopeWard: "Bạn phụ trách cả phường.",
    scopeOne: (name: string) => `Bạn phụ trách ${name}.`,
    scopeMany: (n: number) => `Bạn phụ trách ${n} tổ dân phố.`,
    newAnnouncement: "Viết thông báo mới",
    pastHeading: "Thông báo đã gửi",
    none: "Bạn chưa gửi thông báo nào.",
    urgentTag: "Khẩn",
    cancelledTag: "Đã hủy",
    sentOn: (when: string) => `Gửi lúc ${when}`,
    scheduledFor: (when: string) => `Hẹn gửi lúc ${when}`,
    summary: {
      sent: (n: number, total: number) => `Đã gửi ${n}/${total} nhóm`,
      waiting: (n: number) => `Đang chờ ${n}`,
      failed: (n: number) => `Không gửi được ${n}`,
      expired: (n: number) => `Hết hạn ${n}`,
      cancelled: (n: number) => `Đã hủy ${n}`,
      byHand: (n: number) => `Cần chia sẻ thủ công ${n}`,
    },
    needConsent:
      "Chức năng người hướng dẫn cần tài khoản trên máy chủ Học Số, tức là cần đồng ý lưu tiến độ học. Bạn bật trong mục \u201cDữ liệu của tôi\u201d.",
    openMyData: "Mở Dữ liệu của tôi",
    notStaff: "Tài khoản Zalo này chưa được phân quyền người hướng dẫn. Bạn liên hệ cán bộ phường để được cấp quyền.",
    loadFailed: (reason: string) => `Không tải được. ${reason}`,
    retry: "Thử lại",
    home: "Về trang chủ",
  },

  staffHome: {
    heading: "Việc của người hướng dẫn",
    tiles: {
      classes: "Lớp học của tổ",
      classroom: "Chế độ lớp học (trình chiếu)",
      announcements: "Gửi thông báo",
      classReminders: "Tin nhắc lịch học",
      needsHelp: "Người cần hỗ trợ",
      dashboard: "Số liệu và báo cáo quý",
      staffAdmin: "Phân quyền người hướng dẫn",
      audit: "Nhật ký thao tác",
    },
  },

  composer: {
    title: "Viết thông báo",
    step: (n: number, total: number) => `Bước ${n}/${total}`,
    back: "Trở lại",
    next: "Tiếp tục",
    writeHeading: "Viết nội dung thông báo",
    textLabel: "Nội dung thông báo",
    textHint: "Viết ngắn, rõ: việc gì, khi nào, ở đâu, cần mang gì.",
    left: (n: string) => `Còn ${n} ký tự`,
    over: (n: string) => `Dài quá ${n} ký tự`,
    urgent: "Khẩn: gửi cả trong giờ yên lặng",
    urgentHint: "Chỉ dùng khi thật cần, ví dụ bão, hủy buổi học.",
    blank: "Bạn chưa viết nội dung thông báo.",
    tooLong: (n: string) => `Thông báo dài quá ${n} ký tự. Bạn rút gọn giúp nhé.`,
    toPreview: "Xem trước",
    previewHeading: "Xem trước",
    previewIntro: "Người dân trong nhóm Zalo sẽ thấy đúng tin này:",
    previewEachGroup: "Mỗi nhóm thấy tên tổ của mình ở dòng đầu.",
    bubbleLabel: "Tin nhắn trong nhóm Zalo",
    bubbleSender: (ward: string) => `Zalo OA ${ward}`,
    edit: "Sửa nội dung",
    toGroups: "Chọn nhóm nhận",
    groupsHeading: "Gửi đến nhóm nào?",
    shareGroup: "Nhóm thường — bạn sẽ tự chia sẻ",
    oaGroup: "Học Số tự gửi vào nhóm",
    selectAll: "Chọn tất cả các nhóm",
    noGroup: "Bạn chọn ít nhất một nhóm.",
    noTdps: "Bạn chưa được giao tổ dân phố nào. Bạn liên hệ cán bộ phường.",
    whenHeading: "Khi nào gửi?",
    now: "Gửi ngay",
    later: "Hẹn giờ",
    dateLabel: "Ngày gửi",
    timeLabel: "Giờ gửi (giờ Việt Nam)",
    missingTime: "Bạn chọn ngày và giờ gửi.",
    pastTime: "Giờ này đã qua. Bạn chọn một giờ sắp tới.",
    tooFar: "Chỉ hẹn giờ được trong vòng 60 ngày tới.",
    quietHeld: (start: string, end: string, when: string) =>
      `Lúc đó là giờ yên lặng (${start}–${end}), để người cao tuổi nghỉ ngơi. Tin sẽ được gửi lúc ${when}.`,
    quietHint: "Nếu thật sự khẩn, bạn quay lại bước 1 để đánh dấu Khẩn.",
    quietUrgent: (start: string, end: string) => `Tin khẩn được gửi ngay cả trong giờ yên lặng (${start}–${end}).`,
    confirmHeading: "Kiểm tra lại rồi gửi",
    contentLabel: "Nội dung",
    toLabel: "Gửi đến",
    byHandMark: "(bạn tự chia sẻ)",
    whenLabel: "Thời gian",
    sendNow: "Gửi ngay",
    sendAt: (when: string) => `Lúc ${when}`,
    send: "Gửi thông báo",
    maybeSent:
      "Mất kết nối khi đang gửi. Thông báo có thể đã được gửi: bạn xem danh sách thông báo trước khi gửi lại.",
    openList: "Xem danh sách thông báo",
    fieldProblems: {
      text: "nội dung",
      tdpIds: "nhóm nhận",
      sendAt: "thời gian gửi",
    } as Record<string, string>,
    badFields: (fields: string) => `Máy chủ chưa nhận: ${fields} chưa đúng. Bạn xem lại giúp nhé.`,
  },

  report: {
    title: "Báo cáo gửi",
    heading: "Kết quả gửi thông báo",
    status: {
      sent: "Đã gửi",
      waiting: "Đang chờ gửi",
      failed: "Không gửi được",
      expired: "Hết hạn, không gửi",
      cancelled: "Đã hủy",
      "share-by-hand": "Cần chia sẻ thủ công",
    },
    sentAt: (when: string) => `Lúc ${when}`,
    reason: (reason: string) => `Lý do: ${reason}`,
    heldUntil: (when: string) => `Đang là giờ yên lặng: tin sẽ được gửi lúc ${when}.`,
    scheduled: (when: string) => `Hẹn gửi lúc ${when}.`,
    byHandHelp:
      "Đây là nhóm thường, Học Số không tự gửi vào được. Bạn bấm \u201cChia sẻ vào nhóm\u201d, chọn nhóm Zalo của tổ rồi gửi. Gửi xong, bấm \u201cTôi đã chia sẻ\u201d.",
    share: "Chia sẻ vào nhóm",
    shared: "Tôi đã chia sẻ",
    copied: "Đã chép nội dung thông báo. Bạn mở nhóm Zalo của tổ, dán vào ô tin nhắn rồi gửi.",
    manual: "Chưa chép được. Bạn chép nội dung dưới đây rồi dán vào nhóm Zalo của tổ.",
    autoRefresh: "Trang này tự cập nhật vài giây một lần khi còn nhóm đang chờ.",
    cancel: "Hủy thông báo",
    cancelConfirm:
      "Hủy thông báo này? Những nhóm chưa nhận sẽ không nhận nữa. Nhóm đã nhận thì tin vẫn còn trong nhóm.",
    cancelYes: "Hủy thông báo này",
    cancelNo: "Không hủy",
    cancelledOn: (when: string) => `Thông báo đã được hủy lúc ${when}.`,
    toList: "Về danh sách thông báo",
  },

  /** Tin nhắc lịch học: the TDPs' class reminders and notices to their groups */
  classReminders: {
    entry: "Tin nhắc lịch học",
    title: "Tin nhắc lịch học",
    heading: "Tin nhắc lịch học",
    intro: (days: number) =>
      `Các buổi học trong ${days} ngày tới của tổ bạn phụ trách, buổi xa nhất ở trên, cùng tin nhắc gửi vào nhóm Zalo của tổ.`,
    none: (days: number) => `Không có buổi học nào trong ${days} ngày tới.`,
    toShare: (n: number) => `Có ${n} tin cần bạn chia sẻ thủ công vào nhóm Zalo của tổ (ở dưới).`,
    meeting: (date: string, start: string, end: string) => `${date}, ${start}–${end}`,
    cancelledMeeting: "Buổi học này được nghỉ.",
    movedMeeting: "Lịch học đã đổi: lớp không còn học vào ngày này.",
    firstAt: (when: string) => `Chưa tới giờ nhắc. Tin nhắc vào nhóm sẽ được gửi lúc ${when}.`,
    noneYet: "Chưa có tin nhắc nào vào nhóm cho buổi này.",
    kind: {
      "day-before": "Tin nhắc tối hôm trước",
      "same-day": "Tin nhắc trong ngày",
      reminder: "Tin nhắc lịch học",
      cancellation: "Thông báo nghỉ học",
      change: "Thông báo đổi lịch học",
    },
    sentAt: (when: string) => `Đã gửi lúc ${when}`,
    waiting: (when: string) => `Đang chờ gửi (dự kiến ${when})`,
    failed: "Không gửi được",
    expired: "Đã hết hạn",
    cancelled: "Đã hủy",
    reason: (status: string, reason: string) => `${status} — Lý do: ${reason}`,
    expiredBecause: (reason: string) => `Đã hết hạn — ${reason}`,
    byHand: "Cần chia sẻ thủ công",
    byHandHelp:
      "Nhóm Zalo của tổ là nhóm thường, Học Số không tự gửi vào được. Bạn bấm \u201cChia sẻ vào nhóm\u201d, chọn nhóm Zalo của tổ rồi gửi. Gửi xong, bấm \u201cTôi đã chia sẻ\u201d.",
    share: "Chia sẻ vào nhóm",
    shared: "Tôi đã chia sẻ",
    copied: "Đã chép nội dung tin. Bạn mở nhóm Zalo của tổ, dán vào ô tin nhắn rồi gửi.",
    manual: "Chưa chép được. Bạn chép nội dung dưới đây rồi dán vào nhóm Zalo của tổ.",
    personal: (parts: string) => `Tin nhắc riêng tới người dân đã đăng ký: ${parts}.`,
    personalParts: {
      sent: (n: number) => `đã gửi ${n}`,
      waiting: (n: number) => `đang chờ ${n}`,
      failed: (n: number) => `không gửi được ${n}`,
      expired: (n: number) => `hết hạn ${n}`,
      cancelled: (n: number) => `đã hủy ${n}`,
      "share-by-hand": (n: number) => `chờ chia sẻ ${n}`,
    },
    autoRefresh: "Trang này tự cập nhật vài giây một lần khi còn tin đang chờ gửi.",
    toAnnouncements: "Về Gửi thông báo",
  },
  // ---- end of người hướng dẫn ----

  // ---- issue 7 — features/staff-admin: roles, invitations, audit log ----
  staffAdmin: {},
  // ---- end of staffAdmin ----

  // ---- issue 7 — features/class-management and classes/check-in-page: classes, meetings, attendance, check-in ----
  classManagement: {},
  // ---- end of classManagement ----

  // ---- issue 7 — features/needs-help and the share-progress consent ----
  needsHelp: {},
  // ---- end of needsHelp ----

  // ---- issue 7 — features/classroom: chế độ lớp học ----
  classroom: {},
  // ---- end of classroom ----

  // ---- issue 7 — features/ward-report: dashboard and quarterly report ----
  wardReport: {},
  // ---- end of wardReport ----
} as const;

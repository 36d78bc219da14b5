// The staff screens (người hướng dẫn, cán bộ phường), under /huong-dan. Each feature owns its
// screens; their paths live here so the hub and the app's router agree on them.
/** Trang người hướng dẫn: the hub listing what this person may do */
export const STAFF_HOME_PATH = "/huong-dan";
export const ANNOUNCEMENTS_PATH = "/huong-dan/thong-bao";
export const COMPOSER_PATH = "/huong-dan/thong-bao/moi";
/** Tin nhắc lịch học: the TDPs' class reminders and notices */
export const CLASS_REMINDERS_PATH = "/huong-dan/nhac-lich";
/** Lớp học của tổ: the weekly classes of the TDPs in scope (features/class-management) */
export const MANAGED_CLASSES_PATH = "/huong-dan/lop-hoc";
export const NEW_CLASS_PATH = "/huong-dan/lop-hoc/moi";
/** Cần hỗ trợ: learners who may need a hand (features/needs-help) */
export const NEEDS_HELP_PATH = "/huong-dan/can-ho-tro";
/** Chế độ lớp học: a lesson on the projector (features/classroom) */
export const CLASSROOM_PATH = "/huong-dan/che-do-lop-hoc";
/** Số liệu và báo cáo quý (features/ward-report) */
export const DASHBOARD_PATH = "/huong-dan/so-lieu";
/** Phân quyền: staff and invitations (features/staff-admin) */
export const STAFF_ADMIN_PATH = "/huong-dan/phan-quyen";
/** Nhật ký thao tác: the audit log (features/staff-admin) */
export const AUDIT_PATH = "/huong-dan/nhat-ky";
/** where an invitation link opens: /nhan-vai-tro?ma=<code> (features/staff-admin) */
export const ACCEPT_INVITATION_PATH = "/nhan-vai-tro";
/** a resident's check-in at a class: scan the QR or type its code (features/classes) */
export const CHECK_IN_PATH = "/diem-danh";

export function reportPath(id: number): string {
  return `${ANNOUNCEMENTS_PATH}/${id}`;
}
export function managedClassPath(classId: string): string {
  return `${MANAGED_CLASSES_PATH}/${encodeURIComponent(classId)}`;
}
export function editClassPath(classId: string): string {
  return `${managedClassPath(classId)}/sua`;
}
/** one meeting of a class: attendance, cancel or restore the date */
export function meetingPath(classId: string, date: string): string {
  return `${managedClassPath(classId)}/buoi/${date}`;
}
export function classroomLessonPath(lessonId: string): string {
  return `${CLASSROOM_PATH}/${encodeURIComponent(lessonId)}`;
}

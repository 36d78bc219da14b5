// An audit log entry as one plain Vietnamese sentence: "Thứ Tư, 25/11/2026 15:03 — Nguyễn Văn A
// (người hướng dẫn) tạo lớp học giai-phong-thu-tu-1830 của Tổ dân phố Giải Phóng". The entry holds
// ids and counts only (docs/API.md "Staff, invitations and the audit log"); TDP names come from
// the admin's staff profile, people without a display name are "Tài khoản số N".
import { formatWardDate, wardClock, wardDate } from "@hocso/shared/dates";
import type { AuditEntry } from "@hocso/shared/staff-admin";
import { strings } from "../../app/strings.ts";
import type { TdpNames } from "./role-text.ts";

type Details = AuditEntry["details"];

function text(details: Details, key: string): string | null {
  const value = details[key];
  return typeof value === "string" ? value : null;
}

function roleWord(details: Details): string {
  const t = strings.staffAdmin;
  return text(details, "role") === "admin" ? t.roleLower.admin : t.roleLower.facilitator;
}

function account(subject: string | null): string {
  return strings.staffAdmin.account(Number(subject));
}

function dateOf(details: Details): string {
  const date = text(details, "date");
  return date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? formatWardDate(date) : "";
}

/** A meeting's subject, "<classId>:<YYYY-MM-DD>": the class and the date in words ("" if none). */
function meetingOf(subject: string): { classId: string; date: string } {
  const match = /^(.*):(\d{4}-\d{2}-\d{2})$/.exec(subject);
  return match ? { classId: match[1]!, date: formatWardDate(match[2]!) } : { classId: subject, date: "" };
}

/**
 * What was done, after the actor's name, with `where` (" của Tổ dân phố …", or "") at its end or,
 * for a class, after the class: "cho lớp học X của Tổ dân phố Y nghỉ buổi Thứ Bảy, 28/11/2026".
 */
export function whatWasDone(entry: AuditEntry, where: string): string {
  const a = strings.staffAdmin.actions;
  const { subject, details } = entry;
  const thing = subject ?? "";
  switch (entry.action) {
    case "class.create":
      return a.classCreate(thing, where);
    case "class.update":
      return a.classUpdate(thing, where);
    case "class.cancel-date":
      return a.classCancelDate(thing, where, dateOf(details));
    case "class.restore-date":
      return a.classRestoreDate(thing, where, dateOf(details));
    case "attendance.open":
    case "attendance.record":
    case "attendance.remove":
    case "attendance.guests": {
      const meeting = meetingOf(thing);
      return a.attendance[entry.action](meeting.classId, where, meeting.date);
    }
    default:
      return `${otherAction(entry)}${where}`;
  }
}

function otherAction(entry: AuditEntry): string {
  const a = strings.staffAdmin.actions;
  const { subject, details } = entry;
  const thing = subject ?? "";
  switch (entry.action) {
    case "role.grant":
      return a.roleGrant(roleWord(details), account(subject));
    case "role.revoke":
      return a.roleRevoke(account(subject));
    case "invitation.create":
      return a.invitationCreate(thing, roleWord(details));
    case "invitation.revoke":
      return a.invitationRevoke(thing);
    case "invitation.accept":
      return a.invitationAccept(thing, roleWord(details));
    case "announcement.send": {
      const tdps = details.tdpIds;
      return a.announcementSend(thing, Array.isArray(tdps) ? tdps.length : 1);
    }
    case "announcement.cancel":
      return a.announcementCancel(thing);
    case "announcement.shared-by-hand":
      return a.announcementShared(thing);
    case "reminder.shared-by-hand":
      return a.reminderShared(thing);
    case "ward-settings.update":
      return a.wardSettings;
    case "classroom.record":
      return a.classroomRecord(thing);
    case "needs-help.view":
      return a.needsHelpView;
    case "report.export":
      return a.reportExport(thing);
    default:
      return a.other(entry.action);
  }
}

/** "Nguyễn Văn A (người hướng dẫn)", "Tài khoản số 7 (cán bộ phường)", "Người quản trị máy chủ" */
export function actorOf(entry: AuditEntry): string {
  const t = strings.staffAdmin;
  if (entry.actorRole === "operator") return t.operator;
  const name = entry.actorName ?? (entry.actorId === null ? t.deletedAccount : t.account(entry.actorId));
  return t.actor(name, t.roleLower[entry.actorRole]);
}

/** "Thứ Tư, 25/11/2026 15:03" in ward time */
export function whenOf(at: string): string {
  const instant = new Date(at);
  return `${formatWardDate(wardDate(instant))} ${wardClock(instant)}`;
}

export function auditSentence(entry: AuditEntry, names: TdpNames): string {
  const t = strings.staffAdmin;
  const where = entry.tdpId === null ? "" : t.ofTdp(names.get(entry.tdpId) ?? entry.tdpId);
  return t.sentence(whenOf(entry.at), actorOf(entry), whatWasDone(entry, where));
}

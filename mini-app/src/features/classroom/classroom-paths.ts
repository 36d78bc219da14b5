// Where classroom mode keeps its choices: the lesson in the path, the TDP (tổ dân phố) and the
// weekly class in the query, so a reload of the projector's browser opens the same lesson:
// /huong-dan/che-do-lop-hoc/<lessonId>?to=<tdpId>&lop=<classId>.
import { CLASSROOM_PATH, classroomLessonPath } from "../facilitator/paths.ts";

export interface ClassroomChoice {
  /** the TDP whose class this is */
  tdpId: string | null;
  /** the weekly class the facilitator came from (?lop=), optional */
  classId: string | null;
}

export function choiceFromSearch(search: string): ClassroomChoice {
  const params = new URLSearchParams(search);
  return { tdpId: params.get("to") || null, classId: params.get("lop") || null };
}

function query(choice: ClassroomChoice): string {
  const params = new URLSearchParams();
  if (choice.tdpId) params.set("to", choice.tdpId);
  if (choice.classId) params.set("lop", choice.classId);
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** The lesson on the big screen for this TDP (and class). */
export function presentationPath(lessonId: string, choice: ClassroomChoice): string {
  return `${classroomLessonPath(lessonId)}${query(choice)}`;
}

/** The start screen, keeping the TDP and the class already chosen. */
export function startPath(choice: ClassroomChoice): string {
  return `${CLASSROOM_PATH}${query(choice)}`;
}

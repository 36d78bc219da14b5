// GET /api/v1/staff/needs-help: the learners of the caller's TDPs who may need a hand and agreed
// to share their progress, and how many others meet the rule without sharing (a count).
import { NeedsHelpListSchema, type NeedsHelpList } from "@hocso/shared/needs-help";
import { apiRequest } from "../../../app/api-client.ts";

export function getNeedsHelp(token: string): Promise<NeedsHelpList> {
  return apiRequest({ method: "GET", path: "/staff/needs-help", token, schema: NeedsHelpListSchema });
}

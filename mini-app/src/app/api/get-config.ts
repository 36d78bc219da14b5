// GET /api/v1/config: the public settings, including the Zalo sandbox's URL when the server
// talks to the sandbox instead of Zalo.
import { PublicConfigSchema, type PublicConfig } from "@hocso/shared/api";
import { apiRequest } from "../api-client.ts";

export function getConfig(): Promise<PublicConfig> {
  return apiRequest({ method: "GET", path: "/config", schema: PublicConfigSchema });
}

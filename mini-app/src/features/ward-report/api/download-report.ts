// GET /api/v1/reports/quarterly.csv|xlsx?quarter=: the quarterly report as a file (admins). Not
// JSON, so not through apiRequest: the body is kept as a Blob and the file name is read from
// Content-Disposition (the server exposes that header to our origin). Failures become the same
// ApiError, in the same words, as every other request's.
import { ErrorBodySchema } from "@hocso/shared/api";
import { ApiError, apiUrl, friendlyMessage } from "../../../app/api-client.ts";
import { strings } from "../../../app/strings.ts";

export type ReportFormat = "csv" | "xlsx";

export interface ReportFile {
  blob: Blob;
  filename: string;
}

export async function downloadReport(token: string, quarter: string, format: ReportFormat): Promise<ReportFile> {
  let response: Response;
  try {
    response = await fetch(apiUrl(`/reports/quarterly.${format}?quarter=${encodeURIComponent(quarter)}`), {
      headers: { Authorization: `Bearer ${token}` },
    });
  } catch {
    throw new ApiError(strings.errors.network, "network", 0);
  }
  if (!response.ok) {
    const body = ErrorBodySchema.safeParse(await response.json().catch(() => undefined));
    const code = body.success ? body.data.error.code : response.status === 401 ? "unauthorized" : "internal";
    throw new ApiError(friendlyMessage(code, body.success ? body.data.error.fields : []), code, response.status);
  }
  const named = /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") ?? "");
  return { blob: await response.blob(), filename: named?.[1] ?? `bao-cao-quy-${quarter}.${format}` };
}

/**
 * Hands the file to the browser's downloads through a link with `download`. Inside Zalo's
 * webview this may do nothing on some phones (the screen says so; zmp-sdk's downloadFile
 * would need the API permission and a wrapper in app/zalo.ts).
 */
export function saveFile(file: ReportFile): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = file.filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // the download has its own copy once it starts; a minute is ample on a slow phone
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

// Why a message did not go, in words a facilitator reads (Vietnamese), and which failures are
// worth another try. One table from Zalo's codes (ZALO.md §1.7); a code not in it is a
// refusal we do not understand, so it is not retried blindly either.
import { OaConsentRequiredError, STALE_TOKEN_CODES } from "../../platform/oa-token-manager.ts";
import { ZaloError, ZaloHttpError } from "../../platform/zalo-error.ts";
import { ZaloUnreachableError } from "../../platform/zalo-http.ts";
import { OA_ACCESS_TOKEN_PATH } from "../../platform/zalo-oauth.ts";
import { MAX_ATTEMPTS } from "./backoff.ts";

/** Zalo's "rate limit exceeded": every call waits this long, not only the refused one. */
export const RATE_LIMITED_CODE = -32;
export const RATE_LIMIT_PAUSE_MS = 60_000;

/** Permanent refusals, by Zalo error code. */
export const ZALO_REFUSALS: ReadonlyMap<number, string> = new Map([
  [-403, "Tài khoản OA của phường không có trong nhóm này (Zalo -403)."],
  [-237, "Nhóm đã bị tắt vì gói GMF hết hạn (Zalo -237)."],
  [-230, "Người này chưa nhắn cho OA trong 7 ngày qua nên Zalo không cho gửi (Zalo -230)."],
  [-232, "Đã hết thời gian được nhắn lại cho người này (Zalo -232)."],
  [-201, "Zalo báo tin nhắn hoặc người nhận không hợp lệ (Zalo -201)."],
  [-213, "Người này chưa quan tâm OA của phường (Zalo -213)."],
  [-227, "Tài khoản Zalo của người này đã không hoạt động hơn 45 ngày (Zalo -227)."],
  [-244, "Người này đã chặn loại tin nhắn này từ OA (Zalo -244)."],
  [-234, "Zalo không cho gửi loại tin này vào ban đêm (Zalo -234)."],
  [-211, "OA của phường đã hết hạn mức gửi tin (Zalo -211)."],
  [-209, "Ứng dụng Zalo của phường chưa được kích hoạt (Zalo -209)."],
  [-212, "Ứng dụng Zalo của phường chưa đăng ký API gửi tin này (Zalo -212)."],
  [-221, "OA của phường chưa được xác thực (Zalo -221)."],
  [-223, "OA của phường chưa cho ứng dụng dùng API này (Zalo -223)."],
  [-224, "Gói dịch vụ của OA không có tính năng này (Zalo -224)."],
  [-240, "Zalo đã ngừng loại API tin nhắn này (Zalo -240)."],
  [-100, "Tệp đính kèm đã hết hạn trên Zalo (Zalo -100)."],
]);

export const FAILURE_TEXT = {
  /** a reminder (or cancellation notice) whose class has begun */
  classStarted: "Đã quá giờ học: tin nhắc không còn kịp gửi.",
  /** any other message past its deadline */
  deadlinePassed: "Đã quá hạn: tin không còn kịp gửi.",
  gaveUp: `Zalo không nhận tin sau ${MAX_ATTEMPTS} lần thử.`,
  miniAppNotConfigured: "Chưa cấu hình thông báo Mini App.",
  miniAppKeyRefused: (code: number) => `Zalo không nhận khóa API thông báo Mini App (Zalo ${code}).`,
  noRecipient: "Tin nhắn chưa có người nhận.",
  overLimits: "Tin nhắn vượt giới hạn của Zalo (tối đa 2.000 ký tự, 5 nút; tin vào nhóm không có nút).",
} as const;

export function zaloRefusal(code: number): string {
  return ZALO_REFUSALS.get(code) ?? `Zalo từ chối (mã ${code}).`;
}

/** Our own refusal before any call to Zalo (a channel not configured, no recipient): permanent. */
export class DeliveryRefusal extends Error {
  constructor(readonly failure: string) {
    super(failure);
    this.name = "DeliveryRefusal";
  }
}

export type SendFailure =
  | {
      kind: "transient";
      /** a code and endpoint, never message text */
      lastError: string;
      /** the call may have reached Zalo: look in the group before sending again */
      inDoubt: boolean;
      /** Zalo asked us to slow down: hold every call this long */
      pauseAppMs?: number;
    }
  | { kind: "permanent"; failure: string; lastError: string | null };

/**
 * A refresh fails before the message's call, or after Zalo refused that call for its token:
 * either way the message itself did not go.
 */
function isTokenRefresh(err: ZaloHttpError): boolean {
  return err.endpoint === `POST ${OA_ACCESS_TOKEN_PATH}`;
}

/** What a failed send means: retry (and whether it may have arrived) or give up with a reason. */
export function classifySendError(err: unknown): SendFailure {
  if (err instanceof DeliveryRefusal) return { kind: "permanent", failure: err.failure, lastError: null };
  if (err instanceof OaConsentRequiredError) {
    // Every OA message waits for an admin to consent again; failing them all at once would
    // lose a week of reminders over one expired token.
    return { kind: "transient", lastError: `OAuth ${err.errorCode}: OA consent needed`, inDoubt: false };
  }
  if (err instanceof ZaloError) {
    const lastError = `Zalo ${err.errorCode} from ${err.endpoint}`;
    if (err.errorCode === RATE_LIMITED_CODE) {
      return { kind: "transient", lastError, inDoubt: false, pauseAppMs: RATE_LIMIT_PAUSE_MS };
    }
    // Still refused after the token manager's one refresh and retry.
    if (STALE_TOKEN_CODES.has(err.errorCode)) return { kind: "transient", lastError, inDoubt: false };
    return { kind: "permanent", failure: zaloRefusal(err.errorCode), lastError };
  }
  if (err instanceof ZaloUnreachableError) {
    const inDoubt = err.mayHaveArrived && !isTokenRefresh(err);
    return { kind: "transient", lastError: `${err.networkCode} from ${err.endpoint}`, inDoubt };
  }
  if (err instanceof ZaloHttpError) {
    const lastError = `HTTP ${err.status ?? "?"} from ${err.endpoint}`;
    // A 5xx may have been processed before failing; so may a 2xx we could not read. A 4xx was
    // turned away at the door: nothing arrived.
    const inDoubt = (err.status === undefined || err.status >= 500 || err.status < 300) && !isTokenRefresh(err);
    return { kind: "transient", lastError, inDoubt };
  }
  if (err instanceof RangeError) return { kind: "permanent", failure: FAILURE_TEXT.overLimits, lastError: null };
  // Our own bug, wherever it struck: maybe after the call, so look before sending again.
  return { kind: "transient", lastError: `internal ${(err as Error)?.name ?? "error"}`, inDoubt: true };
}

// What each failure means for a message: a reason a facilitator reads and no retry, or a
// retry (and whether the message may already be in the group).
import { describe, expect, it } from "vitest";
import { OaConsentRequiredError } from "../../platform/oa-token-manager.ts";
import { ZaloError, ZaloHttpError } from "../../platform/zalo-error.ts";
import { ZaloUnreachableError } from "../../platform/zalo-http.ts";
import { classifySendError, DeliveryRefusal, FAILURE_TEXT, RATE_LIMIT_PAUSE_MS } from "./failure-reasons.ts";

const GMF = "POST /v3.0/oa/group/message";
const zalo = (code: number) => new ZaloError(code, "refused", GMF);

describe("Zalo's refusals", () => {
  it.each([
    [-403, "Tài khoản OA của phường không có trong nhóm này (Zalo -403)."],
    [-237, "Nhóm đã bị tắt vì gói GMF hết hạn (Zalo -237)."],
    [-230, "Người này chưa nhắn cho OA trong 7 ngày qua nên Zalo không cho gửi (Zalo -230)."],
    [-201, "Zalo báo tin nhắn hoặc người nhận không hợp lệ (Zalo -201)."],
    [-213, "Người này chưa quan tâm OA của phường (Zalo -213)."],
    [-227, "Tài khoản Zalo của người này đã không hoạt động hơn 45 ngày (Zalo -227)."],
    [-244, "Người này đã chặn loại tin nhắn này từ OA (Zalo -244)."],
  ])("%i fails for good with a reason in Vietnamese", (code, reason) => {
    expect(classifySendError(zalo(code))).toEqual({ kind: "permanent", failure: reason, lastError: `Zalo ${code} from ${GMF}` });
  });

  it("names the code of a refusal it has no words for, and does not retry it", () => {
    expect(classifySendError(zalo(-999))).toMatchObject({ kind: "permanent", failure: "Zalo từ chối (mã -999)." });
  });

  it("retries -32 after pausing every call for a minute, with nothing in doubt", () => {
    expect(classifySendError(zalo(-32))).toEqual({
      kind: "transient",
      lastError: `Zalo -32 from ${GMF}`,
      inDoubt: false,
      pauseAppMs: RATE_LIMIT_PAUSE_MS,
    });
  });

  it.each([-216, -220])("retries %i that outlived the token manager's refresh", (code) => {
    expect(classifySendError(zalo(code))).toEqual({ kind: "transient", lastError: `Zalo ${code} from ${GMF}`, inDoubt: false });
  });

  it("keeps retrying while an OA admin has to consent again, instead of failing every reminder", () => {
    expect(classifySendError(new OaConsentRequiredError(-14014, "POST /v4/oa/access_token"))).toEqual({
      kind: "transient",
      lastError: "OAuth -14014: OA consent needed",
      inDoubt: false,
    });
  });
});

describe("the network", () => {
  it.each(["ECONNABORTED", "ETIMEDOUT", "ECONNRESET", "EPIPE"])("%s may have reached Zalo: retry in doubt", (code) => {
    expect(classifySendError(new ZaloUnreachableError(GMF, code))).toEqual({
      kind: "transient",
      lastError: `${code} from ${GMF}`,
      inDoubt: true,
    });
  });

  it.each(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN"])("%s never reached Zalo: a plain retry", (code) => {
    expect(classifySendError(new ZaloUnreachableError(GMF, code))).toMatchObject({ kind: "transient", inDoubt: false });
  });

  it("retries without doubt when the token refresh failed: the message's own call never went", () => {
    expect(classifySendError(new ZaloUnreachableError("POST /v4/oa/access_token", "ECONNABORTED"))).toMatchObject({
      kind: "transient",
      inDoubt: false,
    });
    expect(classifySendError(new ZaloHttpError("HTTP 502", "POST /v4/oa/access_token", 502))).toMatchObject({ inDoubt: false });
  });

  it("retries a 5xx in doubt: Zalo may have taken the message before failing", () => {
    expect(classifySendError(new ZaloHttpError("Zalo answered HTTP 503", GMF, 503))).toEqual({
      kind: "transient",
      lastError: `HTTP 503 from ${GMF}`,
      inDoubt: true,
    });
  });

  it("retries a 4xx without doubt: it was turned away before anything happened", () => {
    expect(classifySendError(new ZaloHttpError("Zalo answered HTTP 404", GMF, 404))).toMatchObject({
      kind: "transient",
      inDoubt: false,
    });
  });

  it("keeps an unreadable 200 in doubt: Zalo may have accepted it", () => {
    expect(classifySendError(new ZaloHttpError("no message_id", GMF, 200))).toMatchObject({ kind: "transient", inDoubt: true });
  });
});

describe("our own refusals", () => {
  it("fails a channel that is not configured with the reason given", () => {
    expect(classifySendError(new DeliveryRefusal(FAILURE_TEXT.miniAppNotConfigured))).toEqual({
      kind: "permanent",
      failure: "Chưa cấu hình thông báo Mini App.",
      lastError: null,
    });
  });

  it("fails a message over Zalo's limits rather than sending it twelve times", () => {
    expect(classifySendError(new RangeError("message text over 2000 characters"))).toMatchObject({
      kind: "permanent",
      failure: FAILURE_TEXT.overLimits,
    });
  });

  it("retries an unexpected error in doubt, since it may have struck after the call", () => {
    expect(classifySendError(new TypeError("x is undefined"))).toEqual({
      kind: "transient",
      lastError: "internal TypeError",
      inDoubt: true,
    });
  });
});

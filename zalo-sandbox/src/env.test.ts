// The sandbox's env module: documented defaults, and every problem listed at once.
import { describe, expect, it } from "vitest";
import { loadSandboxEnv } from "./env.ts";

describe("loadSandboxEnv", () => {
  it("defaults to 127.0.0.1:3900, the shared sandbox app, OA and Mini App credentials, memory-only state, no webhook and the real clock", () => {
    expect(loadSandboxEnv({})).toEqual({
      port: 3900,
      host: "127.0.0.1",
      appId: "hocso-sandbox-app",
      appSecret: "hocso-sandbox-secret",
      statePath: undefined,
      oaId: "2000000000000000001",
      oaSecretKey: "hocso-sandbox-oa-secret",
      oaAccessToken: "hocso-sandbox-oa-token",
      oaRefreshToken: "hocso-sandbox-oa-refresh",
      miniAppApiKey: "hocso-sandbox-miniapp-key",
      webhookUrl: undefined,
      clockStart: undefined,
    });
  });

  it("reads the seed refresh token, the Mini App key and CLOCK_START, an instant with its offset", () => {
    expect(
      loadSandboxEnv({
        ZALO_SANDBOX_OA_REFRESH_TOKEN: "rt",
        ZALO_SANDBOX_MINIAPP_API_KEY: "key",
        CLOCK_START: "2026-11-27T18:59:30+07:00",
      }),
    ).toMatchObject({ oaRefreshToken: "rt", miniAppApiKey: "key", clockStart: Date.parse("2026-11-27T11:59:30Z") });
  });

  it("rejects a CLOCK_START without an offset or that is not a time, saying what it wants", () => {
    for (const value of ["2026-11-27T18:59:30", "tomorrow evening"]) {
      expect(() => loadSandboxEnv({ CLOCK_START: value })).toThrow(
        /CLOCK_START: must be an ISO instant with an offset, e\.g\. 2026-11-27T18:59:30\+07:00/,
      );
    }
  });

  it("reads the OA settings and the webhook URL", () => {
    expect(
      loadSandboxEnv({
        ZALO_SANDBOX_OA_ID: "579745863508352884",
        ZALO_SANDBOX_OA_SECRET_KEY: "k",
        ZALO_SANDBOX_OA_ACCESS_TOKEN: "t",
        ZALO_SANDBOX_WEBHOOK_URL: "http://127.0.0.1:3000/webhooks/zalo-oa",
      }),
    ).toMatchObject({
      oaId: "579745863508352884",
      oaSecretKey: "k",
      oaAccessToken: "t",
      webhookUrl: "http://127.0.0.1:3000/webhooks/zalo-oa",
    });
  });

  it("rejects a non-numeric OA id and a webhook URL that is not http(s)", () => {
    const attempt = () =>
      loadSandboxEnv({
        ZALO_SANDBOX_OA_ID: "oa-1",
        ZALO_SANDBOX_WEBHOOK_URL: "ftp://example.com/hook",
        ZALO_SANDBOX_OA_ACCESS_TOKEN: "",
      });
    expect(attempt).toThrow(/ZALO_SANDBOX_OA_ID: must be a numeric string \(got "oa-1"\)/);
    expect(attempt).toThrow(/ZALO_SANDBOX_WEBHOOK_URL: must be an http\(s\) URL/);
  });

  it("lists every bad variable in one error", () => {
    expect(() => loadSandboxEnv({ ZALO_SANDBOX_PORT: "port", ZALO_SANDBOX_HOST: 5 as unknown as string })).toThrow(
      /ZALO_SANDBOX_PORT: must be a port number from 0 to 65535 \(got "port"\)\n {2}- ZALO_SANDBOX_HOST/,
    );
  });
});

// The env module: defaults, sandbox vs live mode, and a failure that lists every problem.
import { describe, expect, it } from "vitest";
import { EnvError, loadEnv } from "./env.ts";

function problemsOf(source: Record<string, string>): string[] {
  try {
    loadEnv(source);
  } catch (err) {
    if (err instanceof EnvError) return err.problems;
    throw err;
  }
  throw new Error("loadEnv accepted the environment");
}

const LIVE = {
  ZALO_APP_ID: "1234",
  ZALO_APP_SECRET: "s3cret",
  ZALO_OA_ID: "579745863508352884",
  ZALO_OA_SECRET_KEY: "oa-key",
  ZALO_OA_ACCESS_TOKEN: "oa-token",
};

describe("loadEnv", () => {
  it("runs in sandbox mode with documented defaults when nothing is set", () => {
    const config = loadEnv({});
    expect(config).toMatchObject({
      port: 3000,
      host: "127.0.0.1",
      miniAppId: "hocso-local",
      sessionTtlDays: 90,
      logLevel: "info",
      trustProxy: false,
      zalo: {
        mode: "sandbox",
        graphUrl: "http://127.0.0.1:3900",
        appId: "hocso-sandbox-app",
        appSecret: "hocso-sandbox-secret",
        sandboxUrl: "http://127.0.0.1:3900",
        oa: {
          id: "2000000000000000001",
          secretKey: "hocso-sandbox-oa-secret",
          accessToken: "hocso-sandbox-oa-token",
          openApiUrl: "http://127.0.0.1:3900",
        },
      },
      webhook: { signatureKey: "either", signaturePrefix: "either", maxAgeSeconds: 600 },
    });
    expect(config.databasePath).toMatch(/[/\\]data[/\\]hocso\.sqlite$/);
    expect(config.miniAppDir).toMatch(/[/\\]mini-app[/\\]www$/);
  });

  it("talks to graph.zalo.me and openapi.zalo.me with the app's and the OA's own credentials when set", () => {
    const config = loadEnv(LIVE);
    expect(config.zalo).toEqual({
      mode: "live",
      graphUrl: "https://graph.zalo.me",
      appId: "1234",
      appSecret: "s3cret",
      sandboxUrl: null,
      oa: {
        id: "579745863508352884",
        secretKey: "oa-key",
        accessToken: "oa-token",
        refreshToken: null,
        oauthUrl: "https://oauth.zaloapp.com",
        openApiUrl: "https://openapi.zalo.me",
      },
      miniApp: { apiUrl: "https://openapi.mini.zalo.me", apiKey: null },
      httpTimeoutMs: 10_000,
    });
  });

  it("refreshes the OA token from ZALO_OA_REFRESH_TOKEN and sends Mini App notifications with its key in live mode", () => {
    const config = loadEnv({ ...LIVE, ZALO_OA_REFRESH_TOKEN: "rt-1", ZALO_MINIAPP_API_KEY: "mk-1" });
    expect(config.zalo.oa.refreshToken).toBe("rt-1");
    expect(config.zalo.miniApp.apiKey).toBe("mk-1");
    expect(config.delivery).toEqual({ appCallsPerMinute: 3600, groupMessagesPerMinute: 20, concurrency: 4 });
  });

  it("moves the clock with CLOCK_START only in sandbox mode, and names a malformed one", () => {
    expect(loadEnv({ CLOCK_START: "2026-12-04T18:59:00+07:00" }).clockStart?.toISOString()).toBe(
      "2026-12-04T11:59:00.000Z",
    );
    expect(loadEnv({}).clockStart).toBeNull();
    expect(problemsOf({ ...LIVE, CLOCK_START: "2026-12-04T18:59:00+07:00" })).toEqual([
      "CLOCK_START: only for the Zalo sandbox; unset it in live mode",
    ]);
    expect(problemsOf({ CLOCK_START: "tomorrow" })[0]).toMatch(/^CLOCK_START: must be an ISO instant/);
    expect(problemsOf({ ZALO_OA_REFRESH_TOKEN: "rt" })[0]).toMatch(/^ZALO_OA_REFRESH_TOKEN: only used in live mode/);
  });

  it("asks for every OA setting live mode needs, naming each and echoing no secret or token", () => {
    const problems = problemsOf({ ZALO_APP_ID: "1234", ZALO_APP_SECRET: "s3cret" });
    expect(problems.map((p) => p.split(":")[0])).toEqual(["ZALO_OA_ID", "ZALO_OA_SECRET_KEY", "ZALO_OA_ACCESS_TOKEN"]);
    expect(problems[1]).toContain("WEBHOOK_SIGNATURE_KEY=app-secret");
    const bad = problemsOf({ ...LIVE, ZALO_OA_ID: "not-a-number", ZALO_OA_ACCESS_TOKEN: "" });
    expect(bad.map((p) => p.split(":")[0]).sort()).toEqual(["ZALO_OA_ACCESS_TOKEN", "ZALO_OA_ID"]);
    expect(bad.join("\n")).toContain('"not-a-number"');
  });

  it("does without the OA secret key when only the app secret may sign webhooks", () => {
    const { ZALO_OA_SECRET_KEY: _key, ...withoutKey } = LIVE;
    const config = loadEnv({ ...withoutKey, WEBHOOK_SIGNATURE_KEY: "app-secret" });
    expect(config.zalo.oa.secretKey).toBeNull();
    expect(config.webhook.signatureKey).toBe("app-secret");
  });

  it("refuses live OA settings in sandbox mode, where the sandbox's OA would silently be used", () => {
    const problems = problemsOf({ ZALO_OA_ID: "579745863508352884", ZALO_OA_ACCESS_TOKEN: "oa-token" });
    expect(problems.map((p) => p.split(":")[0])).toEqual(["ZALO_OA_ID", "ZALO_OA_ACCESS_TOKEN"]);
    expect(problems.join("\n")).not.toContain("oa-token");
  });

  it("reads the webhook's signature variants and replay window, refusing other values", () => {
    const config = loadEnv({
      WEBHOOK_SIGNATURE_KEY: "oa-secret",
      WEBHOOK_SIGNATURE_PREFIX: "oa-id",
      WEBHOOK_MAX_AGE_SECONDS: "120",
    });
    expect(config.webhook).toEqual({ signatureKey: "oa-secret", signaturePrefix: "oa-id", maxAgeSeconds: 120 });
    const problems = problemsOf({
      WEBHOOK_SIGNATURE_KEY: "hmac",
      WEBHOOK_SIGNATURE_PREFIX: "none",
      WEBHOOK_MAX_AGE_SECONDS: "5",
    });
    expect(problems.map((p) => p.split(":")[0]).sort()).toEqual([
      "WEBHOOK_MAX_AGE_SECONDS",
      "WEBHOOK_SIGNATURE_KEY",
      "WEBHOOK_SIGNATURE_PREFIX",
    ]);
    expect(problems.find((p) => p.startsWith("WEBHOOK_SIGNATURE_KEY"))).toContain("oa-secret, app-secret, either");
  });

  it("treats blank variables as unset", () => {
    expect(loadEnv({ PORT: "", ZALO_APP_ID: " ", ZALO_APP_SECRET: "" }).zalo.mode).toBe("sandbox");
  });

  it("reads TRUST_PROXY as a boolean, a hop count or a list of addresses", () => {
    expect(loadEnv({ TRUST_PROXY: "true" }).trustProxy).toBe(true);
    expect(loadEnv({ TRUST_PROXY: "2" }).trustProxy).toBe(2);
    expect(loadEnv({ TRUST_PROXY: "loopback, 10.0.0.0/8" }).trustProxy).toBe("loopback, 10.0.0.0/8");
  });

  it("lists every problem at once, each naming its variable", () => {
    const problems = problemsOf({
      PORT: "eighty",
      SESSION_TTL_DAYS: "0",
      LOG_LEVEL: "loud",
      ZALO_GRAPH_URL: "graph.zalo.me",
      MINI_APP_ID: "../etc",
      TRUST_PROXY: "everyone",
      ZALO_APP_ID: "1234",
    });
    const names = problems.map((p) => p.split(":")[0]);
    expect(names.sort()).toEqual(
      ["LOG_LEVEL", "MINI_APP_ID", "PORT", "SESSION_TTL_DAYS", "TRUST_PROXY", "ZALO_APP_SECRET", "ZALO_GRAPH_URL"].sort(),
    );
    expect(problems.find((p) => p.startsWith("PORT"))).toContain('"eighty"');
  });

  it("asks for ZALO_APP_ID when only the secret is set, without printing the secret", () => {
    const problems = problemsOf({ ZALO_APP_SECRET: "do-not-print-me" });
    expect(problems).toEqual([
      "ZALO_APP_ID: set ZALO_APP_ID and ZALO_APP_SECRET together, or neither to use the Zalo sandbox",
    ]);
    const error = (() => {
      try {
        loadEnv({ ZALO_APP_SECRET: "do-not-print-me", ZALO_SANDBOX_APP_SECRET: "" });
      } catch (err) {
        return err as Error;
      }
    })();
    expect(error?.message).not.toContain("do-not-print-me");
  });

  it("puts the readable list in the error message main.ts prints", () => {
    expect(() => loadEnv({ PORT: "-1", LOG_LEVEL: "x" })).toThrow(
      /cannot start; fix its environment:\n {2}- PORT: .*\n {2}- LOG_LEVEL: /,
    );
  });
});

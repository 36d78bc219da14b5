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
      },
    });
    expect(config.databasePath).toMatch(/[/\\]data[/\\]hocso\.sqlite$/);
    expect(config.miniAppDir).toMatch(/[/\\]mini-app[/\\]www$/);
  });

  it("talks to graph.zalo.me with the app's own secret when both credentials are set", () => {
    const config = loadEnv({ ZALO_APP_ID: "1234", ZALO_APP_SECRET: "s3cret" });
    expect(config.zalo).toEqual({
      mode: "live",
      graphUrl: "https://graph.zalo.me",
      appId: "1234",
      appSecret: "s3cret",
      sandboxUrl: null,
    });
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

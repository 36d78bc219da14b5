// The sandbox's env module: documented defaults, and every problem listed at once.
import { describe, expect, it } from "vitest";
import { loadSandboxEnv } from "./env.ts";

describe("loadSandboxEnv", () => {
  it("defaults to 127.0.0.1:3900, the shared sandbox app id and secret, and memory-only state", () => {
    expect(loadSandboxEnv({})).toEqual({
      port: 3900,
      host: "127.0.0.1",
      appId: "hocso-sandbox-app",
      appSecret: "hocso-sandbox-secret",
      statePath: undefined,
    });
  });

  it("lists every bad variable in one error", () => {
    expect(() => loadSandboxEnv({ ZALO_SANDBOX_PORT: "port", ZALO_SANDBOX_HOST: 5 as unknown as string })).toThrow(
      /ZALO_SANDBOX_PORT: must be a port number from 0 to 65535 \(got "port"\)\n {2}- ZALO_SANDBOX_HOST/,
    );
  });
});

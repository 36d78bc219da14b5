// The bot server's graph adapter against the Zalo sandbox: the same wire contract it uses
// against graph.zalo.me (appsecret_proof, HTTP-200 failures).
import { createZaloGraphClient } from "@hocso/bot-server/platform/zalo-graph";
import { ZaloError, ZaloHttpError } from "@hocso/bot-server/platform/zalo-error";
import { startSandbox, type RunningSandbox } from "@hocso/zalo-sandbox/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const SECRET = "graph-test-secret";
let running: RunningSandbox;

beforeAll(async () => {
  running = await startSandbox({ port: 0, appId: "graph-test", appSecret: SECRET });
});
afterAll(() => running.close());

function newToken(): { id: string; token: string } {
  const user = running.sandbox.store.createUser("Chị Hai");
  return { id: user.id, token: running.sandbox.store.issueToken(user.id).token };
}

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected the call to fail");
    },
    (err: unknown) => err,
  );
}

describe("Zalo graph adapter", () => {
  it("returns the Zalo id for a valid user access token", async () => {
    const { id, token } = newToken();
    const zalo = createZaloGraphClient({ baseUrl: running.url, appSecret: SECRET });
    expect(await zalo.getMe(token)).toEqual({ id });
  });

  it("throws ZaloError -216 with the endpoint for a token Zalo does not know", async () => {
    const zalo = createZaloGraphClient({ baseUrl: running.url, appSecret: SECRET });
    const err = await failureOf(zalo.getMe("unknown"));
    expect(err).toBeInstanceOf(ZaloError);
    expect(err).toMatchObject({ errorCode: -216, endpoint: "GET /v2.0/me" });
  });

  it("throws ZaloError -242 when its app secret is not the one Zalo holds", async () => {
    const { token } = newToken();
    const zalo = createZaloGraphClient({ baseUrl: running.url, appSecret: "wrong" });
    expect(await failureOf(zalo.getMe(token))).toMatchObject({ errorCode: -242 });
  });

  it("throws ZaloHttpError without the access token in it when Zalo is unreachable", async () => {
    const gone = await startSandbox({ port: 0, appId: "a", appSecret: SECRET });
    await gone.close();
    const zalo = createZaloGraphClient({ baseUrl: gone.url, appSecret: SECRET, timeoutMs: 2000 });
    const err = await failureOf(zalo.getMe("secret-access-token"));
    expect(err).toBeInstanceOf(ZaloHttpError);
    expect(JSON.stringify(err) + String((err as Error).message)).not.toContain("secret-access-token");
  });

  it("throws ZaloHttpError when Zalo answers a non-2xx HTTP status", async () => {
    const zalo = createZaloGraphClient({ baseUrl: `${running.url}/sandbox/users`, appSecret: SECRET });
    expect(await failureOf(zalo.getMe("t"))).toBeInstanceOf(ZaloHttpError);
  });
});

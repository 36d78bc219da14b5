// What every fake API of the mini app's tests needs from node:http: the JSON body a request
// carried, and a server on a free local port that the app under test takes as the origin it
// was served from (the mini app calls its API on that origin).
import type { IncomingMessage, Server } from "node:http";
import type { AddressInfo } from "node:net";

export function readJsonBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
    req.on("end", () => resolve(raw ? JSON.parse(raw) : undefined));
  });
}

/** Starts `server` on 127.0.0.1 and points happy-dom's page at it; returns its origin. */
export async function listenAsAppOrigin(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(`${origin}/`);
  return origin;
}

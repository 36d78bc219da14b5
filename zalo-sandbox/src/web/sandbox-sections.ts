// The parts of the web page about the sandbox's own machinery for tests: the OA's OAuth
// tokens, the rate limits and how much of this minute is used, and the faults still armed.
import type { FaultRegistry } from "../faults/fault-registry.ts";
import type { RateLimiter } from "../limits/rate-limiter.ts";
import type { SandboxStore } from "../store.ts";
import { html, type Section } from "./html.ts";
import { vietnamTime } from "./vietnam-time.ts";

export function oaTokensSection(store: SandboxStore, now: () => number): Section {
  const { accessTokens, refreshes } = store.oaTokens.summary();
  const state = (t: { expiresAt: string; revoked: boolean }) =>
    t.revoked ? "revoked: -216" : Date.parse(t.expiresAt) <= now() ? "expired: -220" : "valid";
  const body = html`<p class="note">${refreshes} refreshes through <code>POST /v4/oa/access_token</code>.
Revoke them all with <code>POST /sandbox/oa/tokens/revoke</code>.</p>
<table>
<thead><tr><th scope="col">Access token</th><th scope="col">Expires</th><th scope="col">State</th></tr></thead>
<tbody>${accessTokens.map(
    (t) => html`<tr><td><code>…${t.suffix}</code></td><td>${vietnamTime(t.expiresAt)}</td><td>${state(t)}</td></tr>`,
  )}</tbody>
</table>`;
  return { id: "oa-tokens", title: "OA access tokens", body };
}

export function limitsSection(limiter: RateLimiter): Section {
  const { appPerMinute, groupPerMinute } = limiter.limits;
  const { appCalls, windowStartedAt } = limiter.usage();
  const body = html`<p>OA API calls: at most <strong>${appPerMinute}</strong> a minute for the app
(${appCalls} used in the minute from ${vietnamTime(windowStartedAt)}), and
${groupPerMinute === null ? "no limit per group" : html`at most <strong>${groupPerMinute}</strong> a minute per group`}.
Over a limit: <code>{"error": -32}</code>. Change them with <code>PUT /sandbox/limits</code>.</p>`;
  return { id: "limits", title: "Rate limits", body };
}

export function faultsSection(faults: FaultRegistry): Section {
  const active = faults.list();
  const body =
    active.length === 0
      ? html`<p>No faults are active. Switch one on with <code>POST /sandbox/faults</code>
(body <code>{"endpoint": "oa.group.message", "kind": "http-503"}</code>).</p>`
      : html`<table>
<thead><tr><th scope="col">Id</th><th scope="col">Endpoint</th><th scope="col">Kind</th><th scope="col">Remaining</th><th scope="col">Only for</th></tr></thead>
<tbody>${active.map(
          (f) =>
            html`<tr><td><code>${f.id}</code></td><td><code>${f.endpoint}</code></td><td>${f.kind}${
              f.delayMs !== undefined ? ` (${f.delayMs} ms)` : ""
            }</td><td>${f.remaining === null ? "until deleted" : f.remaining}</td><td>${
              [f.groupId && `group ${f.groupId}`, f.userId && `user ${f.userId}`].filter(Boolean).join(", ") || "everyone"
            }</td></tr>`,
        )}</tbody>
</table>`;
  return { id: "faults", title: `Faults (${active.length})`, body };
}

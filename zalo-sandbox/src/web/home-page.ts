// The sandbox's web page: what the pretend Zalo currently holds, for a developer to look at.
// Each kind of thing (users, the OA, conversations, groups, tokens, limits, faults) is one
// section function.
import { Router } from "express";
import type { FaultRegistry } from "../faults/fault-registry.ts";
import type { RateLimiter } from "../limits/rate-limiter.ts";
import type { SandboxStore } from "../store.ts";
import { html, type SafeHtml, type Section } from "./html.ts";
import { conversationsSection, groupsSection, officialAccountSection, type OaSectionDeps } from "./oa-sections.ts";
import { faultsSection, limitsSection, oaTokensSection } from "./sandbox-sections.ts";

export interface HomePageDeps extends OaSectionDeps {
  faults: FaultRegistry;
  limiter: RateLimiter;
}

export function homePageRoutes(deps: HomePageDeps): Router {
  const router = Router();
  router.get("/", (_req, res) => {
    res.type("html").set("Cache-Control", "no-store").send(renderHomePage(deps).value);
  });
  return router;
}

export function renderHomePage(deps: HomePageDeps): SafeHtml {
  const { store, oa } = deps;
  const sections: Section[] = [
    usersSection(store),
    officialAccountSection(deps),
    conversationsSection(deps),
    groupsSection(deps),
    oaTokensSection(store, deps.now),
    limitsSection(deps.limiter),
    faultsSection(deps.faults),
  ];
  return html`<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Zalo sandbox · Học Số</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem; color: #1f1f1f; }
  h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
  table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #ddd; }
  code { background: #f1f3f4; padding: 0 .25rem; border-radius: 3px; }
  .note { color: #555; }
  .chat { border-top: 1px solid #ddd; margin-top: 1.5rem; }
  h3 { font-size: 1.05rem; margin-bottom: .25rem; } h3 small { font-weight: normal; color: #555; }
  .messages { list-style: none; padding: 0; }
  .messages > li { margin: .5rem 0; padding: .4rem .6rem; border-radius: 6px; max-width: 40rem; }
  .from-user { background: #f1f3f4; } .from-oa { background: #e8f0fe; margin-left: 3rem; }
  .who { font-weight: 600; } time { color: #555; font-size: .85rem; }
  .text { white-space: pre-wrap; margin: .2rem 0; }
  .buttons { margin: .2rem 0; padding-left: 1.2rem; }
  .flash { background: #fef7e0; padding: .4rem .6rem; border-radius: 6px; }
  .inline { display: inline-block; margin: .25rem .5rem .25rem 0; }
  .write input { width: min(24rem, 60vw); }
  button, .button { font: inherit; padding: .3rem .8rem; }
</style>
</head>
<body>
<header>
  <h1>Zalo sandbox</h1>
  <p class="note">A local stand-in for Zalo's APIs, for Học Số. App id <code>${oa.appId}</code>.
  Nothing here reaches the real Zalo.</p>
  <nav><ul>${sections.map((s) => html`<li><a href="#${s.id}">${s.title}</a></li>`)}</ul></nav>
</header>
<main>
${sections.map((s) => html`<section id="${s.id}"><h2>${s.title}</h2>${s.body}</section>`)}
</main>
</body>
</html>
`;
}

function usersSection(store: SandboxStore): Section {
  const users = store.listUsers();
  const body =
    users.length === 0
      ? html`<p>No users yet. Create one with <code>POST /sandbox/users</code> (body <code>{"name": "…"}</code>).</p>`
      : html`<table>
<thead><tr><th scope="col">Name</th><th scope="col">Zalo id</th><th scope="col">OA-scoped id</th><th scope="col">Follows OA</th><th scope="col">Created</th></tr></thead>
<tbody>${users.map(
        (u) =>
          html`<tr><td><a href="#oa-user-${u.id}">${u.name}</a></td><td><code>${u.id}</code></td><td><code>${u.oaUserId}</code></td><td>${u.followsOa ? "yes" : "no"}</td><td>${u.createdAt}</td></tr>`,
      )}</tbody>
</table>`;
  return { id: "users", title: `Users (${users.length})`, body };
}

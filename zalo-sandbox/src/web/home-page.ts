// The sandbox's web page: what the pretend Zalo currently holds, for a developer to look at.
// Each kind of thing (users now; conversations and groups later) is one section function.
import { Router } from "express";
import type { SandboxStore } from "../store.ts";
import { html, type SafeHtml } from "./html.ts";

export interface HomePageDeps {
  store: SandboxStore;
  appId: string;
}

interface Section {
  id: string;
  title: string;
  body: SafeHtml;
}

export function homePageRoutes(deps: HomePageDeps): Router {
  const router = Router();
  router.get("/", (_req, res) => {
    res.type("html").set("Cache-Control", "no-store").send(renderHomePage(deps).value);
  });
  return router;
}

export function renderHomePage({ store, appId }: HomePageDeps): SafeHtml {
  const sections: Section[] = [usersSection(store)];
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
</style>
</head>
<body>
<header>
  <h1>Zalo sandbox</h1>
  <p class="note">A local stand-in for Zalo's APIs, for Học Số. App id <code>${appId}</code>.
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
<thead><tr><th scope="col">Name</th><th scope="col">Zalo id</th><th scope="col">Created</th></tr></thead>
<tbody>${users.map((u) => html`<tr><td>${u.name}</td><td><code>${u.id}</code></td><td>${u.createdAt}</td></tr>`)}</tbody>
</table>`;
  return { id: "users", title: `Users (${users.length})`, body };
}

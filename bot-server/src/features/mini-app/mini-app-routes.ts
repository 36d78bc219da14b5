// Serves the built mini app (mini-app/www) the way Zalo hosts it, under /zapps/<MINI_APP_ID>/,
// so a production build's router (basename /zapps/<id>) works in a desktop browser.
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import express, { Router, type RequestHandler } from "express";
import { AppError } from "../../lib/errors.ts";
import { contentSecurityPolicy } from "../../lib/security.ts";

export interface MiniAppRouteDeps {
  miniAppDir: string;
  miniAppId: string;
  sandboxOrigin: string | null;
}

export function miniAppRoutes(deps: MiniAppRouteDeps): Router {
  const base = `/zapps/${deps.miniAppId}/`;
  const router = Router();
  const sendIndex = indexHandler(deps, base);

  router.get("/", (_req, res) => res.redirect(302, base));
  // Express matches "/zapps/<id>" with or without the slash; only the bare form redirects.
  router.get(base.slice(0, -1), (req, res, next) => (req.path.endsWith("/") ? next() : res.redirect(302, base)));
  router.get([base, `${base}index.html`], sendIndex);
  // Vite names built assets by content hash, so a browser may keep them forever.
  router.use(
    `${base}assets`,
    express.static(join(deps.miniAppDir, "assets"), { immutable: true, maxAge: "365d", index: false, redirect: false }),
    (req, _res, next) => next(new AppError("not_found", `No asset ${req.path}`)),
  );
  router.use(base, express.static(deps.miniAppDir, { index: false, redirect: false, maxAge: 0 }));
  // Any other path is a route inside the app: its router draws it from index.html.
  router.get(`${base}{*route}`, sendIndex);
  return router;
}

interface CachedIndex {
  mtimeMs: number;
  html: string;
  scriptHashes: string[];
}

function indexHandler(deps: MiniAppRouteDeps, base: string): RequestHandler {
  const path = join(deps.miniAppDir, "index.html");
  let cached: CachedIndex | undefined;
  return async (req, res, next) => {
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile()) {
      res.status(503).json({
        error: { code: "unavailable", message: "The mini app is not built yet: run `pnpm build` at the repository root" },
        requestId: req.id,
      });
      return;
    }
    if (cached?.mtimeMs !== info.mtimeMs) {
      const html = injectBase(await readFile(path, "utf8"), base);
      cached = { mtimeMs: info.mtimeMs, html, scriptHashes: inlineScriptHashes(html) };
    }
    const page = cached;
    const csp = contentSecurityPolicy({ sandboxOrigin: deps.sandboxOrigin, scriptHashes: page.scriptHashes });
    csp(req, res, (err?: unknown) => {
      if (err) return next(err);
      res.type("html").set("Cache-Control", "no-cache").send(page.html);
    });
  };
}

/** `<base href>` first in <head>, so relative asset URLs resolve from the app's root on any route. */
export function injectBase(html: string, base: string): string {
  const tag = `<base href="${base}">`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (!head) return tag + html;
  const at = head.index + head[0].length;
  return html.slice(0, at) + tag + html.slice(at);
}

/** Hashes of inline <script> bodies (e.g. one setting window.APP_ID), allowed by the CSP. */
function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)) {
    const attributes = match[1] ?? "";
    const body = match[2] ?? "";
    if (/\ssrc\s*=/i.test(attributes) || body.trim() === "") continue;
    hashes.push(`'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`);
  }
  return hashes;
}

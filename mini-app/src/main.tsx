// Entry: know which mini app this is, then render. Zalo sets window.APP_ID itself; when the bot
// server (or a test) serves the build under /zapps/<id>/, the id is read from the path so that
// zmp-ui's router, whose basename is /zapps/<APP_ID> in production, finds its routes.
import "zmp-ui/zaui.css";
import "./app/app.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import appConfig from "../../app-config.json";
import { App } from "./app/app.tsx";
import { hideZaloActionBar, insideZalo, startZalo } from "./app/zalo.ts";

const ZAPPS_PATH = /^\/zapps\/([^/]+)/;

if (window.APP_ID === undefined) {
  const match = ZAPPS_PATH.exec(window.location.pathname);
  if (match?.[1]) window.APP_ID = decodeURIComponent(match[1]);
}
if (window.APP_CONFIG === undefined) window.APP_CONFIG = appConfig;

if (insideZalo) {
  document.body.classList.add("in-zalo");
  hideZaloActionBar();
}

const root = document.getElementById("app");
if (!root) throw new Error("index.html has no #app element");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
// zmp-sdk loads after the first screen is on its way (inside Zalo only).
void startZalo().catch((error: unknown) => console.warn("zmp-sdk failed to load", error));

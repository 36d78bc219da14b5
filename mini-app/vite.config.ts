// Builds the mini app into www/ the way Zalo expects: zmp-vite-plugin sets base "./",
// es2015 output and writes www/app-config.json with the CSS and JS lists.
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import zaloMiniApp from "zmp-vite-plugin";
// The root app-config.json is the one Zalo reads; the plugin would look in cwd otherwise.
import appConfig from "../app-config.json" with { type: "json" };

export default defineConfig({
  plugins: [react(), zaloMiniApp(appConfig as Parameters<typeof zaloMiniApp>[0])],
  server: {
    // `pnpm dev`: the API runs on the bot server (same origin in production).
    proxy: { "/api": "http://localhost:3000" },
  },
});

// One vitest run for the whole workspace: node-side packages and the cross-package
// tests in one project, the mini app's component tests in a DOM project.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "node",
          environment: "node",
          include: [
            "shared/src/**/*.test.ts",
            "content/src/**/*.test.ts",
            "zalo-sandbox/src/**/*.test.ts",
            "bot-server/src/**/*.test.ts",
            "tests/**/*.test.ts",
          ],
          exclude: ["**/node_modules/**"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        root: "mini-app",
        test: {
          name: "mini-app",
          environment: "happy-dom",
          include: ["src/**/*.test.{ts,tsx}"],
        },
      },
    ],
  },
});

// Lint for the whole workspace. Type-aware rules stay off to keep the run short;
// `tsc -b` is the type check.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

export default tseslint.config(
  { ignores: ["**/node_modules/**", "mini-app/www/**", "content/dist/**", "data/**", ".test-results/**", ".scratch/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": ["error", { allow: ["error", "warn"] }],
    },
  },
  {
    files: ["mini-app/src/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
    },
  },
  {
    // Only the env modules read the environment (DESIGN.md "Configuration").
    files: ["**/*.{ts,tsx}"],
    ignores: ["**/env.ts", "**/*.test.ts", "tests/**", "scripts/**", "bench/**"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through the package's env.ts." },
      ],
    },
  },
  {
    files: ["scripts/**/*.mjs", "bench/**/*.{ts,mjs}", ".ci/**"],
    rules: { "no-console": "off" },
  },
);

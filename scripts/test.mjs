#!/usr/bin/env node
// The one test command (README, .ci/run): installs what the browser tests need, then
// builds, type-checks, lints and runs every vitest test. It ends with the plain line
// "N passed, N failed" that CI reads; a failed check (build, types, lint) counts as a
// failure there too, so nothing can fail quietly.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const results = join(root, ".test-results");
const failedChecks = [];

function run(label, command, args, options = {}) {
  console.log(`\n▶ ${label}: ${command} ${args.join(" ")}`);
  const started = Date.now();
  const r = spawnSync(command, args, { cwd: root, stdio: "inherit", ...options });
  const ok = r.status === 0;
  console.log(`${ok ? "✔" : "✘"} ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (!ok) failedChecks.push(label);
  return ok;
}

function ensureChromium() {
  if (existsSync("/usr/bin/chromium")) return true;
  if (process.getuid?.() !== 0) {
    console.error("Chromium is missing: run `apt-get update && apt-get install -y chromium` as root.");
    failedChecks.push("chromium");
    return false;
  }
  return (
    run("install chromium (apt-get update)", "apt-get", ["update"]) &&
    run("install chromium", "apt-get", ["install", "-y", "--no-install-recommends", "chromium"], {
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    })
  );
}

ensureChromium();
const contentBuilt = run("content build (validates every lesson)", "pnpm", ["--filter", "@hocso/content", "build"]);
if (contentBuilt) {
  run("type check", "pnpm", ["typecheck"]);
  run("lint", "pnpm", ["lint"]);
  run("mini app build", "pnpm", ["--filter", "@hocso/mini-app", "build"]);
}

rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });
const report = join(results, "vitest.json");
run("tests", "pnpm", ["exec", "vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`]);

let passed = 0;
let failed = 0;
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, "utf8"));
  passed = json.numPassedTests ?? 0;
  failed = (json.numFailedTests ?? 0) + (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
  if (json.numTotalTests === 0) failedChecks.push("no tests ran");
  // A file that fails to load runs no tests but must still fail the run.
  const brokenFiles = (json.testResults ?? []).filter((f) => f.status === "failed" && f.assertionResults.length === 0);
  for (const f of brokenFiles) failedChecks.push(`test file failed to load: ${f.name}`);
} else {
  failedChecks.push("vitest wrote no report");
}

const checkFailures = failedChecks.filter((c) => c !== "tests");
if (checkFailures.length > 0) console.log(`\nFailed checks: ${checkFailures.join("; ")}`);
console.log(`\n${passed} passed, ${failed + checkFailures.length} failed`);
process.exit(failed + checkFailures.length === 0 && !failedChecks.includes("tests") ? 0 : 1);

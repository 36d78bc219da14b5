#!/usr/bin/env node
// The mini app's size as a phone downloads it: every file of the first screen (what
// www/app-config.json lists as synchronous JS and CSS) and every lazy chunk, raw and
// gzip -9. Writes bench/results/bundle-size.json and prints a table.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const www = join(root, "mini-app", "www");
const config = JSON.parse(readFileSync(join(www, "app-config.json"), "utf8"));

function measure(file) {
  const bytes = readFileSync(join(www, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

const firstJs = config.listSyncJS.map(measure);
const firstCss = config.listCSS.map(measure);
const lazy = readdirSync(join(www, "assets"))
  .filter((f) => f.endsWith(".js") && !config.listSyncJS.includes(`assets/${f}`))
  .map((f) => measure(`assets/${f}`));
const sum = (list, key) => list.reduce((n, x) => n + x[key], 0);
const result = {
  measuredAt: new Date().toISOString(),
  firstScreenJs: { raw: sum(firstJs, "raw"), gzip: sum(firstJs, "gzip"), files: firstJs },
  firstScreenCss: { raw: sum(firstCss, "raw"), gzip: sum(firstCss, "gzip"), files: firstCss },
  lazyJs: { raw: sum(lazy, "raw"), gzip: sum(lazy, "gzip"), chunks: lazy.length },
  budgetFirstScreenJsGzip: 120 * 1024,
};
mkdirSync(join(root, "bench", "results"), { recursive: true });
writeFileSync(join(root, "bench", "results", "bundle-size.json"), `${JSON.stringify(result, null, 2)}\n`);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`first screen JS : ${kb(result.firstScreenJs.raw)} raw, ${kb(result.firstScreenJs.gzip)} gzip (budget ${kb(result.budgetFirstScreenJsGzip)}, ${((100 * result.firstScreenJs.gzip) / result.budgetFirstScreenJsGzip).toFixed(0)}% used)`);
console.log(`first screen CSS: ${kb(result.firstScreenCss.raw)} raw, ${kb(result.firstScreenCss.gzip)} gzip`);
console.log(`lazy JS         : ${kb(result.lazyJs.raw)} raw, ${kb(result.lazyJs.gzip)} gzip in ${lazy.length} chunks`);

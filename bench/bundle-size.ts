// pnpm bench:size — the mini app's download size, raw and gzip -9, first screen and lazy
// chunks, against the 120 KB budget. Writes bench/results/bundle-size.json.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { firstScreenFiles, lazyFiles, measure, total } from "./bundle.ts";

const root = join(import.meta.dirname, "..");
const www = join(root, "mini-app", "www");
const BUDGET = 120 * 1024;

const config = JSON.parse(readFileSync(join(www, "app-config.json"), "utf8")) as { listCSS: string[] };
const firstJs = firstScreenFiles(www).map((f) => measure(www, f));
const css = config.listCSS.map((f) => measure(www, f));
const lazy = lazyFiles(www).map((f) => measure(www, f));
const result = {
  measuredAt: new Date().toISOString(),
  budgetFirstScreenJsGzip: BUDGET,
  firstScreenJs: { raw: total(firstJs, "raw"), gzip: total(firstJs, "gzip"), files: firstJs },
  firstScreenCss: { raw: total(css, "raw"), gzip: total(css, "gzip"), files: css },
  lazyJs: { raw: total(lazy, "raw"), gzip: total(lazy, "gzip"), chunks: lazy.length },
};
mkdirSync(join(root, "bench", "results"), { recursive: true });
writeFileSync(join(root, "bench", "results", "bundle-size.json"), `${JSON.stringify(result, null, 2)}\n`);

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const used = ((100 * result.firstScreenJs.gzip) / BUDGET).toFixed(0);
console.log(`first screen JS : ${kb(result.firstScreenJs.raw)} raw, ${kb(result.firstScreenJs.gzip)} gzip in ${firstJs.length} files (${used}% of the ${kb(BUDGET)} budget)`);
for (const f of [...firstJs].sort((a, b) => b.gzip - a.gzip)) console.log(`  ${f.file.padEnd(52)} ${kb(f.gzip)}`);
console.log(`first screen CSS: ${kb(result.firstScreenCss.raw)} raw, ${kb(result.firstScreenCss.gzip)} gzip`);
console.log(`lazy JS         : ${kb(result.lazyJs.raw)} raw, ${kb(result.lazyJs.gzip)} gzip in ${lazy.length} chunks`);

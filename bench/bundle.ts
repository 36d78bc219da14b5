// What a phone downloads before the mini app's first screen can show: the entry files that
// www/app-config.json lists as synchronous JS, plus every chunk they import statically
// (the bundler splits shared code into chunks that zmp-vite-plugin lists as "async" even
// though the entry cannot run without them). Lazy chunks (dynamic import) are not counted.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";

export interface FileSize {
  file: string;
  raw: number;
  gzip: number;
}

const STATIC_IMPORT = /(?:^|[;}\s)])import\s*(?:[\w$*{}\s,]*?from\s*)?["'](\.\/[^"']+)["']/g;

export function measure(www: string, file: string): FileSize {
  const bytes = readFileSync(join(www, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

/** The entry files and the closure of their static imports, entry first. */
export function firstScreenFiles(www: string): string[] {
  const config = JSON.parse(readFileSync(join(www, "app-config.json"), "utf8")) as { listSyncJS: string[] };
  const seen = new Set<string>();
  const queue = [...config.listSyncJS];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(join(www, file), "utf8");
    for (const match of source.matchAll(STATIC_IMPORT)) queue.push(join(dirname(file), match[1]!));
  }
  return [...seen];
}

export function lazyFiles(www: string): string[] {
  const first = new Set(firstScreenFiles(www));
  return readdirSync(join(www, "assets"))
    .filter((f) => f.endsWith(".js"))
    .map((f) => `assets/${f}`)
    .filter((f) => !first.has(f));
}

export function total(sizes: FileSize[], key: "raw" | "gzip"): number {
  return sizes.reduce((n, s) => n + s[key], 0);
}

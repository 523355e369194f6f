import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface JsFile {
  file: string;
  gzipKb: number;
}

export interface WebAssets {
  /** What index.html makes the browser fetch before any route runs: its scripts, module preloads and their static imports. */
  initial: { files: JsFile[]; gzipKb: number };
  /** Every other script: route chunks, the components they share, workers; fetched only when a page needs them. */
  lazy: { count: number; gzipKb: number; largest: JsFile | null; files: JsFile[] };
  /** The JavaScript one route's page loads in all: the initial set plus its lazy chunk and that chunk's static imports. */
  routeKb(chunkPrefix: string): number;
}

// Static imports and re-exports of a built ES module; `import(` (a lazy chunk) never matches, as "(" cannot precede the quote.
const STATIC_IMPORT = /\b(?:import|export)\s*(?:[^"'();]*?\bfrom\s*)?["']([^"']+\.m?js)["']/g;
const EAGER_TAGS = /<(?:script[^>]*\bsrc|link[^>]*\brel=["']?modulepreload["']?[^>]*\bhref)=["']?([^"'\s>]+)/g;

const gzipKb = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length / 1024;

/** A built file's path under the build folder, from a URL in index.html ("/assets/x.js") or an import in a chunk ("./x.js"). */
function resolveUrl(url: string, fromFile: string | null): string | null {
  if (/^[a-z]+:/i.test(url) || url.startsWith('//')) return null;
  const path = url.startsWith('/') ? url.slice(1) : posix.join(fromFile ? posix.dirname(fromFile) : '', url);
  return posix.normalize(path.split(/[?#]/)[0]);
}

/** The files reached from `roots` through static imports (what the browser must fetch before the roots can run). */
function staticClosure(dir: string, roots: string[]): string[] {
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(join(dir, file), 'utf8');
    for (const match of source.matchAll(STATIC_IMPORT)) {
      const target = resolveUrl(match[1], file);
      if (target && !seen.has(target)) queue.push(target);
    }
  }
  return [...seen];
}

/**
 * The built web app's JavaScript as a browser meets it, gzipped with node:zlib at level 9 (what a server's static
 * gzip gives): the initial set against WEB.md's budget, and the lazy chunks beside it.
 */
export function measureWebAssets(dir: string): WebAssets {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const eager = [...html.matchAll(EAGER_TAGS)].map((match) => resolveUrl(match[1], null)).filter((file): file is string => !!file && /\.m?js$/.test(file));
  if (eager.length === 0) throw new Error(`web: ${dir}/index.html loads no script`);
  const sizes = new Map<string, number>();
  const sizeOf = (file: string) => sizes.get(file) ?? sizes.set(file, gzipKb(readFileSync(join(dir, file)))).get(file)!;
  const describe = (files: string[]) => files.map((file) => ({ file, gzipKb: sizeOf(file) })).sort((a, b) => b.gzipKb - a.gzipKb);
  const total = (files: JsFile[]) => files.reduce((sum, file) => sum + file.gzipKb, 0);

  const initialFiles = staticClosure(dir, eager);
  const initial = describe(initialFiles);
  const assetsDir = posix.dirname(eager[0]);
  const allScripts = readdirSync(join(dir, assetsDir))
    .filter((name) => /\.m?js$/.test(name))
    .map((name) => posix.join(assetsDir, name));
  const lazy = describe(allScripts.filter((file) => !initialFiles.includes(file)));
  return {
    initial: { files: initial, gzipKb: total(initial) },
    lazy: { count: lazy.length, gzipKb: total(lazy), largest: lazy[0] ?? null, files: lazy },
    routeKb: (chunkPrefix) => {
      const chunk = allScripts.find((file) => basename(file).startsWith(`${chunkPrefix}-`));
      if (!chunk) throw new Error(`web: no chunk named ${chunkPrefix}-*.js in ${dir}/${assetsDir}`);
      return total(describe(staticClosure(dir, [...initialFiles, chunk])));
    },
  };
}

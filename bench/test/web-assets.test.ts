import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { measureWebAssets } from '../src/web-assets';

/** A small build as Vite lays it out: an entry with a module preload, shared chunks, route chunks and a worker. */
const FILES: Record<string, string> = {
  'assets/index-a1.js': `import{t}from"./vendor-b2.js";const r=()=>import("./report.lazy-c3.js");const s=()=>import('./sign-in.lazy-d4.js');export{t}`,
  'assets/vendor-b2.js': `import"./runtime-e5.js";export const t=1;`,
  'assets/runtime-e5.js': 'export const runtime=2;',
  'assets/preloaded-f6.js': 'export const p=3;',
  'assets/report.lazy-c3.js': `import{a}from"./Select-g7.js";import{t}from"./index-a1.js";export const R=a+t;`,
  // Text that does not compress away, so this is the largest chunk after gzip too.
  'assets/Select-g7.js': `export const a="${Array.from({ length: 600 }, (_, n) => ((n * 7919) % 10007).toString(36)).join('')}";`,
  'assets/sign-in.lazy-d4.js': `export * from "./Input-h8.js";`,
  'assets/Input-h8.js': 'export const i=4;',
  'assets/pdf.worker-i9.mjs': 'self.onmessage=()=>{};',
  'assets/index-j0.css': 'body{margin:0}',
  'index.html':
    '<!doctype html><html><head><script type="module" crossorigin src="/assets/index-a1.js"></script>' +
    '<link rel="modulepreload" crossorigin href="/assets/preloaded-f6.js"><link rel="stylesheet" href="/assets/index-j0.css"></head><body></body></html>',
};

describe('measureWebAssets', () => {
  let dir: string;
  const kb = (file: string) => gzipSync(FILES[file], { level: 9 }).length / 1024;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bench-web-assets-'));
    mkdirSync(join(dir, 'assets'));
    for (const [file, content] of Object.entries(FILES)) writeFileSync(join(dir, file), content);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('counts the entry, its module preloads and their static imports as initial, never what import() loads', () => {
    const assets = measureWebAssets(dir);
    const initial = ['assets/index-a1.js', 'assets/vendor-b2.js', 'assets/runtime-e5.js', 'assets/preloaded-f6.js'];
    expect(assets.initial.files.map((file) => file.file).sort()).toEqual([...initial].sort());
    expect(assets.initial.gzipKb).toBeCloseTo(initial.reduce((sum, file) => sum + kb(file), 0), 6);
  });

  it('lists every other script, the worker included, as lazy, largest first', () => {
    const assets = measureWebAssets(dir);
    expect(assets.lazy.files.map((file) => file.file).sort()).toEqual(
      ['assets/Input-h8.js', 'assets/Select-g7.js', 'assets/pdf.worker-i9.mjs', 'assets/report.lazy-c3.js', 'assets/sign-in.lazy-d4.js'],
    );
    expect(assets.lazy.count).toBe(5);
    expect(assets.lazy.largest?.file).toBe('assets/Select-g7.js');
  });

  it("adds a route's chunk and its static imports (re-exports too) to the initial set for that page's JavaScript", () => {
    const assets = measureWebAssets(dir);
    expect(assets.routeKb('report.lazy')).toBeCloseTo(assets.initial.gzipKb + kb('assets/report.lazy-c3.js') + kb('assets/Select-g7.js'), 6);
    expect(assets.routeKb('sign-in.lazy')).toBeCloseTo(assets.initial.gzipKb + kb('assets/sign-in.lazy-d4.js') + kb('assets/Input-h8.js'), 6);
  });

  it('fails when a route chunk or the page script is missing', () => {
    expect(() => measureWebAssets(dir).routeKb('missing.lazy')).toThrow('no chunk named missing.lazy-*.js');
    const empty = mkdtempSync(join(tmpdir(), 'bench-web-assets-empty-'));
    try {
      writeFileSync(join(empty, 'index.html'), '<html><body>no scripts</body></html>');
      expect(() => measureWebAssets(empty)).toThrow('loads no script');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

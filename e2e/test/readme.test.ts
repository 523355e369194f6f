import { CONFIG_SCHEMAS, knownVariables, ProcessRole } from '@peduli/config';
import { bannerLines } from '@peduli/devservices/dist/cli/banner';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const readme = read('README.md');

/** The front page, the contributing notes and every page of docs/: what a reader follows links through. */
const PAGES = ['README.md', 'CONTRIBUTING.md', ...readdirSync(join(ROOT, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];

const withoutCode = (markdown: string) => markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function headingAnchors(markdown: string): Set<string> {
  // Inline code in a heading keeps its text (`npm run demo` → npm-run-demo), so only fences are dropped here.
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const [, heading] of markdown.replace(/^```[\s\S]*?^```/gm, '').matchAll(/^#{1,6} (.+)$/gm)) {
    const base = heading.trim().toLowerCase().replace(/[^\p{L}\p{N}_\- ]/gu, '').replace(/ /g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count ? `${base}-${count}` : base);
  }
  return anchors;
}

describe('README', () => {
  it('documents every configuration variable of every process in the table of docs/configuration.md', () => {
    const table = read('docs/configuration.md');
    const documented = new Set([...table.matchAll(/^\| `([A-Z0-9_]+)` \|/gm)].map((match) => match[1]));
    const known = new Set((Object.keys(CONFIG_SCHEMAS) as ProcessRole[]).flatMap((role) => knownVariables(role)));
    expect([...known].filter((name) => !documented.has(name))).toEqual([]);
    expect([...documented].filter((name) => !known.has(name))).toEqual([]);
    expect(readme).toContain('](docs/configuration.md)');
  });

  it('gives exactly the two set-up commands', () => {
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toMatch(/^npm test\b/m);
  });

  it('is a front page a newcomer reads in minutes, with the reference behind it in docs/', () => {
    expect(readme.split('\n').length).toBeLessThanOrEqual(170);
    const contents = read('docs/README.md');
    const listed = new Set([...contents.matchAll(/\]\(([\w-]+\.md)\)/g)].map((match) => match[1]));
    const pages = readdirSync(join(ROOT, 'docs')).filter((name) => name.endsWith('.md') && name !== 'README.md');
    expect(pages.filter((page) => !listed.has(page))).toEqual([]);
  });

  it('shows the banner npm start prints, line for line', () => {
    const shown = /```\n( Peduli is running\.\n[\s\S]*?)```/.exec(readme)?.[1];
    expect(shown).toBeDefined();
    const labelsOf = (lines: string[]) => lines.map((line) => /^ {3}(\S[^:,]*)[:,]/.exec(line)?.[1]).filter(Boolean);
    const printed = bannerLines({
      apiPort: 3000,
      metricsPort: 3004,
      mailboxDir: '/path/to/peduli/.peduli/dev/mailbox',
      smtpUrl: 'smtp://127.0.0.1:1025',
      credentials: { email: 'admin@peduli.local', password: 'x', demo: { password: 'y', users: [{ email: 'a', role: 'b', scope: 'c' }] } },
    });
    expect(labelsOf(shown!.split('\n'))).toEqual(labelsOf(printed));
    expect(shown).toContain(printed.find((line) => line.includes('API docs'))!.trim());
  });

  it('explains the demo, which the root package runs and CI plays against the system npm start runs', () => {
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.demo).toContain('apps/demo/dist/main.js');
    expect(readme).toMatch(/^## A guided tour: `npm run demo`$/m);
    expect(readme).toContain('npm run demo -- --lang en');
    const ci = read('.ci/run');
    expect(ci).toMatch(/^bash scripts\/ci-demo\.sh/m);
    const smoke = read('scripts/ci-demo.sh');
    expect(smoke).toContain('npm start');
    expect(smoke).toContain('npm run demo');
    expect(smoke).toContain('kill -INT -- "-$START_PID"');
  });
});

describe('links in README.md, CONTRIBUTING.md and docs/', () => {
  it.each(PAGES)('every relative link and #anchor in %s leads to an existing file and heading', (page) => {
    const broken: string[] = [];
    for (const [, target] of withoutCode(read(page)).matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/i.test(target)) continue;
      const [path, anchor] = target.split('#');
      const file = path ? join(ROOT, dirname(page), path) : join(ROOT, page);
      if (!existsSync(file)) {
        broken.push(`${target}: no file ${relative(ROOT, file)}`);
        continue;
      }
      if (anchor === undefined) continue;
      if (statSync(file).isDirectory() || !file.endsWith('.md')) {
        broken.push(`${target}: an anchor into something that is not a markdown file`);
        continue;
      }
      if (!headingAnchors(readFileSync(file, 'utf8')).has(anchor)) broken.push(`${target}: no heading #${anchor} in ${relative(ROOT, file)}`);
    }
    expect(broken).toEqual([]);
  });

  it('finds the anchors GitHub makes of headings, inline code included', () => {
    expect(headingAnchors('## A guided tour: `npm run demo`\n## Security and operations, in short\n```\n# not a heading\n```\n')).toEqual(
      new Set(['a-guided-tour-npm-run-demo', 'security-and-operations-in-short']),
    );
    expect(headingAnchors('# x\n# x\n')).toEqual(new Set(['x', 'x-1']));
  });
});

describe('npm commands in README.md, CONTRIBUTING.md and docs/', () => {
  const workspaces = new Map<string, string>();
  for (const parent of ['apps', 'packages']) {
    for (const name of readdirSync(join(ROOT, parent))) {
      const manifest = join(ROOT, parent, name, 'package.json');
      if (existsSync(manifest)) workspaces.set((JSON.parse(readFileSync(manifest, 'utf8')) as { name: string }).name, join(parent, name));
    }
  }
  for (const dir of ['e2e', 'bench']) {
    const manifest = join(ROOT, dir, 'package.json');
    if (existsSync(manifest)) workspaces.set((JSON.parse(readFileSync(manifest, 'utf8')) as { name: string }).name, dir);
  }
  const scriptsOf = (dir: string) => (JSON.parse(read(join(dir, 'package.json'))) as { scripts?: Record<string, string> }).scripts ?? {};

  it.each(PAGES)('every `npm run` in %s names a script that exists, in the workspace it names', (page) => {
    const missing: string[] = [];
    for (const [command, script, workspace] of read(page).matchAll(/npm run ([\w:-]+)(?: -w (@[\w/-]+))?/g)) {
      const dir = workspace ? workspaces.get(workspace) : '.';
      if (!dir) missing.push(`${command}: no workspace ${workspace}`);
      else if (!scriptsOf(dir)[script]) missing.push(`${command}: no script "${script}" in ${join(dir, 'package.json')}`);
    }
    expect(missing).toEqual([]);
  });
});

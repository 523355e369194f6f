import { CONFIG_SCHEMAS, knownVariables, ProcessRole } from '@peduli/config';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

describe('README', () => {
  it('documents every configuration variable of every process in its table', () => {
    const documented = new Set([...readme.matchAll(/^\| `([A-Z0-9_]+)` \|/gm)].map((match) => match[1]));
    const known = new Set((Object.keys(CONFIG_SCHEMAS) as ProcessRole[]).flatMap((role) => knownVariables(role)));
    expect([...known].filter((name) => !documented.has(name))).toEqual([]);
    expect([...documented].filter((name) => !known.has(name))).toEqual([]);
  });

  it('gives exactly the two set-up commands', () => {
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toMatch(/^npm test\b/m);
  });

  it('explains the demo, which the root package runs and CI plays against the system npm start runs', () => {
    const scripts = (JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.demo).toContain('apps/demo/dist/main.js');
    expect(readme).toMatch(/^## A guided tour: `npm run demo`$/m);
    expect(readme).toContain('npm run demo -- --lang en');
    const ci = readFileSync(join(__dirname, '..', '..', '.ci', 'run'), 'utf8');
    expect(ci).toMatch(/^bash scripts\/ci-demo\.sh/m);
    const smoke = readFileSync(join(__dirname, '..', '..', 'scripts', 'ci-demo.sh'), 'utf8');
    expect(smoke).toContain('npm start');
    expect(smoke).toContain('npm run demo');
    expect(smoke).toContain('kill -INT -- "-$START_PID"');
  });
});

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
});

import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { nodeFlagsOf } from '../src/node-flags';

const ROOT = resolve(__dirname, '..', '..', '..');
const APPS = ['api', 'document-worker', 'scoring-worker', 'reminder-worker', 'report-worker'];

/** Every line of a file that starts one of the apps, with where it is. */
function launchLines(file: string): { where: string; line: string; app: string }[] {
  return readFileSync(join(ROOT, file), 'utf8')
    .split('\n')
    .flatMap((line, index) => {
      const app = APPS.find((name) => line.includes(`apps/${name}/dist/main.js`));
      // Comments describe commands; only the commands themselves run.
      return app && !line.trimStart().startsWith('#') ? [{ where: `${file}:${index + 1}`, line, app }] : [];
    });
}

/** The flags that come before the entry point on a launch line, in order. */
function flagsBefore(line: string, app: string): string[] {
  const before = line.slice(0, line.indexOf(`apps/${app}/dist/main.js`));
  return [...before.matchAll(/--[a-z-]+(?:=[^\s",\]]+)?/g)].map((match) => match[0]);
}

describe('the flags Peduli processes are started with', () => {
  const k8s = readdirSync(join(ROOT, 'infra/k8s/base'))
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => `infra/k8s/base/${name}`);
  const lines = ['docker-compose.yml', 'infra/Dockerfile', ...k8s].flatMap(launchLines);

  it('are each app\'s own, the same in docker-compose.yml, the Dockerfile\'s default command and every Kubernetes manifest', () => {
    // Each app is started in compose and in its own manifest.
    expect(new Set(lines.map(({ app }) => app))).toEqual(new Set(APPS));
    expect(lines.filter(({ line, app }) => flagsBefore(line, app).join(' ') !== nodeFlagsOf(app).join(' ')).map(({ where }) => where)).toEqual([]);
  });

  it("are the ones each app's npm start passes", () => {
    for (const app of APPS) {
      const start = (JSON.parse(readFileSync(join(ROOT, 'apps', app, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
      expect({ app, start }).toEqual({ app, start: ['node', ...nodeFlagsOf(app), 'dist/main.js'].join(' ') });
    }
  });
});

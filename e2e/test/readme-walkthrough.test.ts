import { freePort, isPortFree, ManagedProcess, startProcess } from '@peduli/devservices';
import { eventually } from '@peduli/testkit';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './system';

/** The README's walk-through: the shell block between its `<!-- walk-through -->` markers. */
export function walkThrough(readme: string): string {
  const match = /<!-- walk-through -->\n```bash\n([\s\S]*?)```\n<!-- \/walk-through -->/.exec(readme);
  if (!match) throw new Error('README.md has no <!-- walk-through --> shell block');
  return match[1];
}

/** One shell command per entry: continuation lines joined, blank lines dropped. */
export function commandsOf(block: string): string[] {
  return block
    .split(/(?<!\\)\n/)
    .map((command) => command.trim())
    .filter((command) => command && !command.startsWith('#'));
}

async function freePortBlock(): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const base = await freePort();
    if (base > 65000) continue;
    const free = await Promise.all([1, 2, 3, 4].map((offset) => isPortFree(base + offset)));
    if (free.every(Boolean)) return base;
  }
  throw new Error('no block of five free ports found');
}

async function waitForOutput(launcher: ManagedProcess, text: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!launcher.output.some((line) => line.includes(text))) {
    if (!launcher.isRunning()) throw new Error(`npm start exited early:\n${launcher.output.slice(-40).join('\n')}`);
    if (Date.now() > deadline) throw new Error(`"${text}" not printed in time:\n${launcher.output.slice(-40).join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

interface Step {
  command: string;
  rc: number;
  output: string;
}

describe("the README's walk-through, run as written against a fresh npm start", () => {
  let home: string;
  let launcher: ManagedProcess | undefined;

  beforeAll(() => {
    // A reader's checkout: the walk-through runs from its root, where npm start keeps .peduli/dev.
    home = mkdtempSync(join(tmpdir(), 'peduli-readme-'));
    mkdirSync(join(home, '.peduli', 'dev'), { recursive: true });
    // Run as root, the embedded PostgreSQL drops to the postgres user, which must be able to enter every folder above.
    for (const dir of [home, join(home, '.peduli'), join(home, '.peduli', 'dev')]) chmodSync(dir, 0o755);
  });
  afterAll(async () => {
    // How npm start stops is launcher.test.ts's business; here it only has to go away.
    await launcher?.stop(60_000);
    rmSync(home, { recursive: true, force: true });
  });

  it('signs in, files a report, uploads its minutes, submits, and sees it checked, scored and mailed', async () => {
    const port = await freePortBlock();
    // Only PATH and HOME, as on a fresh machine: npm start brings its own PostgreSQL, Redis and SMTP sink.
    launcher = startProcess('npm start', process.execPath, [join(ROOT, 'packages/devservices/dist/cli/start.js')], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, PEDULI_DEV_DIR: join(home, '.peduli', 'dev'), PORT: String(port) },
      cwd: ROOT,
      keepLines: 5000,
    });
    await waitForOutput(launcher, 'Stop with Ctrl-C.');

    // What a reader does: paste the block, putting in the password npm start printed (and the port it runs on).
    const printed = /Dev admin login: +admin@peduli\.local \/ (\S+)/.exec(launcher.output.join('\n'))?.[1];
    expect(printed).toBeDefined();
    const block = walkThrough(readFileSync(join(ROOT, 'README.md'), 'utf8'))
      .replaceAll('<the printed password>', printed!)
      .replaceAll('http://localhost:3000', `http://localhost:${port}`);
    // The docs' one command that needs the running system: exchanging the token for the queue dashboard's cookie.
    const dashboard = /`(curl -X POST -H "authorization: Bearer \$TOKEN" http:\/\/localhost:3000\/admin\/queues\/session)`/.exec(
      readFileSync(join(ROOT, 'docs', 'architecture.md'), 'utf8'),
    )?.[1];
    expect(dashboard).toBeDefined();
    const commands = [...commandsOf(block), dashboard!.replaceAll('http://localhost:3000', `http://localhost:${port}`)];
    const script = [
      ...commands.map((command, index) => `${command}\nprintf '\\n<<<step ${index} rc=%d>>>\\n' $?`),
      `printf '<<<vars>>>\\n%s\\n%s\\n' "$TOKEN" "$ID"`,
    ].join('\n');
    const run = spawnSync('bash', ['-c', script], { cwd: home, encoding: 'utf8', timeout: 90_000 });
    expect(run.status).toBe(0);

    const [stepsText, varsText] = run.stdout.split('<<<vars>>>\n');
    const steps: Step[] = [];
    let rest = stepsText;
    commands.forEach((command, index) => {
      const marker = new RegExp(`\\n<<<step ${index} rc=(\\d+)>>>\\n`).exec(rest);
      if (!marker) throw new Error(`step ${index} (${command}) printed no marker:\n${run.stdout}\n${run.stderr}`);
      steps.push({ command, rc: Number(marker[1]), output: rest.slice(0, marker.index).trim() });
      rest = rest.slice(marker.index + marker[0].length);
    });
    const report = steps.map((step) => `$ ${step.command}\n${step.output} (rc ${step.rc})`).join('\n');

    // Every step succeeds, and no call answers with an error body.
    expect(steps.filter((step) => step.rc !== 0).map((step) => step.command)).toEqual([]);
    const errors = steps.filter((step) => /"statusCode":\s*[45]\d\d/.test(step.output));
    if (errors.length) throw new Error(`a call was refused:\n${report}`);
    const [token, id] = varsText.trim().split('\n');
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

    const json = (fragment: string) => {
      const step = steps.find((candidate) => candidate.command.includes(fragment) && candidate.output.startsWith('{'));
      if (!step) throw new Error(`no step "${fragment}" answered JSON:\n${report}`);
      return JSON.parse(step.output) as Record<string, unknown>;
    };
    expect(json('/evidence')).toMatchObject({ originalName: 'notulen.pdf', documentType: 'NOTULEN' });
    expect(json('/submit')).toMatchObject({ id, status: 'SUBMITTED' });
    const dashboardStep = steps.pop()!;
    // 204 with the dashboard's cookie: no body, where a refusal would carry a message.
    expect(dashboardStep.output).toBe('');
    const final = steps[steps.length - 2];
    expect(final.command).toMatch(/^curl -s \$API\/submissions\/\$ID -H "\$AUTH"/);
    const view = JSON.parse(final.output) as { status: string; documents: { status: string; sniffedMime: string }[]; scores: unknown[] };
    expect(view.status).toBe('IN_REVIEW');
    expect(view.documents.map((document) => [document.status, document.sniffedMime])).toEqual([['ACCEPTED', 'application/pdf']]);
    expect(view.scores).toHaveLength(1);

    // The last step lists the dev mailbox, where the notice that the report was scored arrives.
    expect(steps[steps.length - 1].command).toBe('ls .peduli/dev/mailbox                      # the notice email (.eml)');
    const mailbox = join(home, '.peduli', 'dev', 'mailbox');
    await eventually('the notice in the dev mailbox', async () =>
      readdirSync(mailbox).some((name) => readFileSync(join(mailbox, name), 'utf8').includes('bagian.hukum@balikpapan.go.id')) ? true : undefined,
    );
  });
});

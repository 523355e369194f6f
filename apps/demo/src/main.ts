/**
 * `npm run demo`: a newcomer's tour. While `npm start` runs, plays one reporting period end to end against the real
 * API over HTTP, as the seeded people of Kota Balikpapan and Kota Jayapura, and tells the story in the terminal. Exits
 * non-zero with the reason as soon as anything does not behave as told, so it doubles as an end-to-end smoke test.
 */
import { join } from 'node:path';
import type { Demo } from './context';
import { readCredentials } from './credentials';
import { DemoFailure } from './failure';
import { Api } from './http';
import { Mailbox } from './mailbox';
import { Options, parseOptions, USAGE, UsageError } from './options';
import { STEPS } from './steps';
import { Story } from './story';
import { wrap } from './table';
import { duration } from './time';

async function play(options: Options): Promise<number> {
  const story = new Story(process.stdout, options.lang, options.colour, STEPS.length);
  const startedAt = new Date();
  story.banner(
    story.t('Peduli: satu periode pelaporan dari awal sampai akhir', 'Peduli: one reporting period, end to end'),
    story.t(
      'Unit di Kota Balikpapan (WITA) dan Kota Jayapura (WIT) melaporkan aksi HAM (RANHAM): data dukung diperiksa, laporan ditinjau dan diverifikasi, skor dihitung dan dihitung ulang, dan unit yang terlambat diingatkan. Sekitar empat menit.',
      'Units in Kota Balikpapan (WITA) and Kota Jayapura (WIT) report on human-rights actions (RANHAM): evidence is checked, reports reviewed and verified, scores computed and recomputed, and the late unit reminded. About four minutes.',
    ),
  );
  try {
    const demo: Demo = {
      options,
      story,
      api: new Api(options.apiUrl, options.lang),
      mailbox: new Mailbox(join(options.devDir, 'mailbox')),
      credentials: readCredentials(options.devDir, process.env, options.lang),
      startedAt,
      people: {},
      state: {},
    };
    for (const step of STEPS) {
      story.step(story.t(step.title.id, step.title.en));
      await step.run(demo);
    }
    story.line();
    story.line(story.colours.green(story.colours.bold(story.t(`  ✓ Peragaan selesai dalam ${duration(Date.now() - startedAt.getTime())}.`, `  ✓ The demo completed in ${duration(Date.now() - startedAt.getTime())}.`))));
    return 0;
  } catch (error) {
    const failure = error instanceof DemoFailure ? error : new DemoFailure(error instanceof Error ? (error.stack ?? error.message) : String(error));
    story.line();
    const where = story.currentStep > 0 ? story.t(`Langkah ${story.currentStep} gagal`, `Step ${story.currentStep} failed`) : story.t('Peragaan tidak dapat dimulai', 'The demo could not start');
    const [first, ...rest] = wrap(`${where}: ${failure.message}`, story.width, 4);
    story.line(story.colours.red(story.colours.bold(`  ✗ ${first.trimStart()}`)));
    for (const line of rest) story.line(story.colours.red(story.colours.bold(line)));
    for (const detail of failure.details) for (const line of wrap(detail, story.width, 4)) story.line(story.colours.red(line));
    story.line(story.colours.dim(story.t(`    (setelah ${duration(Date.now() - startedAt.getTime())})`, `    (after ${duration(Date.now() - startedAt.getTime())})`)));
    return 1;
  }
}

async function main(): Promise<void> {
  let options: Options;
  try {
    options = parseOptions(process.argv.slice(2), process.env, process.stdout.isTTY === true);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`npm run demo: ${error.message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  process.exitCode = await play(options);
}

void main();

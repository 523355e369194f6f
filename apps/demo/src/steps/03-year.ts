import type { CreatedCycle, CycleView, FrameworkFile, RanhamAction, RanhamContent, VersionSummary } from '../api';
import { RanhamMeasureAnswerType } from '@peduli/domain';
import { DEMO_FRAMEWORK_CODE, LEVEL, REPORTER_LEVELS } from '../cast';
import { person, t } from '../context';
import { DemoFailure, expectThat } from '../failure';
import { itemsOf } from '../http';
import { localParts, ZONES } from '../time';
import type { Step } from './step';

const SEEDED_RANHAM = 'RANHAM_PERPRES_53_2021';

/**
 * The demo's own actions keep the first numbered measure of each period, coded by the demo's action code, answered as
 * a percentage (a yes counts 100) and asking for no documents: its story tells one answer per action and the documents
 * it uploads. Several measures per period with their required documents are in the seeded version it copies.
 */
function oneMeasurePerPeriod(action: RanhamAction, code: string): RanhamAction['successMeasures'] {
  const periods = [...new Set(action.successMeasures.map((measure) => measure.periodCode))];
  return periods.map((periodCode) => {
    const first = action.successMeasures.find((measure) => measure.periodCode === periodCode)!;
    return { periodCode, measure: first.measure, code: `${code}.${periodCode}.1`, answerType: RanhamMeasureAnswerType.PERCENT, requiredDocuments: [] };
  });
}

/** The latest year from 2100 down that no cycle of either programme uses: every run gets a year, and a period, of its own. */
function freeYear(taken: ReadonlySet<number>): number | null {
  for (let year = 2100; year >= 2030; year--) if (!taken.has(year)) return year;
  return null;
}

/**
 * A reporting year of the demo's own, so that running it again starts clean: a RANHAM framework file with this year's
 * actions is imported and published (as an admin loads the official list), and a cycle for the year pins it.
 */
export const yearStep: Step = {
  title: { id: 'Tahun pelaporan milik peragaan', en: 'A reporting year of the demo’s own' },
  async run(demo) {
    const { story } = demo;
    const admin = person(demo, 'admin').session;
    story.say(
      t(
        demo,
        'RANHAM dilaporkan per siklus (satu per tahun) yang mengunci satu versi kerangka: aksi HAM tahun itu beserta ukuran keberhasilan tiap periode, bobot, dan target per tingkat pelapor. Agar bisa diulang, peragaan membuat tahunnya sendiri.',
        'RANHAM is reported per cycle (one per year) that pins one framework version: the year’s human-rights actions with a success measure per period, the weights, and a target per reporter level. To be repeatable, the demo makes a year of its own.',
      ),
    );
    const cycles = [...itemsOf(await admin.get<CycleView[]>('/cycles?programme=RANHAM')), ...itemsOf(await admin.get<CycleView[]>('/cycles?programme=KKP_HAM'))];
    const year = freeYear(new Set(cycles.map((cycle) => cycle.year)));
    if (year === null) {
      throw new DemoFailure(t(demo, 'Tidak ada tahun kosong 2030-2100 lagi: mulai dari basis data kosong (rm -rf .peduli/dev).', 'No free year 2030-2100 left: start from an empty database (rm -rf .peduli/dev).'));
    }

    const versions = itemsOf(await admin.get<VersionSummary[]>(`/frameworks/versions?programme=RANHAM&frameworkCode=${SEEDED_RANHAM}`));
    const source = versions.filter((version) => version.status === 'PUBLISHED').sort((a, b) => b.version - a.version)[0];
    expectThat(source, t(demo, `Versi ${SEEDED_RANHAM} yang terbit tidak ada: apakah seed sudah berjalan?`, `No published ${SEEDED_RANHAM} version: has the seed run?`));
    const file = await admin.get<FrameworkFile<RanhamContent>>(`/frameworks/versions/${source.id}/export?format=json`);
    const sourceYear = Math.max(...file.content.actions.filter((action) => action.reporterLevels.includes(LEVEL)).map((action) => action.year));
    const template = file.content.actions.filter((action) => action.year === sourceYear && action.reporterLevels.includes(LEVEL));
    const actions: RanhamAction[] = template.map((action, index) => {
      const code = `AKSI-${year}-${String(index + 1).padStart(2, '0')}`;
      // Every reporter level, so that a ministry and a province report the same actions as the city (step 10).
      return { ...action, year, code, reporterLevels: [...REPORTER_LEVELS], successMeasures: oneMeasurePerPeriod(action, code) };
    });
    const label = `Peragaan Peduli: ${file.label.split(' — ')[0]} + aksi ${year}`;
    const imported = await admin.call<VersionSummary>('POST', '/frameworks/imports', {
      body: JSON.stringify({ ...file, frameworkCode: DEMO_FRAMEWORK_CODE, label, content: { ...file.content, actions: [...file.content.actions, ...actions] } }),
      contentType: 'application/json',
    });
    const draft = imported.body;
    story.ok(
      t(
        demo,
        `Berkas kerangka (JSON) diimpor sebagai DRAFT ${draft.frameworkCode} versi ${draft.version}: salinan ${SEEDED_RANHAM} v${source.version} dengan ${actions.length} aksi tahun ${year} untuk setiap tingkat pelapor (${REPORTER_LEVELS.join(', ')}).`,
        `Framework file (JSON) imported as DRAFT ${draft.frameworkCode} version ${draft.version}: a copy of ${SEEDED_RANHAM} v${source.version} with ${actions.length} actions for ${year} at every reporter level (${REPORTER_LEVELS.join(', ')}).`,
      ),
    );
    const published = await admin.post<VersionSummary>(`/frameworks/versions/${draft.id}/publish`, {});
    expectThat(published.status === 'PUBLISHED', `publish: status ${published.status}`);
    story.ok(t(demo, `Diterbitkan (PUBLISHED): sejak kini versi itu beku.`, `Published: from now on the version is frozen.`));

    const stamp = localParts(new Date(), ZONES.WITA);
    const cycleLabel = `Peragaan ${stamp.date} ${stamp.time} WITA (RANHAM ${year})`;
    const created = await admin.post<CreatedCycle>('/cycles', { programme: 'RANHAM', year, label: cycleLabel, frameworkVersionId: published.id });
    story.ok(t(demo, `Siklus "${cycleLabel}" dibuka, mengunci ${draft.frameworkCode} v${draft.version}.`, `Cycle "${cycleLabel}" opened, pinning ${draft.frameworkCode} v${draft.version}.`));

    const nowMonth = localParts(new Date(), ZONES.WITA).month;
    const period = file.content.rules.periods.find((candidate) => candidate.fromMonth <= nowMonth && nowMonth <= candidate.toMonth) ?? file.content.rules.periods[0];
    Object.assign(demo.state, {
      year,
      frameworkCode: draft.frameworkCode,
      versionId: published.id,
      versionLabel: `${draft.frameworkCode} v${draft.version}`,
      cycleId: created.cycle.id,
      cycleLabel,
      periodCode: period.code,
      periodKey: `${year}-${period.code}`,
      weights: { substance: file.content.rules.substanceWeight, administration: file.content.rules.administrationWeight },
      target: file.content.rules.targets[LEVEL],
      targets: { ...file.content.rules.targets },
      actions: actions.map((action) => ({ code: action.code, title: action.title, measure: action.successMeasures.find((m) => m.periodCode === period.code)?.measure ?? '' })),
    });
    story.table(
      [t(demo, 'Aksi', 'Action'), t(demo, 'Kelompok sasaran', 'Target group'), t(demo, `Ukuran keberhasilan ${period.code}`, `Success measure ${period.code}`)],
      actions.map((action) => [action.code, action.targetGroupCode, action.successMeasures.find((m) => m.periodCode === period.code)?.measure ?? '']),
    );
    story.pairs([
      [t(demo, 'Periode', 'Period'), `${year}-${period.code} (${t(demo, 'bulan', 'months')} ${period.fromMonth}-${period.toMonth})`],
      [t(demo, 'Skor periode', 'Period score'), `${file.content.rules.substanceWeight}% ${t(demo, 'substansi', 'substance')} + ${file.content.rules.administrationWeight}% ${t(demo, 'administrasi', 'administration')}`],
      [
        t(demo, 'Target per tingkat', 'Target per level'),
        REPORTER_LEVELS.map((level) => `${level} ${file.content.rules.targets[level]}`).join(' · '),
      ],
    ]);
  },
};

import type { CompiledView, ScoreView, SubmissionView } from '../api';
import { Answer, ANSWERS } from '../cast';
import { Demo, fact, person, PersonKey, t } from '../context';
import { expectThat } from '../failure';
import { itemsOf } from '../http';
import { actionNumbers, answersFor } from './05-report';
import { statusOf, waitForChecks } from './06-checks';
import { approve } from './08-review';
import { expectedScore, Explained, formatNumber, waitForScores } from './09-scores';
import type { Step } from './step';

/** A RANHAM reporter other than a regency/city: who files the unit's input, who approves it, and who compiles. */
interface Reporter {
  name: string;
  unitName: string;
  level: 'KL' | 'PROVINCE';
  operator: PersonKey;
  head: PersonKey;
  coordinator: PersonKey;
  answers: readonly Answer[];
  /** The review stages of the compiled report after the coordinator's approval, up to the centre. */
  chain: PersonKey[];
}

const REPORTERS: Readonly<Record<'ministry' | 'province', Reporter>> = {
  ministry: {
    name: 'Kementerian Kesehatan',
    unitName: 'Ditjen Kesehatan Primer dan Komunitas',
    level: 'KL',
    operator: 'kesprimerOperator',
    head: 'kesprimerHead',
    coordinator: 'kemenkesCoordinator',
    answers: ANSWERS.kemenkes,
    // A ministry's report goes from its coordinator straight to the centre: no Kanwil reviews a K/L report.
    chain: ['central'],
  },
  province: {
    name: 'Provinsi Kalimantan Timur',
    unitName: 'Dinkes Provinsi Kaltim',
    level: 'PROVINCE',
    operator: 'dinkesKaltimOperator',
    head: 'dinkesKaltimHead',
    coordinator: 'kaltimCoordinator',
    answers: ANSWERS.kaltim,
    chain: ['kanwil', 'central'],
  },
};

/** The stage a report waits at once `who` is the next to act on it. */
const STAGE_OF: Partial<Record<PersonKey, string>> = { kanwil: 'KANWIL', central: 'CENTRAL' };

/** The unit files its input for the demo's period, naming its unit as the organisation (no regency/city). */
async function fileInput(demo: Demo, reporter: Reporter): Promise<SubmissionView> {
  const operator = person(demo, reporter.operator);
  const input = await operator.session.post<SubmissionView>('/submissions', {
    programme: 'RANHAM',
    periodKey: fact(demo, 'periodKey'),
    organisationId: operator.organisationId,
    answers: answersFor(demo, reporter.answers),
    contactEmail: operator.email,
  });
  await operator.session.post(`/submissions/${input.id}/submit`);
  return input;
}

/** The coordinator compiles the reporter's one report from the approved input and submits it. */
async function compileReport(demo: Demo, reporter: Reporter, input: SubmissionView): Promise<CompiledView> {
  const coordinator = person(demo, reporter.coordinator);
  const compiled = await coordinator.session.post<CompiledView>('/submissions/compile', {
    programme: 'RANHAM',
    periodKey: fact(demo, 'periodKey'),
    organisationId: coordinator.organisationId,
  });
  expectThat(
    compiled.compiledFrom.some((entry) => entry.submissionId === input.id),
    `${reporter.name}: the compiled report does not come from the ${reporter.unitName} input`,
    [JSON.stringify(compiled.compiledFrom)],
  );
  expectThat(compiled.reporterLevel === reporter.level, `${reporter.name}: the compiled report counts at ${compiled.reporterLevel}, expected ${reporter.level}`);
  await coordinator.session.post(`/submissions/${compiled.id}/submit`);
  demo.story.ok(
    t(
      demo,
      `${reporter.name}: koordinator menghimpun jawaban aksi ${actionNumbers(Object.keys(compiled.answers))} dari masukan ${reporter.unitName} (tingkat ${compiled.reporterLevel}) dan mengirimnya.`,
      `${reporter.name}: the coordinator compiles the answers for actions ${actionNumbers(Object.keys(compiled.answers))} from the ${reporter.unitName} input (level ${compiled.reporterLevel}) and submits it.`,
    ),
  );
  return compiled;
}

/** The report's current score, found by its reporter organisation, and its explanation (level and target). */
async function scoreOf(demo: Demo, organisationId: string, submissionId: string): Promise<Explained> {
  const central = person(demo, 'central').session;
  const scores = itemsOf(await central.get<ScoreView[] | { items: ScoreView[] }>(`/scores?cycleId=${fact(demo, 'cycleId')}&organisationId=${organisationId}`));
  const score = scores.find((candidate) => candidate.submissionId === submissionId);
  expectThat(score, `GET /scores?organisationId=${organisationId} lists no current score for the verified report`, [JSON.stringify(scores)]);
  return central.get<Explained>(`/scores/${score.id}/explain`);
}

/**
 * RANHAM is reported by ministries and provinces too, each at its own level and target. A Kemenkes directorate and a
 * Kaltim province OPD file their inputs for the same period (the ministry's deadline falls in WIB, later than
 * Jayapura's, so it is still open); their heads and coordinators approve; each coordinator compiles its reporter's
 * one report and approves it. The ministry's goes straight to the centre (the Kanwil does not even see it), the
 * province's through the Kanwil. Both are scored against their level's target.
 */
export const reportersStep: Step = {
  title: { id: 'Kementerian dan provinsi melapor', en: 'A ministry and a province report' },
  async run(demo) {
    const { story } = demo;
    const targets = fact(demo, 'targets');
    const weights = fact(demo, 'weights');
    story.say(
      t(
        demo,
        'Pelapor RANHAM bukan hanya kabupaten/kota: kementerian/lembaga (K/L) menghimpun masukan direktoratnya, provinsi menghimpun masukan OPD-nya lewat Biro Hukum. Rantainya sama (unit → kepala unit → koordinator, lalu laporan pelapor), hanya laporan K/L tidak melewati Kanwil.',
        'Regencies and cities are not the only RANHAM reporters: a ministry (K/L) compiles its directorates’ inputs, a province its OPD’s through its Biro Hukum. The chain is the same (unit → unit head → coordinator, then the reporter’s report), except that a K/L report does not pass the Kanwil.',
      ),
    );
    const { ministry, province } = REPORTERS;
    const inputs = { ministry: await fileInput(demo, ministry), province: await fileInput(demo, province) };
    const checked = await waitForChecks(demo, t(demo, 'document-worker memeriksa masukan direktorat dan OPD provinsi', 'document-worker checks the directorate’s and the province OPD’s inputs'), [
      { id: inputs.ministry.id, who: ministry.operator, name: ministry.unitName },
      { id: inputs.province.id, who: province.operator, name: province.unitName },
    ]);
    for (const key of ['ministry', 'province'] as const) {
      const reporter = REPORTERS[key];
      statusOf(demo, checked, inputs[key].id, 'IN_REVIEW', `${reporter.unitName} RANHAM`);
      await approve(demo, reporter.head, inputs[key].id, reporter.unitName, { status: 'IN_REVIEW', stage: 'COORDINATOR' });
      await approve(demo, reporter.coordinator, inputs[key].id, reporter.unitName, { status: 'VERIFIED' });
    }

    const reports = { ministry: await compileReport(demo, ministry, inputs.ministry), province: await compileReport(demo, province, inputs.province) };
    const seen = await waitForChecks(demo, t(demo, 'document-worker memeriksa laporan kementerian dan provinsi', 'document-worker checks the ministry’s and the province’s reports'), [
      { id: reports.ministry.id, who: ministry.coordinator, name: ministry.name },
      { id: reports.province.id, who: province.coordinator, name: province.name },
    ]);
    for (const key of ['ministry', 'province'] as const) {
      const reporter = REPORTERS[key];
      const id = reports[key].id;
      statusOf(demo, seen, id, 'IN_REVIEW', `${reporter.name} RANHAM`);
      await approve(demo, reporter.coordinator, id, reporter.name, { status: 'IN_REVIEW', stage: STAGE_OF[reporter.chain[0]] });
      if (key === 'ministry') {
        const kanwil = person(demo, 'kanwil');
        const hidden = await kanwil.session.api.call('GET', `/submissions/${id}`, { token: kanwil.session.token, expect: [404] });
        story.ok(
          t(
            demo,
            `Kanwil membuka laporan kementerian: HTTP ${hidden.status}, di luar cakupannya (laporan K/L langsung ke pusat).`,
            `The Kanwil opens the ministry’s report: HTTP ${hidden.status}, outside its scope (a K/L report goes straight to the centre).`,
          ),
        );
      }
      for (const [index, who] of reporter.chain.entries()) {
        const next = reporter.chain[index + 1];
        await approve(demo, who, id, reporter.name, next ? { status: 'IN_REVIEW', stage: STAGE_OF[next] } : { status: 'VERIFIED' });
      }
    }
    demo.state.reporters = {
      ministry: { id: reports.ministry.id, organisationId: reports.ministry.organisationId!, name: ministry.name },
      province: { id: reports.province.id, organisationId: reports.province.organisationId!, name: province.name },
    };

    await waitForScores(demo, person(demo, 'central').session, t(demo, 'scoring-worker memberi skor kedua laporan', 'scoring-worker scores both reports'), [reports.ministry.id, reports.province.id]);
    const rows: (string | number)[][] = [];
    const totals: Record<string, number> = {};
    for (const key of ['ministry', 'province'] as const) {
      const reporter = REPORTERS[key];
      const explained = await scoreOf(demo, reports[key].organisationId!, reports[key].id);
      const { breakdown } = explained;
      const expected = expectedScore(reporter.answers, weights);
      const band = expected >= targets[reporter.level] ? 'MEMENUHI_TARGET' : 'BELUM_MEMENUHI_TARGET';
      expectThat(
        breakdown.level === reporter.level && breakdown.target === targets[reporter.level],
        `${reporter.name}: scored at ${breakdown.level} against ${breakdown.target}, expected ${reporter.level} against ${targets[reporter.level]}`,
      );
      expectThat(Math.abs(explained.total - expected) < 0.011, `${reporter.name} total ${explained.total}, the rule gives ${expected}`);
      expectThat(explained.band === band, `${reporter.name}: standing ${explained.band}, the rule gives ${band}`);
      totals[key] = explained.total;
      rows.push([reporter.name, breakdown.level, formatNumber(explained.total, demo), breakdown.target, explained.band]);
    }
    const city = fact(demo, 'scores').city;
    rows.push(['Kota Balikpapan', 'KABKOTA', formatNumber(city, demo), fact(demo, 'target'), city >= fact(demo, 'target') ? 'MEMENUHI_TARGET' : 'BELUM_MEMENUHI_TARGET']);
    story.table([t(demo, 'Pelapor', 'Reporter'), t(demo, 'Tingkat', 'Level'), t(demo, 'Skor', 'Score'), t(demo, 'Target', 'Target'), t(demo, 'Kategori', 'Standing')], rows);
    story.note(
      t(
        demo,
        'Aksi yang sama, aturan yang sama; yang berbeda hanya target tiap tingkat (K/L 75, provinsi 65, kab/kota 60 dalam kerangka contoh).',
        'The same actions and the same rule; only each level’s target differs (K/L 75, province 65, regency/city 60 in the sample framework).',
      ),
    );
    demo.state.scores = { city, ministry: totals.ministry, province: totals.province };
  },
};

import type { RanhamBreakdown, ScoreView, SubmissionView } from '../api';
import { ANSWERS, BALIKPAPAN, VERIFIED_FOURTH } from '../cast';
import { Demo, fact, person, t } from '../context';
import { expectThat } from '../failure';
import { itemsOf } from '../http';
import { measureCodeOf } from './05-report';
import type { Step } from './step';

/**
 * The period score the rule gives, worked out here from the answers to cross-check the scoring worker: substance is
 * the mean achievement over the year's actions (yes 100, no 0, or the percentage), administration the share reported.
 */
export function expectedScore(values: readonly (boolean | number | null)[], weights: { substance: number; administration: number }): number {
  const achievements = values.map((value) => (value === true ? 100 : value === false || value === null ? 0 : value));
  const substance = achievements.reduce((sum, value) => sum + value, 0) / values.length;
  const administration = (values.filter((value) => value !== null).length * 100) / values.length;
  return Math.round(((substance * weights.substance + administration * weights.administration) / 100) * 100) / 100;
}

export function formatNumber(value: number, demo: Demo): string {
  return value.toLocaleString(demo.options.lang === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 2 });
}

/**
 * The scoring worker scores each verified report under the cycle's version: a snapshot stamped with the version and a
 * hash of its inputs. The scores list and one score's breakdown (/explain): every action's achievement and whether
 * the unit's or the verified value counted, substance, administration, total and standing against the target.
 */
export const scoresStep: Step = {
  title: { id: 'Skor, rinciannya dan kategorinya', en: 'Scores, their breakdown and their bands' },
  async run(demo) {
    const { story } = demo;
    const submissions = fact(demo, 'submissions');
    const actions = fact(demo, 'actions');
    const weights = fact(demo, 'weights');
    const coordinator = person(demo, 'coordinator').session;

    await story.waitFor(
      t(demo, 'scoring-worker memberi skor kedua laporan yang terverifikasi', 'scoring-worker scores both verified reports'),
      async () => {
        const states = await Promise.all([submissions.dinkes, submissions.disdikbud].map((id) => coordinator.get<SubmissionView>(`/submissions/${id}`)));
        const done = states.filter((state) => state.status === 'SCORED').length;
        return { value: done === 2 ? true : undefined, status: { done, total: 2, text: states.map((state) => state.status).join(', ') } };
      },
      { timeoutMs: 60_000 },
    );
    const scores = itemsOf(await coordinator.get<ScoreView[] | { items: ScoreView[] }>(`/scores?cycleId=${fact(demo, 'cycleId')}&regionCode=${BALIKPAPAN}`));
    const dinkes = scores.find((score) => score.submissionId === submissions.dinkes);
    const disdikbud = scores.find((score) => score.submissionId === submissions.disdikbud);
    expectThat(dinkes && disdikbud, 'GET /scores lists no current score for a verified report', [JSON.stringify(scores)]);

    const dinkesValues = ANSWERS.dinkes.map((value, index) => (index === 3 ? VERIFIED_FOURTH : value));
    const expected = { dinkes: expectedScore(dinkesValues, weights), disdikbud: expectedScore(ANSWERS.disdikbud, weights) };
    expectThat(Math.abs(dinkes.total - expected.dinkes) < 0.011, `Dinkes total ${dinkes.total}, the rule gives ${expected.dinkes}`);
    expectThat(Math.abs(disdikbud.total - expected.disdikbud) < 0.011, `Disdikbud total ${disdikbud.total}, the rule gives ${expected.disdikbud}`);
    demo.state.scores = { dinkes: dinkes.total, disdikbud: disdikbud.total };
    story.table(
      [t(demo, 'Unit', 'Unit'), t(demo, 'Skor', 'Score'), t(demo, 'Kategori', 'Band'), t(demo, 'Target', 'Target'), t(demo, 'Dasar', 'Basis'), t(demo, 'Versi', 'Version')],
      [
        ['Dinkes Balikpapan', dinkes.total, dinkes.band, fact(demo, 'target'), dinkes.basis, dinkes.frameworkVersion],
        ['Disdikbud Balikpapan', disdikbud.total, disdikbud.band, fact(demo, 'target'), disdikbud.basis, disdikbud.frameworkVersion],
      ],
    );

    const explained = await coordinator.get<ScoreView & { breakdown: RanhamBreakdown; inputHash: string }>(`/scores/${dinkes.id}/explain`);
    const breakdown = explained.breakdown;
    story.section(t(demo, `Rincian skor Dinkes (GET /scores/${dinkes.id.slice(0, 8)}…/explain):`, `The Dinkes score explained (GET /scores/${dinkes.id.slice(0, 8)}…/explain):`));
    story.table(
      [t(demo, 'Aksi', 'Action'), t(demo, 'Ukuran keberhasilan', 'Success measure'), t(demo, 'Nilai dihitung', 'Value counted'), t(demo, 'Capaian', 'Achievement'), 'Status'],
      breakdown.actions.map((action) => {
        const verified = breakdown.sources[measureCodeOf(demo, action)] === 'VERIFIED';
        const index = actions.findIndex((candidate) => candidate.code === action.code);
        const value: boolean | number | null = verified ? VERIFIED_FOURTH : index >= 0 ? ANSWERS.dinkes[index] : null;
        const shown = value === true ? t(demo, 'ya', 'yes') : value === false ? t(demo, 'tidak', 'no') : value === null ? '–' : `${value}%`;
        return [action.code, action.measure, `${shown} (${verified ? t(demo, 'terverifikasi', 'verified') : t(demo, 'isian unit', 'unit’s own')})`, action.achievement, action.status];
      }),
    );
    story.pairs([
      [t(demo, 'Substansi', 'Substance'), `${formatNumber(breakdown.substance, demo)} (${t(demo, 'rata-rata capaian', 'mean achievement')})`],
      [t(demo, 'Administrasi', 'Administration'), `${formatNumber(breakdown.administration, demo)} (${t(demo, 'aksi yang dilaporkan', 'actions reported')})`],
      [
        t(demo, 'Total', 'Total'),
        `${formatNumber(breakdown.substance, demo)} × ${weights.substance}% + ${formatNumber(breakdown.administration, demo)} × ${weights.administration}% = ${formatNumber(breakdown.total, demo)} → ${breakdown.band} (target ${breakdown.target})`,
      ],
      [t(demo, 'Sidik input', 'Input hash'), `${explained.inputHash.slice(0, 16)}… (${t(demo, 'input sama tidak pernah membuat snapshot kedua', 'the same inputs never make a second snapshot')})`],
    ]);
    expectThat(breakdown.sources[measureCodeOf(demo, actions[3])] === 'VERIFIED', 'explain: the verified value did not count');
  },
};

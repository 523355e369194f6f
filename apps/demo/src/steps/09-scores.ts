import type { RanhamBreakdown, ScoreView, SubmissionView } from '../api';
import type { Session } from '../http';
import { ANSWERS, BALIKPAPAN, compiledAnswers, LEVEL, VERIFIED_ACTION, VERIFIED_FOURTH } from '../cast';
import { Demo, fact, person, t } from '../context';
import { expectThat } from '../failure';
import { itemsOf } from '../http';
import { measureCodeOf } from './05-report';
import type { Step } from './step';

/**
 * The period score the rule gives, worked out here from the answers to cross-check the scoring worker: substance is
 * the mean achievement over the level's actions (yes 100, no 0, or the percentage); administration is formal
 * completeness per measure, and a measure asking for no documents (as the demo's do) is complete once answered with a
 * value of its type, so it is the share of actions answered.
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

/** What the city's compiled report counts per action: each unit's own answers, the Kanwil's verified value instead of one. */
export function cityValues(): (boolean | number | null)[] {
  return compiledAnswers(ANSWERS.dinkes, ANSWERS.disdikbud).map((value, index) => (index === VERIFIED_ACTION ? VERIFIED_FOURTH : value));
}

/** Waits until the scoring worker has scored each report (SCORED). */
export async function waitForScores(demo: Demo, session: Session, label: string, ids: readonly string[]): Promise<void> {
  await demo.story.waitFor(
    label,
    async () => {
      const states = await Promise.all(ids.map((id) => session.get<SubmissionView>(`/submissions/${id}`)));
      const done = states.filter((state) => state.status === 'SCORED').length;
      return { value: done === ids.length ? true : undefined, status: { done, total: ids.length, text: states.map((state) => state.status).join(', ') } };
    },
    { timeoutMs: 60_000 },
  );
}

/** A score's explanation: the breakdown per action and the level and target it was measured at. */
export type Explained = ScoreView & { breakdown: RanhamBreakdown; inputHash: string };

/**
 * The scoring worker scores the city's verified report (never its units' inputs) under the cycle's version, at its
 * reporter level: a snapshot stamped with the version and a hash of its inputs. The scores list and the breakdown
 * (/explain): every action's achievement, which unit answered it and whether its own or the verified value counted,
 * substance, administration, total and standing against the KABKOTA target.
 */
export const scoresStep: Step = {
  title: { id: 'Skor laporan kota, rinciannya dan kategorinya', en: 'The city report’s score, its breakdown and its standing' },
  async run(demo) {
    const { story } = demo;
    const submissions = fact(demo, 'submissions');
    const actions = fact(demo, 'actions');
    const weights = fact(demo, 'weights');
    const sources = fact(demo, 'cityMeasureSources');
    const coordinator = person(demo, 'coordinator').session;

    await waitForScores(demo, coordinator, t(demo, 'scoring-worker memberi skor laporan kota yang terverifikasi', 'scoring-worker scores the city’s verified report'), [submissions.city]);
    const scores = itemsOf(await coordinator.get<ScoreView[] | { items: ScoreView[] }>(`/scores?cycleId=${fact(demo, 'cycleId')}&regionCode=${BALIKPAPAN}`));
    const city = scores.find((score) => score.submissionId === submissions.city);
    expectThat(city, 'GET /scores lists no current score for the city’s verified report', [JSON.stringify(scores)]);
    const unitScores = scores.filter((score) => score.submissionId === submissions.dinkes || score.submissionId === submissions.disdikbud);
    expectThat(unitScores.length === 0, t(demo, 'Masukan unit tidak boleh diberi skor', 'A unit’s input must not be scored'), [JSON.stringify(unitScores)]);

    const values = cityValues();
    const expected = expectedScore(values, weights);
    expectThat(Math.abs(city.total - expected) < 0.011, `Kota Balikpapan total ${city.total}, the rule gives ${expected}`);
    const explained = await coordinator.get<Explained>(`/scores/${city.id}/explain`);
    const breakdown = explained.breakdown;
    expectThat(
      breakdown.level === LEVEL && breakdown.target === fact(demo, 'target'),
      `Kota Balikpapan: scored at ${breakdown.level} against ${breakdown.target}, expected ${LEVEL} against ${fact(demo, 'target')}`,
    );
    const band = expected >= fact(demo, 'target') ? 'MEMENUHI_TARGET' : 'BELUM_MEMENUHI_TARGET';
    expectThat(city.band === band, `Kota Balikpapan: band ${city.band}, the rule gives ${band}`);
    demo.state.scores = { ...demo.state.scores, city: city.total } as { city: number; ministry: number; province: number };
    story.table(
      [t(demo, 'Pelapor', 'Reporter'), t(demo, 'Tingkat', 'Level'), t(demo, 'Skor', 'Score'), t(demo, 'Kategori', 'Standing'), t(demo, 'Target', 'Target'), t(demo, 'Dasar', 'Basis'), t(demo, 'Versi', 'Version')],
      [['Kota Balikpapan', breakdown.level, city.total, city.band, breakdown.target, city.basis, city.frameworkVersion]],
    );

    story.section(t(demo, `Rincian skor kota (GET /scores/${city.id.slice(0, 8)}…/explain):`, `The city’s score explained (GET /scores/${city.id.slice(0, 8)}…/explain):`));
    story.table(
      [t(demo, 'Aksi', 'Action'), t(demo, 'Dari', 'From'), t(demo, 'Nilai dihitung', 'Value counted'), t(demo, 'Capaian', 'Achievement'), t(demo, 'Administrasi', 'Administration'), 'Status'],
      breakdown.actions.map((action) => {
        const code = measureCodeOf(demo, action);
        const verified = breakdown.sources[code] === 'VERIFIED';
        const index = actions.findIndex((candidate) => candidate.code === action.code);
        const value = index >= 0 ? values[index] : null;
        const shown = value === true ? t(demo, 'ya', 'yes') : value === false ? t(demo, 'tidak', 'no') : value === null ? '–' : `${value}%`;
        const basis = value === null ? '' : ` (${verified ? t(demo, 'terverifikasi', 'verified') : t(demo, 'isian unit', 'unit’s own')})`;
        return [action.code, sources.get(code) ?? '–', `${shown}${basis}`, formatNumber(action.achievement, demo), formatNumber(action.administration, demo), action.status];
      }),
    );
    story.pairs([
      [t(demo, 'Substansi', 'Substance'), `${formatNumber(breakdown.substance, demo)} (${t(demo, 'rata-rata capaian', 'mean achievement')})`],
      [
        t(demo, 'Administrasi', 'Administration'),
        `${formatNumber(breakdown.administration, demo)} (${t(demo, 'kelengkapan formal per ukuran: tanpa aturan dokumen, lengkap bila dijawab', 'formal completeness per measure: with no document rules, complete once answered')})`,
      ],
      [
        t(demo, 'Total', 'Total'),
        `${formatNumber(breakdown.substance, demo)} × ${weights.substance}% + ${formatNumber(breakdown.administration, demo)} × ${weights.administration}% = ${formatNumber(breakdown.total, demo)} → ${breakdown.band} (${breakdown.level}, target ${breakdown.target})`,
      ],
      [t(demo, 'Sidik input', 'Input hash'), `${explained.inputHash.slice(0, 16)}… (${t(demo, 'input sama tidak pernah membuat snapshot kedua', 'the same inputs never make a second snapshot')})`],
    ]);
    expectThat(breakdown.sources[measureCodeOf(demo, actions[VERIFIED_ACTION])] === 'VERIFIED', 'explain: the verified value did not count');
    story.note(
      t(
        demo,
        'Masukan Dinkes dan Disdikbud sendiri tidak punya skor: GET /scores hanya memuat laporan kota.',
        'The Dinkes and Disdikbud inputs themselves have no score: GET /scores lists only the city’s report.',
      ),
    );
  },
};

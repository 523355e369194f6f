import type { RanhamContent, RunReport, VersionDetail, VersionSummary } from '../api';
import { LEVEL, NEW_TARGET } from '../cast';
import { fact, person, t } from '../context';
import { expectThat } from '../failure';
import type { Step } from './step';

/**
 * The rules change: a new version moves the regency/city target (the edge between MEMENUHI_TARGET and
 * BELUM_MEMENUHI_TARGET) and is published into the cycle. The scoring worker recalculates every report of the cycle
 * (the city's, the ministry's and the province's) as a BullMQ flow (one child per report) and reports whose band
 * changed: the city's only, since the other levels' targets stay; the old snapshots stay.
 */
export const frameworkChangeStep: Step = {
  title: { id: 'Versi kerangka baru dan perhitungan ulang', en: 'A changed framework version, and the recalculation' },
  async run(demo) {
    const { story } = demo;
    const admin = person(demo, 'admin').session;
    const cycleId = fact(demo, 'cycleId');
    const submissions = fact(demo, 'submissions');
    const oldTarget = fact(demo, 'target');

    const draft = await admin.post<VersionSummary>(`/frameworks/versions/${fact(demo, 'versionId')}/drafts`, {});
    const detail = await admin.get<VersionDetail<RanhamContent>>(`/frameworks/versions/${draft.id}`);
    const content: RanhamContent = { ...detail.content, rules: { ...detail.content.rules, targets: { ...detail.content.rules.targets, [LEVEL]: NEW_TARGET } } };
    const saved = await admin.put<VersionSummary & { problems: unknown[] }>(`/frameworks/versions/${draft.id}`, {
      label: `${detail.label} (target kab/kota ${NEW_TARGET})`,
      content,
    });
    expectThat(saved.problems.length === 0, 'the changed draft has problems', [JSON.stringify(saved.problems)]);
    story.ok(
      t(
        demo,
        `Draf ${draft.frameworkCode} v${draft.version} (salinan ${fact(demo, 'versionLabel')}): target tingkat kab/kota naik dari ${oldTarget} ke ${NEW_TARGET}.`,
        `Draft ${draft.frameworkCode} v${draft.version} (a copy of ${fact(demo, 'versionLabel')}): the regency/city target goes from ${oldTarget} up to ${NEW_TARGET}.`,
      ),
    );
    const whatIf = await admin.post<{ bandChanges?: unknown[] }>(`/frameworks/versions/${draft.id}/what-if`, { cycleId });
    story.ok(
      t(
        demo,
        `Simulasi (POST …/what-if, tanpa menyimpan apa pun): ${whatIf.bandChanges?.length ?? 0} laporan akan berganti kategori.`,
        `What-if (POST …/what-if, storing nothing): ${whatIf.bandChanges?.length ?? 0} report(s) would change band.`,
      ),
    );

    const published = await admin.post<{ adoptedBy: { recalculation: { id: string } }[] }>(`/frameworks/versions/${draft.id}/publish`, { adoptInCycles: [cycleId] });
    const runId = published.adoptedBy[0]?.recalculation.id;
    expectThat(runId, 'publishing into the cycle started no recalculation run', [JSON.stringify(published)]);
    story.ok(t(demo, `Diterbitkan ke dalam siklus: perhitungan ulang ${runId.slice(0, 8)}… dimulai.`, `Published into the cycle: recalculation ${runId.slice(0, 8)}… started.`));

    const report = await story.waitFor(
      t(demo, 'scoring-worker menghitung ulang siklus', 'scoring-worker recalculates the cycle'),
      async () => {
        const run = await admin.get<RunReport>(`/recalculations/${runId}`);
        return { value: run.finishedAt ? run : undefined, status: { done: run.done + run.failed, total: run.total, text: run.status } };
      },
      { timeoutMs: 90_000, intervalMs: 300 },
    );
    expectThat(report.failed === 0, `recalculation: ${report.failed} item(s) failed`, report.failures.map((failure) => `${failure.submissionId}: ${failure.error}`));
    const reporters = fact(demo, 'reporters');
    const names = new Map([
      [submissions.city, 'Kota Balikpapan'],
      [reporters.ministry.id, reporters.ministry.name],
      [reporters.province.id, reporters.province.name],
    ]);
    story.section(t(demo, `Laporan perubahan kategori (GET /recalculations/${runId.slice(0, 8)}…):`, `Band-change report (GET /recalculations/${runId.slice(0, 8)}…):`));
    story.table(
      [t(demo, 'Pelapor', 'Reporter'), t(demo, 'Dari', 'From'), t(demo, 'Menjadi', 'To')],
      report.bandChanges.map((change) => [
        names.get(change.submissionId) ?? change.submissionId,
        change.from ? `${change.from.band} (${change.from.total})` : '–',
        `${change.to.band} (${change.to.total})`,
      ]),
    );
    story.pairs([
      [t(demo, 'Dihitung ulang', 'Rescored'), `${report.done}/${report.total}`],
      [t(demo, 'Berganti kategori', 'Changed band'), String(report.bandChanges.length)],
    ]);
    const city = report.bandChanges.find((change) => change.submissionId === submissions.city);
    expectThat(
      city?.from?.band === 'MEMENUHI_TARGET' && city.to.band === 'BELUM_MEMENUHI_TARGET',
      t(demo, 'Laporan Kota Balikpapan seharusnya turun dari MEMENUHI_TARGET ke BELUM_MEMENUHI_TARGET', 'Kota Balikpapan’s report should move from MEMENUHI_TARGET to BELUM_MEMENUHI_TARGET'),
      [JSON.stringify(report.bandChanges)],
    );
    expectThat(
      !report.bandChanges.some((change) => change.submissionId === reporters.ministry.id || change.submissionId === reporters.province.id),
      t(demo, 'Laporan kementerian dan provinsi seharusnya tetap di kategorinya: target tingkat mereka tidak berubah', 'The ministry’s and the province’s reports should keep their standing: their levels’ targets did not change'),
      [JSON.stringify(report.bandChanges)],
    );
    story.note(
      t(
        demo,
        `Skor kota tetap ${city.to.total}, tetapi kini di bawah target kab/kota ${NEW_TARGET}; laporan kementerian dan provinsi dihitung ulang juga, tetapi target K/L dan provinsi tidak berubah. Snapshot lama tetap tersimpan (GET /scores/history).`,
        `The city’s score stays ${city.to.total} but is now below the regency/city target of ${NEW_TARGET}; the ministry’s and the province’s reports are rescored too, but the K/L and province targets did not change. The old snapshots stay (GET /scores/history).`,
      ),
    );
    demo.state.target = NEW_TARGET;
    demo.state.versionLabel = `${draft.frameworkCode} v${draft.version}`;
  },
};

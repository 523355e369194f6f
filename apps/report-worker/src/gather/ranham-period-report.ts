import {
  normaliseRanhamContent,
  PeriodDefinition,
  RanhamFrameworkContent,
  RanhamPeriodResult,
  RanhamSuccessMeasure,
} from '@peduli/domain';
import type { EntityManager } from 'typeorm';
import type { RanhamActionSection, RanhamPeriodReportInput } from '../documents/inputs';
import { loadFrameworkRecord, loadSubject, ScoredSubmission, yearOf } from './sources';
import { achievementWords, bandWords, frameworkWords, levelWords, reasonWords } from './words';

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** "Periode Januari–April": the months a reporting period covers. */
export function periodName(periods: readonly PeriodDefinition[], code: string): string {
  const period = periods.find((candidate) => candidate.code === code);
  if (!period) return code;
  const from = MONTHS[period.fromMonth - 1];
  return period.fromMonth === period.toMonth ? `Periode ${from}` : `Periode ${from}–${MONTHS[period.toMonth - 1]}`;
}

/**
 * A reporter's RANHAM report for one period from its current snapshot: each action's measures with the answer given,
 * the achievement the engine found, and the accepted documents that back the measure.
 */
export async function gatherRanhamPeriodReport(manager: EntityManager, submission: ScoredSubmission): Promise<RanhamPeriodReportInput> {
  const { snapshot } = submission;
  const framework = await loadFrameworkRecord(manager, snapshot.frameworkVersionId);
  const content = normaliseRanhamContent(framework.content as unknown as RanhamFrameworkContent);
  const breakdown = snapshot.breakdown as unknown as RanhamPeriodResult;
  const actionsByCode = new Map(content.actions.map((action) => [action.code, action]));
  const measuresByCode = new Map<string, RanhamSuccessMeasure>(content.actions.flatMap((action) => action.successMeasures.map((m) => [m.code, m] as const)));
  const groupName = new Map(content.targetGroups.map((group) => [group.code, group.name]));
  const documents = await acceptedDocumentNames(manager, submission.id);

  const actions: RanhamActionSection[] = breakdown.actions.map((scored) => {
    const action = actionsByCode.get(scored.code);
    return {
      code: scored.code,
      title: action?.title ?? scored.code,
      targetGroup: action ? (groupName.get(action.targetGroupCode) ?? action.targetGroupCode) : '',
      measures: scored.measures.map((measure) => ({
        label: measure.label,
        measure: measure.measure,
        achievement: achievementWords(submission.answers[measure.code], measure.answerType, measuresByCode.get(measure.code)?.target),
        achievementPercent: measure.achievement,
        documents: documents.get(measure.code) ?? [],
        complete: measure.complete,
        rejection: measure.status === 'REJECTED' && measure.reason ? reasonWords(measure.reason) : null,
      })),
    };
  });

  return {
    kind: 'RANHAM_PERIOD_REPORT',
    subject: await loadSubject(manager, submission),
    year: yearOf(submission.periodKey),
    periodCode: breakdown.periodCode,
    periodName: periodName(content.rules.periods, breakdown.periodCode),
    level: levelWords(breakdown.level),
    actions,
    substance: breakdown.substance,
    administration: breakdown.administration,
    total: snapshot.total,
    target: breakdown.target,
    standing: bandWords(snapshot.band),
    provenance: {
      frameworkVersion: frameworkWords(framework.label, framework.version),
      scoreInputHash: snapshot.inputHash,
      asOf: snapshot.createdAt.toISOString(),
      contentHash: '',
    },
  };
}

/** Per measure code, the names of the report's accepted documents naming it, in name order. */
async function acceptedDocumentNames(manager: EntityManager, submissionId: string): Promise<Map<string, string[]>> {
  const rows: { original_name: string; indicator_codes: string[] }[] = await manager.query(
    `SELECT original_name, indicator_codes FROM evidence_document WHERE submission_id = $1 AND status = 'ACCEPTED' ORDER BY original_name, id`,
    [submissionId],
  );
  const byMeasure = new Map<string, string[]>();
  for (const row of rows) {
    for (const code of row.indicator_codes ?? []) byMeasure.set(code, [...(byMeasure.get(code) ?? []), row.original_name]);
  }
  return byMeasure;
}

import type { PrintedReport } from '@peduli/db';
import { KkpBand } from '@peduli/domain';
import type { EntityManager } from 'typeorm';
import type { PrintedDocumentInput } from '../documents/inputs';
import { contentHashOf } from '../render/content-hash';
import { cycleResults, gatherCertificate, loadDecreedCycle } from './certificate';
import { gatherKkpScoreReport } from './kkp-score-report';
import { gatherRanhamPeriodReport } from './ranham-period-report';
import { gatherRanhamYearSummary } from './ranham-year-summary';
import { loadScoredSubmission } from './sources';
import { UnprintableError } from './unprintable';

export { UnprintableError } from './unprintable';

type ReportRow = Pick<PrintedReport, 'kind' | 'submissionId' | 'cycleId' | 'regionCode' | 'organisationId'>;

/** Reads what the row's document is made from, as it is now, with its content hash stamped. */
export async function gatherInput(manager: EntityManager, row: ReportRow): Promise<PrintedDocumentInput> {
  const input = await gatherUnstamped(manager, row);
  input.provenance.contentHash = contentHashOf(input);
  return input;
}

async function gatherUnstamped(manager: EntityManager, row: ReportRow): Promise<PrintedDocumentInput> {
  switch (row.kind) {
    case 'KKP_SCORE_REPORT':
    case 'RANHAM_PERIOD_REPORT': {
      const submission = await loadScoredSubmission(manager, row.submissionId as string);
      if (!submission) throw new UnprintableError(`submission ${row.submissionId} has no score`);
      return row.kind === 'KKP_SCORE_REPORT' ? gatherKkpScoreReport(manager, submission) : gatherRanhamPeriodReport(manager, submission);
    }
    case 'RANHAM_YEAR_SUMMARY': {
      const [cycle]: { year: number }[] = await manager.query(`SELECT year FROM reporting_cycle WHERE id = $1`, [row.cycleId]);
      if (!cycle) throw new UnprintableError(`cycle ${row.cycleId} not found`);
      return gatherRanhamYearSummary(manager, { year: cycle.year, regionCode: row.organisationId ? null : row.regionCode, organisationId: row.organisationId });
    }
    case 'CERTIFICATE': {
      const cycle = await loadDecreedCycle(manager, row.cycleId as string);
      if (!cycle?.decree) throw new UnprintableError(`cycle ${row.cycleId} has no decree`);
      const [result] = await cycleResults(manager, cycle.year, { regionCode: row.regionCode as string });
      if (!result) throw new UnprintableError(`${row.regionCode} has no score in cycle ${cycle.year}`);
      // The band was PEDULI when the decree asked for this certificate; a recalculation since may have changed it.
      if (result.band !== KkpBand.PEDULI) throw new UnprintableError(`${row.regionCode} is no longer rated ${KkpBand.PEDULI} in cycle ${cycle.year} (now ${result.band})`);
      return gatherCertificate(manager, cycle, result);
    }
  }
}

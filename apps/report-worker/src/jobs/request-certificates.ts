import { inputHash, KkpBand } from '@peduli/domain';
import { JobName, JobPayloads, recordEvent } from '@peduli/queue';
import type { DataSource } from 'typeorm';
import { cycleResults, loadDecreedCycle } from '../gather/certificate';

export type CertificatesOutcome = { outcome: 'requested'; created: number; regions: number } | { outcome: 'skipped'; reason: string };

/** "Piagam KKP HAM 2026 - Kota Balikpapan.pdf". */
export function certificateFileName(year: number, regionName: string): string {
  return `Piagam KKP HAM ${year} - ${regionName}.pdf`;
}

/**
 * On a recorded (or corrected) decree: one CERTIFICATE request per regency/city whose current score of the cycle is
 * PEDULI, each with its make job recorded in the same transaction. A request is identified by the region, the score
 * and the decree, so handling the event twice adds nothing, and a corrected decree asks for new certificates.
 */
export function makeCertificateRequester(context: { dataSource: DataSource; relay: { kick(): void } }) {
  return async ({ cycleId }: JobPayloads[JobName.CertificatesRequested]): Promise<CertificatesOutcome> => {
    const outcome = await context.dataSource.transaction(async (manager): Promise<CertificatesOutcome> => {
      const cycle = await loadDecreedCycle(manager, cycleId);
      if (!cycle) return { outcome: 'skipped', reason: 'no KKP HAM cycle with this id' };
      if (!cycle.decree) return { outcome: 'skipped', reason: 'the cycle has no decree' };
      const results = await cycleResults(manager, cycle.year, { band: KkpBand.PEDULI });
      let created = 0;
      for (const result of results) {
        const inserted: { id: string }[] = await manager.query(
          `INSERT INTO printed_report (kind, subject_key, source_key, cycle_id, province_code, region_code, file_name, status)
           SELECT 'CERTIFICATE', $1, $2, $3, r.province_code, r.code, $5 || r.name || '.pdf', 'PENDING' FROM region r WHERE r.code = $4
           ON CONFLICT ON CONSTRAINT printed_report_source_uq DO NOTHING
           RETURNING id`,
          [
            `certificate:${cycle.id}:${result.regionCode}`,
            inputHash({ snapshotId: result.snapshotId, decree: cycle.decree }),
            cycle.id,
            result.regionCode,
            certificateFileName(cycle.year, '').replace(/\.pdf$/, ''),
          ],
        );
        if (inserted.length === 0) continue;
        await recordEvent(manager, JobName.ReportRequested, { reportId: inserted[0].id });
        created++;
      }
      return { outcome: 'requested', created, regions: results.length };
    });
    if (outcome.outcome === 'requested' && outcome.created > 0) context.relay.kick();
    return outcome;
  };
}

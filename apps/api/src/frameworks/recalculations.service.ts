import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { RecalculationRun } from '@peduli/db';
import { DataSource } from 'typeorm';
import { ApiError } from '../common/api-error';
import { runBandChanges, runFailures } from './framework-queries';
import { BandChange, ItemFailure, runSummary, RunSummary } from './framework-views';

export class RunReport extends RunSummary {
  @ApiProperty({ type: [BandChange], description: 'Every subject whose band changed, from and to (from is null for a subject scored for the first time)' })
  bandChanges: BandChange[];
  @ApiProperty({ type: [ItemFailure] }) failures: ItemFailure[];
}

/** Recalculation runs: progress while they run, and the band-change report once they have. */
@Injectable()
export class RecalculationsService {
  constructor(private readonly dataSource: DataSource) {}

  async list(query: { cycleId?: string }): Promise<RunSummary[]> {
    const runs = await this.dataSource.getRepository(RecalculationRun).find({
      where: query.cycleId ? { cycleId: query.cycleId } : {},
      order: { createdAt: 'DESC' },
      take: 100,
    });
    return runs.map(runSummary);
  }

  async get(id: string): Promise<RunReport> {
    const run = await this.dataSource.getRepository(RecalculationRun).findOne({ where: { id } });
    if (!run) throw ApiError.notFound('recalculation.notFound', { id });
    const changed = await runBandChanges(this.dataSource.manager, id);
    const failures = await runFailures(this.dataSource.manager, id);
    return {
      ...runSummary(run),
      bandChanges: changed.map((row) => ({
        submissionId: row.submission_id,
        regionCode: row.region_code,
        organisationId: row.organisation_id,
        periodKey: row.period_key,
        from: row.from_band === null ? null : { band: row.from_band, total: row.from_total as number },
        to: { band: row.to_band, total: row.to_total },
      })),
      failures: failures.map((row) => ({ submissionId: row.submission_id, error: row.error })),
    };
  }
}

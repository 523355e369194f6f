import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { cycleSubjectsCondition, cycleSubjectsParams, FrameworkVersionRecord, ReportingCycle } from '@peduli/db';
import { DocumentStatus, EvidenceOnFile, OrganisationKind, prepareSubmissionScorer } from '@peduli/domain';
import { DataSource } from 'typeorm';
import { BandChange, ItemFailure } from './framework-views';

export class WhatIfResult {
  @ApiProperty({ format: 'uuid' }) frameworkVersionId: string;
  @ApiProperty({ format: 'uuid' }) cycleId: string;
  @ApiProperty({ type: 'integer', description: 'Submissions of the cycle that would be rescored' }) subjects: number;
  @ApiProperty({ type: 'integer' }) unchanged: number;
  @ApiProperty({ type: [BandChange] }) bandChanges: BandChange[];
  @ApiProperty({ type: [ItemFailure], description: 'Submissions this version cannot score (e.g. an adjustment it no longer defines), with the reason' })
  failures: ItemFailure[];
}

interface SubjectRow {
  id: string;
  region_code: string;
  organisation_id: string | null;
  programme: ReportingCycle['programme'];
  period_key: string;
  answers: Record<string, never>;
  verified_answers: Record<string, never>;
  rejections: Record<string, string>;
  adjustments: Record<string, number>;
  organisation_kind: OrganisationKind | null;
  current_band: string | null;
  current_total: number | null;
  documents: EvidenceOnFile[];
}

/**
 * Scores a version (a DRAFT included) against a cycle's current answers without storing anything, and reports the
 * band changes it would cause compared with each submission's current score.
 */
@Injectable()
export class WhatIfService {
  constructor(private readonly dataSource: DataSource) {}

  async run(version: FrameworkVersionRecord, cycle: ReportingCycle): Promise<WhatIfResult> {
    const score = prepareSubmissionScorer(version);
    const rows: SubjectRow[] = await this.dataSource.query(
      `SELECT s.id, s.region_code, s.organisation_id, s.programme, s.period_key, s.answers, s.verified_answers, s.rejections,
              s.adjustments, o.kind AS organisation_kind, c.band AS current_band, c.total::float AS current_total,
              -- A RANHAM measure's administration counts the accepted documents that name it.
              (SELECT coalesce(jsonb_agg(jsonb_build_object('documentType', d.document_type, 'indicatorCodes', d.indicator_codes,
                                                            'accepted', d.status = '${DocumentStatus.ACCEPTED}')), '[]'::jsonb)
                 FROM evidence_document d WHERE d.submission_id = s.id) AS documents
         FROM submission s
         LEFT JOIN organisation o ON o.id = s.organisation_id
         LEFT JOIN score_snapshot c ON c.id = s.current_snapshot_id
        WHERE ${cycleSubjectsCondition('s', 1)}
        ORDER BY s.region_code, s.period_key, s.id`,
      cycleSubjectsParams(cycle),
    );
    const bandChanges: BandChange[] = [];
    const failures: WhatIfResult['failures'] = [];
    for (const row of rows) {
      let result;
      try {
        result = score({
          programme: row.programme,
          periodKey: row.period_key,
          answers: row.answers,
          verifiedAnswers: row.verified_answers,
          rejections: row.rejections,
          adjustments: row.adjustments,
          organisationKind: row.organisation_kind,
          regionCode: row.region_code,
          documents: row.documents,
        });
      } catch (error) {
        failures.push({ submissionId: row.id, error: error instanceof Error ? error.message : String(error) });
        continue;
      }
      if (result.band === row.current_band) continue;
      bandChanges.push({
        submissionId: row.id,
        regionCode: row.region_code,
        organisationId: row.organisation_id,
          periodKey: row.period_key,
        from: row.current_band === null ? null : { band: row.current_band, total: row.current_total as number },
        to: { band: result.band, total: result.total },
      });
    }
    return { frameworkVersionId: version.id, cycleId: cycle.id, subjects: rows.length, unchanged: rows.length - bandChanges.length - failures.length, bandChanges, failures };
  }
}

import { frameworkVersionIdForPeriod } from '@peduli/db';
import { OrganisationKind, Programme, RanhamFrameworkContent, RanhamReporterLevel, ranhamYearlyScore, reporterLevelOf } from '@peduli/domain';
import type { EntityManager } from 'typeorm';
import type { RanhamYearSummaryInput } from '../documents/inputs';
import { periodName } from './ranham-period-report';
import { loadFrameworkRecord, loadSubject } from './sources';
import { UnprintableError } from './unprintable';
import { bandWords, frameworkWords, levelWords } from './words';

export interface YearSubject {
  year: number;
  regionCode: string | null;
  organisationId: string | null;
}

interface PeriodRow {
  period_code: string;
  total: number;
  band: string;
  submitted_at: Date | null;
  late: boolean;
  snapshot_created_at: Date;
}

/**
 * The current score of each period of a reporter's own RANHAM reports of a year, as the yearly score reads them
 * (GET /scores/ranham-yearly): never a unit's input; of two own reports of one period, the newer score.
 */
async function reporterPeriods(manager: EntityManager, subject: YearSubject): Promise<PeriodRow[]> {
  const condition = subject.organisationId ? `s.organisation_id = $2` : `s.region_code = $2`;
  return manager.query(
    `SELECT DISTINCT ON (split_part(s.period_key, '-', 2))
            split_part(s.period_key, '-', 2) AS period_code, sn.total::float AS total, sn.band, s.submitted_at, s.late,
            sn.created_at AS snapshot_created_at
       FROM submission s
       JOIN score_snapshot sn ON sn.id = s.current_snapshot_id
      WHERE s.programme = '${Programme.RANHAM}' AND s.period_key LIKE $1 AND s.own_report AND s.superseded_by IS NULL AND ${condition}
      ORDER BY split_part(s.period_key, '-', 2), sn.created_at DESC, sn.id`,
    [`${subject.year}-%`, subject.organisationId ?? subject.regionCode],
  );
}

async function levelOf(manager: EntityManager, subject: YearSubject): Promise<RanhamReporterLevel> {
  if (!subject.organisationId) return 'KABKOTA';
  const [organisation]: { kind: OrganisationKind; region_code: string | null }[] = await manager.query(
    `SELECT kind, region_code FROM organisation WHERE id = $1`,
    [subject.organisationId],
  );
  const level = organisation ? reporterLevelOf({ organisationKind: organisation.kind, regionCode: organisation.region_code }) : null;
  if (!level) throw new Error(`organisation ${subject.organisationId} is not a RANHAM reporter`);
  return level;
}

/** A reporter's RANHAM year: each period's current score and the yearly score the domain computes from them. */
export async function gatherRanhamYearSummary(manager: EntityManager, subject: YearSubject): Promise<RanhamYearSummaryInput> {
  const framework = await loadFrameworkRecord(manager, await frameworkVersionIdForPeriod(manager, Programme.RANHAM, `${subject.year}-TAHUNAN`));
  const rules = (framework.content as unknown as RanhamFrameworkContent).rules;
  const level = await levelOf(manager, subject);
  const rows = await reporterPeriods(manager, subject);
  // The API refuses a summary with nothing scored (409); scores gone since then leave no truthful date or figure to print.
  if (rows.length === 0) throw new UnprintableError(`no RANHAM period of ${subject.year} is scored for this reporter`);
  const byCode = new Map(rows.map((row) => [row.period_code, row]));
  const result = ranhamYearlyScore(Object.fromEntries(rows.map((row) => [row.period_code, row.total])), rules);
  const settled = rows.map((row) => row.snapshot_created_at.getTime());
  return {
    kind: 'RANHAM_YEAR_SUMMARY',
    subject: await loadSubject(manager, subject),
    year: subject.year,
    level: levelWords(level),
    periods: result.periods.map((period) => {
      const row = byCode.get(period.code);
      return {
        periodCode: period.code,
        periodName: periodName(rules.periods, period.code),
        total: row ? row.total : null,
        standing: row ? bandWords(row.band) : null,
        submittedOn: row?.submitted_at ? row.submitted_at.toISOString() : null,
        late: row?.late ?? false,
      };
    }),
    yearlyScore: result.score,
    target: rules.targets[level],
    provenance: {
      frameworkVersion: frameworkWords(framework.label, framework.version),
      scoreInputHash: null,
      // The year's data settled when its newest period score was made.
      asOf: new Date(Math.max(...settled)).toISOString(),
      contentHash: '',
    },
  };
}

import { Injectable } from '@nestjs/common';
import { ReportingCycle } from '@peduli/db';
import { DataSource } from 'typeorm';
import { positional } from '../common/positional-params';

export interface ReturnedCodeRow {
  code: string | null;
  returns: number;
  rejections: number;
  submissions: number;
  returned_reviews: number;
}

@Injectable()
export class DashboardRepository {
  constructor(private readonly dataSource: DataSource) {}

  findCycle(id: string): Promise<ReportingCycle | null> {
    return this.dataSource.getRepository(ReportingCycle).findOne({ where: { id } });
  }

  /**
   * Return reasons and rejections per code over the reviews of a cycle's reports in scope, in one aggregate. The
   * `returned_reviews` column repeats on every row (a window over all reviews), and a row with a null code carries it
   * when no review named a code at all, so the caller needs no second query.
   */
  async returnedCodes(
    cycle: { programme: string; year: number },
    periodKey: string | null,
    scope: { sql: string; params: Record<string, unknown> } | null,
    limit: number,
  ): Promise<ReturnedCodeRow[]> {
    const base = [cycle.programme, `${cycle.year}-%`, periodKey, limit];
    const filter = scope ? positional(scope.sql, scope.params, base.length) : { sql: 'TRUE', values: [] };
    return this.dataSource.query(
      `WITH reviews AS (
         SELECT r.submission_id, r.decision, r.reasons, r.rejections
         FROM submission_review r
         JOIN submission s ON s.id = r.submission_id
         LEFT JOIN organisation o ON o.id = s.organisation_id
         WHERE s.programme = $1 AND s.period_key LIKE $2 AND ($3::text IS NULL OR s.period_key = $3) AND ${filter.sql}
       ), hits AS (
         SELECT rv.submission_id, reason->>'indicatorCode' AS code, 1 AS returned, 0 AS rejected
         FROM reviews rv CROSS JOIN LATERAL jsonb_array_elements(rv.reasons) AS reason
         WHERE rv.decision = 'RETURNED' AND reason->>'indicatorCode' IS NOT NULL
         UNION ALL
         SELECT rv.submission_id, rejected.key, 0, 1
         FROM reviews rv CROSS JOIN LATERAL jsonb_each(COALESCE(rv.rejections, '{}'::jsonb)) AS rejected
       ), counted AS (
         SELECT code, sum(returned)::int AS returns, sum(rejected)::int AS rejections, count(DISTINCT submission_id)::int AS submissions
         FROM hits GROUP BY code
       ), returned AS (
         SELECT count(*)::int AS n FROM reviews WHERE decision = 'RETURNED'
       )
       SELECT c.code, COALESCE(c.returns, 0) AS returns, COALESCE(c.rejections, 0) AS rejections, COALESCE(c.submissions, 0) AS submissions, returned.n AS returned_reviews
       FROM returned LEFT JOIN counted c ON TRUE
       ORDER BY c.returns + c.rejections DESC, c.code
       LIMIT $4`,
      [...base, ...filter.values],
    );
  }
}

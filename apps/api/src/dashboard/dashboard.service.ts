import { Injectable } from '@nestjs/common';
import { CompletenessStatus, Permission } from '@peduli/domain';
import { AccessService } from '../auth/access.service';
import type { Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { CompletenessService } from '../completeness/completeness.service';
import { ReturnsQuery, ReturnsView, TIMELINESS, Timeliness, TimelinessQuery, TimelinessView } from './dashboard.dto';
import { DashboardRepository } from './dashboard.repository';

/**
 * The national and provincial dashboard's reads of their own: which codes reviewers return or reject most, and how a
 * period's reports stand against their deadline (counts only, so the dashboard need not fetch the whole list).
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly repository: DashboardRepository,
    private readonly access: AccessService,
    private readonly completeness: CompletenessService,
  ) {}

  /** The completeness list's own rules (deadlines, extensions, scope), over the reporters' own reports alone. */
  async timeliness(query: TimelinessQuery, principal: Principal): Promise<TimelinessView> {
    const view = await this.completeness.matrix(query, principal, new Date(), { ownReportsOnly: true });
    const counts = Object.fromEntries(TIMELINESS.map((category) => [category, 0])) as Record<Timeliness, number>;
    for (const unit of view.units) counts[timelinessOf(unit)] += 1;
    return { cycleId: view.cycleId, periodKey: view.periodKey, deadlineSet: view.deadlineSet, counts, total: view.units.length };
  }

  async returns(query: ReturnsQuery, principal: Principal): Promise<ReturnsView> {
    const cycle = await this.repository.findCycle(query.cycleId);
    if (!cycle) throw ApiError.notFound('cycle.notFound', { id: query.cycleId });
    const periodKey = query.periodCode ? `${cycle.year}-${query.periodCode}` : null;
    // Scoped as the submission lists are: a Kanwil counts its province's reports, a coordinator its own reporter's.
    const scope = this.access.listFilter(principal, Permission.SUBMISSIONS_READ, {
      province: 's.province_code',
      region: 's.region_code',
      organisation: 's.organisation_id',
      parent: 'o.parent_id',
    });
    const rows = await this.repository.returnedCodes(cycle, periodKey, scope, query.limit);
    return {
      cycleId: cycle.id,
      periodKey,
      returnedReviews: rows[0]?.returned_reviews ?? 0,
      items: rows.filter((row) => row.code !== null).map((row) => ({ code: row.code!, returns: row.returns, rejections: row.rejections, submissions: row.submissions })),
    };
  }
}

function timelinessOf(unit: { status: CompletenessStatus; late: boolean }): Timeliness {
  if (unit.status === CompletenessStatus.LATE) return 'LATE';
  if (unit.status === CompletenessStatus.NOT_STARTED || unit.status === CompletenessStatus.DRAFT) return 'NOT_YET';
  return unit.late ? 'SUBMITTED_LATE' : 'ON_TIME';
}

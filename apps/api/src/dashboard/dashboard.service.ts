import { Injectable } from '@nestjs/common';
import { Permission } from '@peduli/domain';
import { AccessService } from '../auth/access.service';
import type { Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { ReturnsQuery, ReturnsView } from './dashboard.dto';
import { DashboardRepository } from './dashboard.repository';

/** The national and provincial dashboard's one read of its own: which codes reviewers return or reject most. */
@Injectable()
export class DashboardService {
  constructor(
    private readonly repository: DashboardRepository,
    private readonly access: AccessService,
  ) {}

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

import { Injectable } from '@nestjs/common';
import type { ScoreSnapshot } from '@peduli/db';
import { Permission } from '@peduli/domain';
import { AccessService } from '../auth/access.service';
import type { Principal } from '../auth/principal';
import { submissionScope } from '../auth/scopes';
import { ApiError } from '../common/api-error';
import { ScoreExplanation, ScorePage, ScoreQuery, ScoreSnapshotView } from './scores.dto';
import { ScoreFilters, ScoresRepository } from './scores.repository';

function view(snapshot: ScoreSnapshot, current: boolean): ScoreSnapshotView {
  return {
    id: snapshot.id,
    submissionId: snapshot.submissionId,
    regionCode: snapshot.regionCode,
    organisationId: snapshot.organisationId,
    periodKey: snapshot.periodKey,
    frameworkVersion: snapshot.frameworkVersion,
    frameworkVersionId: snapshot.frameworkVersionId,
    basis: snapshot.basis,
    total: snapshot.total,
    band: snapshot.band,
    current,
    recalculationRunId: snapshot.recalculationRunId,
    createdAt: snapshot.createdAt.toISOString(),
  };
}

/** Scores: the current one per submission, the history of every snapshot, and the full breakdown of one. */
@Injectable()
export class ScoresService {
  constructor(
    private readonly repository: ScoresRepository,
    private readonly access: AccessService,
  ) {}

  async current(query: ScoreQuery, principal: Principal): Promise<ScorePage> {
    const filters = await this.filters(query);
    const { rows, total } = await this.repository.currentPage(this.scope(principal), filters, (query.page - 1) * query.pageSize, query.pageSize);
    return { items: rows.map((row) => view(row, true)), page: query.page, pageSize: query.pageSize, total };
  }

  async history(query: ScoreQuery, principal: Principal): Promise<ScorePage> {
    const filters = await this.filters(query);
    const { rows, total } = await this.repository.historyPage(this.scope(principal), filters, (query.page - 1) * query.pageSize, query.pageSize);
    return { items: rows.map((row) => view(row.snapshot, row.current)), page: query.page, pageSize: query.pageSize, total };
  }

  async get(id: string, principal: Principal): Promise<ScoreSnapshotView> {
    const { snapshot, current } = await this.loadInScope(id, principal);
    return view(snapshot, current);
  }

  async explain(id: string, principal: Principal): Promise<ScoreExplanation> {
    const { snapshot, current } = await this.loadInScope(id, principal);
    return { ...view(snapshot, current), inputHash: snapshot.inputHash, breakdown: snapshot.breakdown };
  }

  private async loadInScope(id: string, principal: Principal): Promise<{ snapshot: ScoreSnapshot; current: boolean }> {
    const found = await this.repository.findWithCurrent(id);
    if (!found) throw ApiError.notFound('score.notFound', { id });
    this.access.assertAllowed(principal, Permission.SUBMISSIONS_READ, submissionScope(found.snapshot), 'score.notFound', id);
    return found;
  }

  private scope(principal: Principal) {
    return this.access.listFilter(principal, Permission.SUBMISSIONS_READ, {
      province: 'left(sn.region_code, 2)',
      region: 'sn.region_code',
      organisation: 'sn.organisation_id',
    });
  }

  private async filters(query: ScoreQuery): Promise<ScoreFilters> {
    if (!query.regionCode && !query.organisationId) throw ApiError.badRequest('score.subjectRequired');
    const filters: ScoreFilters = { regionCode: query.regionCode, organisationId: query.organisationId, periodKey: query.periodKey };
    if (query.cycleId) {
      const cycle = await this.repository.findCycle(query.cycleId);
      if (!cycle) throw ApiError.notFound('cycle.notFound', { id: query.cycleId });
      filters.cycle = { programme: cycle.programme, year: cycle.year };
    }
    return filters;
  }
}

import { Injectable } from '@nestjs/common';
import type { ScoreSnapshot } from '@peduli/db';
import { AppliedAdjustment, Permission } from '@peduli/domain';
import { AccessService } from '../auth/access.service';
import type { Principal } from '../auth/principal';
import { submissionScope } from '../auth/scopes';
import { ApiError } from '../common/api-error';
import { AdjustmentExplanation, ReporterScoreQuery, ScoreExplanation, ScorePage, ScoreQuery, ScoreSnapshotView } from './scores.dto';
import { ScoreFilters, ScoresRepository } from './scores.repository';

function view(snapshot: ScoreSnapshot, current: boolean, decreed = false): ScoreSnapshotView {
  return {
    id: snapshot.id,
    submissionId: snapshot.submissionId,
    provinceCode: snapshot.provinceCode,
    regionCode: snapshot.regionCode,
    organisationId: snapshot.organisationId,
    periodKey: snapshot.periodKey,
    frameworkVersion: snapshot.frameworkVersion,
    frameworkVersionId: snapshot.frameworkVersionId,
    basis: snapshot.basis,
    total: snapshot.total,
    band: snapshot.band,
    current,
    final: current && decreed,
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
    const decreed = await this.repository.decreedSnapshotIds(rows.map((row) => row.id));
    return { items: rows.map((row) => view(row, true, decreed.has(row.id))), page: query.page, pageSize: query.pageSize, total };
  }

  /** A cycle's reporters' current scores in scope: no region or unit is needed, the cycle and the scope bound the list. */
  async reporters(query: ReporterScoreQuery, principal: Principal): Promise<ScorePage> {
    const cycle = await this.repository.findCycle(query.cycleId);
    if (!cycle) throw ApiError.notFound('cycle.notFound', { id: query.cycleId });
    const filters: ScoreFilters = {
      cycle: { programme: cycle.programme, year: cycle.year },
      periodKey: query.periodKey,
      provinceCode: query.provinceCode,
      band: query.band,
      ownReportsOnly: true,
    };
    const { rows, total } = await this.repository.currentPage(this.scope(principal), filters, (query.page - 1) * query.pageSize, query.pageSize);
    const decreed = await this.repository.decreedSnapshotIds(rows.map((row) => row.id));
    return { items: rows.map((row) => view(row, true, decreed.has(row.id))), page: query.page, pageSize: query.pageSize, total };
  }

  async history(query: ScoreQuery, principal: Principal): Promise<ScorePage> {
    const filters = await this.filters(query);
    const { rows, total } = await this.repository.historyPage(this.scope(principal), filters, (query.page - 1) * query.pageSize, query.pageSize);
    const decreed = await this.repository.decreedSnapshotIds(rows.map((row) => row.snapshot.id));
    return { items: rows.map((row) => view(row.snapshot, row.current, decreed.has(row.snapshot.id))), page: query.page, pageSize: query.pageSize, total };
  }

  async get(id: string, principal: Principal): Promise<ScoreSnapshotView> {
    const { snapshot, current } = await this.loadInScope(id, principal);
    const decreed = await this.repository.decreedSnapshotIds([snapshot.id]);
    return view(snapshot, current, decreed.has(snapshot.id));
  }

  async explain(id: string, principal: Principal): Promise<ScoreExplanation> {
    const { snapshot, current } = await this.loadInScope(id, principal);
    const decreed = await this.repository.decreedSnapshotIds([snapshot.id]);
    return {
      ...view(snapshot, current, decreed.has(snapshot.id)),
      inputHash: snapshot.inputHash,
      breakdown: snapshot.breakdown,
      adjustments: await this.explainAdjustments(snapshot),
    };
  }

  /** The snapshot's applied adjustments, joined with each rule's name and cap and the value, reason and source recorded. */
  private async explainAdjustments(snapshot: ScoreSnapshot): Promise<AdjustmentExplanation[]> {
    const applied = (snapshot.breakdown.adjustments ?? []) as AppliedAdjustment[];
    if (applied.length === 0) return [];
    const rules = new Map((await this.repository.adjustmentRules(snapshot.frameworkVersionId)).map((rule) => [rule.code, rule]));
    const entries = await this.repository.adjustmentEntriesAt(snapshot.submissionId, snapshot.createdAt);
    return applied.map((adjustment) => {
      const rule = rules.get(adjustment.code);
      const entry = entries.get(adjustment.code);
      const perUnit = rule?.perUnit ?? null;
      const recordedValue = entry ? entry.value : null;
      // A value stored before reasons were kept has no history row: it is read back from the points requested.
      const value = recordedValue ?? (adjustment.requested > 0 ? adjustment.requested / (perUnit ?? 1) : null);
      return {
        code: adjustment.code,
        name: rule?.name ?? adjustment.code,
        kind: adjustment.kind,
        value,
        perUnit,
        requested: adjustment.requested,
        applied: adjustment.applied,
        cap: rule?.cap ?? adjustment.requested,
        capped: adjustment.capped,
        reason: entry?.reason ?? null,
        source: entry?.source ?? null,
        recordedAt: entry?.createdAt.toISOString() ?? null,
      };
    });
  }

  private async loadInScope(id: string, principal: Principal): Promise<{ snapshot: ScoreSnapshot; current: boolean }> {
    const found = await this.repository.findWithCurrent(id);
    if (!found) throw ApiError.notFound('score.notFound', { id });
    this.access.assertAllowed(principal, Permission.SUBMISSIONS_READ, submissionScope(found.snapshot), 'score.notFound', id);
    return found;
  }

  private scope(principal: Principal) {
    return this.access.listFilter(principal, Permission.SUBMISSIONS_READ, {
      province: 'sn.province_code',
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

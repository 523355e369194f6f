import { HttpStatus, Injectable } from '@nestjs/common';
import { FrameworkVersionRecord, recordAudit, ReportingCycle } from '@peduli/db';
import { FrameworkContent, FrameworkProblem, FrameworkStatus, KkpFrameworkContent, Programme, RanhamFrameworkContent, validateStoredFramework } from '@peduli/domain';
import { DataSource, EntityManager, In } from 'typeorm';
import { RequestActor } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { nextFrameworkVersion } from './framework-queries';
import { cycleView, runSummary, versionSummary, VersionSummary } from './framework-views';
import { DraftView, PublishBody, PublishedVersion, UpdateDraftBody, VersionDetail, VersionQuery, WhatIfBody } from './frameworks.dto';
import { RecalculationTrigger } from './recalculation-trigger.service';
import { WhatIfResult, WhatIfService } from './what-if.service';

/** Keeps only the content keys of the version's programme, so stray keys are never stored. */
function contentFor(programme: Programme, content: Record<string, unknown>): FrameworkContent {
  if (programme === Programme.RANHAM) {
    return { targetGroups: content.targetGroups ?? [], actions: content.actions ?? [], rules: content.rules } as RanhamFrameworkContent;
  }
  return { criteria: content.criteria ?? [], indicators: content.indicators ?? [], rules: content.rules } as KkpFrameworkContent;
}

/** How big a version is, for the audit trail (the content itself is in the version row). */
function sizeOf(content: FrameworkContent): Record<string, number> {
  return 'criteria' in content
    ? { criteria: content.criteria?.length ?? 0, indicators: content.indicators?.length ?? 0 }
    : { targetGroups: content.targetGroups?.length ?? 0, actions: content.actions?.length ?? 0 };
}

/** Validation must never throw on malformed stored content: anything unexpected becomes a problem to fix. */
function problemsOf(record: FrameworkVersionRecord, status: FrameworkStatus = record.status): FrameworkProblem[] {
  try {
    return validateStoredFramework({ ...record, status });
  } catch (error) {
    return [{ path: 'content', code: 'MALFORMED_CONTENT', message: { id: `Isi kerangka rusak: ${String(error)}`, en: `The content is malformed: ${String(error)}` } }];
  }
}

function invalid(problems: FrameworkProblem[]): ApiError {
  return ApiError.badRequest(
    'framework.invalid',
    {},
    problems.map((problem) => ({ field: problem.path, constraint: problem.code, fallback: problem.message.en, messages: problem.message })),
  );
}

/**
 * Versioned scoring frameworks. A DRAFT is edited freely (every save reports its problems); publishing checks it in
 * full and freezes it; a PUBLISHED version may later be RETIRED once no cycle pins it; a new version starts as a copy.
 */
@Injectable()
export class FrameworksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly recalculations: RecalculationTrigger,
    private readonly whatIf: WhatIfService,
  ) {}

  async list(query: VersionQuery): Promise<VersionSummary[]> {
    const rows = await this.dataSource.getRepository(FrameworkVersionRecord).find({
      where: { ...(query.programme ? { programme: query.programme } : {}), ...(query.frameworkCode ? { frameworkCode: query.frameworkCode } : {}) },
      order: { frameworkCode: 'ASC', version: 'DESC' },
    });
    return rows.map(versionSummary);
  }

  async get(id: string): Promise<VersionDetail> {
    const record = await this.load(id);
    return { ...versionSummary(record), content: record.content, problems: problemsOf(record) };
  }

  async draftFrom(id: string, actor: RequestActor): Promise<VersionSummary> {
    return this.dataSource.transaction(async (manager) => {
      const source = await this.load(id, manager);
      const next = await nextFrameworkVersion(manager, source.frameworkCode);
      const draft = await manager.getRepository(FrameworkVersionRecord).save({
        programme: source.programme,
        frameworkCode: source.frameworkCode,
        version: next,
        status: FrameworkStatus.DRAFT,
        label: source.label,
        content: source.content,
      });
      await recordAudit(manager, { ...actor, action: 'framework.draft_created', entityType: 'framework_version', entityId: draft.id, after: { ...versionSummary(draft), copiedFrom: id } });
      return versionSummary(draft);
    });
  }

  async update(id: string, body: UpdateDraftBody, actor: RequestActor): Promise<DraftView> {
    return this.dataSource.transaction(async (manager) => {
      const record = await this.loadDraft(id, manager);
      const content = contentFor(record.programme, body.content);
      await manager.update(FrameworkVersionRecord, id, { content, label: body.label ?? record.label });
      const updated = await this.load(id, manager);
      await recordAudit(manager, {
        ...actor,
        action: 'framework.draft_updated',
        entityType: 'framework_version',
        entityId: id,
        before: { label: record.label, ...sizeOf(record.content) },
        after: { label: updated.label, ...sizeOf(content) },
      });
      return { ...versionSummary(updated), problems: problemsOf(updated) };
    });
  }

  async publish(id: string, body: PublishBody, actor: RequestActor): Promise<PublishedVersion> {
    const result = await this.dataSource.transaction(async (manager) => {
      const record = await this.loadDraft(id, manager);
      const problems = problemsOf(record, FrameworkStatus.PUBLISHED);
      if (problems.length > 0) throw invalid(problems);
      await manager.update(FrameworkVersionRecord, id, { status: FrameworkStatus.PUBLISHED, publishedAt: new Date() });
      const published = await this.load(id, manager);
      await recordAudit(manager, { ...actor, action: 'framework.published', entityType: 'framework_version', entityId: id, before: { status: record.status }, after: versionSummary(published) });
      const cycleIds = [...new Set(body?.adoptInCycles ?? [])];
      const cycles = cycleIds.length
        ? await manager.getRepository(ReportingCycle).find({ where: { id: In(cycleIds) }, lock: { mode: 'pessimistic_write' }, order: { year: 'ASC' } })
        : [];
      const missing = cycleIds.find((cycleId) => !cycles.some((cycle) => cycle.id === cycleId));
      if (missing) throw ApiError.notFound('cycle.notFound', { id: missing });
      const runs = [];
      for (const cycle of cycles) {
        assertAdoptable(published, cycle);
        const run = await this.recalculations.adopt(manager, cycle, published.id, 'VERSION_PUBLISHED', actor);
        runs.push({ cycle: cycleView({ ...cycle, frameworkVersionId: published.id }), recalculation: runSummary(run) });
      }
      return { ...versionSummary(published), adoptedBy: runs };
    });
    if (result.adoptedBy.length > 0) this.recalculations.kick();
    return result;
  }

  async retire(id: string, actor: RequestActor): Promise<VersionSummary> {
    return this.dataSource.transaction(async (manager) => {
      const record = await manager.getRepository(FrameworkVersionRecord).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!record) throw ApiError.notFound('framework.notFound', { id });
      if (record.status !== FrameworkStatus.PUBLISHED) throw new ApiError(HttpStatus.CONFLICT, 'framework.notRetirable', { status: record.status });
      const pinning = await manager.getRepository(ReportingCycle).find({ where: { frameworkVersionId: id }, order: { year: 'ASC' } });
      if (pinning.length > 0) {
        throw new ApiError(HttpStatus.CONFLICT, 'framework.pinnedByCycle', { cycles: pinning.map((cycle) => `${cycle.programme} ${cycle.year}`).join(', ') });
      }
      await manager.update(FrameworkVersionRecord, id, { status: FrameworkStatus.RETIRED, retiredAt: new Date() });
      const retired = await this.load(id, manager);
      await recordAudit(manager, { ...actor, action: 'framework.retired', entityType: 'framework_version', entityId: id, before: { status: record.status }, after: versionSummary(retired) });
      return versionSummary(retired);
    });
  }

  async whatIfScore(id: string, body: WhatIfBody): Promise<WhatIfResult> {
    const record = await this.load(id);
    const problems = problemsOf(record, FrameworkStatus.PUBLISHED);
    if (problems.length > 0) throw invalid(problems);
    const cycle = await this.dataSource.getRepository(ReportingCycle).findOne({ where: { id: body.cycleId } });
    if (!cycle) throw ApiError.notFound('cycle.notFound', { id: body.cycleId });
    if (cycle.programme !== record.programme) {
      throw ApiError.badRequest('cycle.versionNotAdoptable', {
        programme: cycle.programme,
        version: `${record.frameworkCode}@${record.version}`,
        status: record.status,
        versionProgramme: record.programme,
      });
    }
    return this.whatIf.run(record, cycle);
  }

  async load(id: string, manager: EntityManager = this.dataSource.manager): Promise<FrameworkVersionRecord> {
    const record = await manager.getRepository(FrameworkVersionRecord).findOne({ where: { id } });
    if (!record) throw ApiError.notFound('framework.notFound', { id });
    return record;
  }

  /** Locks the row so a publish and an edit of the same draft cannot interleave. */
  private async loadDraft(id: string, manager: EntityManager): Promise<FrameworkVersionRecord> {
    const record = await manager.getRepository(FrameworkVersionRecord).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!record) throw ApiError.notFound('framework.notFound', { id });
    if (record.status !== FrameworkStatus.DRAFT) throw new ApiError(HttpStatus.CONFLICT, 'framework.notEditable', { status: record.status });
    return record;
  }
}

/** A cycle adopts only a published version of its own programme. */
export function assertAdoptable(version: FrameworkVersionRecord, cycle: Pick<ReportingCycle, 'programme'>): void {
  if (version.status !== FrameworkStatus.PUBLISHED || version.programme !== cycle.programme) {
    throw ApiError.conflict('cycle.versionNotAdoptable', {
      programme: cycle.programme,
      version: `${version.frameworkCode}@${version.version}`,
      status: version.status,
      versionProgramme: version.programme,
    });
  }
}

import { HttpStatus, Injectable } from '@nestjs/common';
import { AssignmentReporter, FrameworkVersionCache, Organisation, recordAudit, Region, reporterAssignmentRows, ReportingCycle } from '@peduli/db';
import {
  allAnswerCodes,
  AssignmentCatalogue,
  assignmentCatalogue,
  AssignmentItem,
  assignmentItemsOf,
  AssignmentRow,
  copyForwardAssignments,
  expandAssignedCodes,
  OrganisationKind,
  Permission,
  Programme,
  RanhamReporterLevel,
  reporterLevelOf,
  Scope,
  validateAssignments,
} from '@peduli/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '../auth/access.service';
import type { Principal, RequestActor } from '../auth/principal';
import { organisationScope } from '../auth/scopes';
import { ApiError } from '../common/api-error';
import { REGIONLESS_REPORTER_KINDS } from '../organisations/reporting-organisation';
import { AssignmentsQuery, AssignmentsView, AssignmentUnitView, CopyForwardView, ReplaceAssignmentsBody } from './assignments.dto';

/** The kinds of a regency/city's organisations that give inputs to its report, per programme. */
const REGION_UNIT_KINDS: Readonly<Record<Programme, readonly OrganisationKind[]>> = {
  [Programme.KKP_HAM]: [OrganisationKind.OPD, OrganisationKind.COMPANY, OrganisationKind.UNIVERSITY, OrganisationKind.NGO],
  [Programme.RANHAM]: [OrganisationKind.OPD],
};

/** Everything a request about one reporter's assignments in one cycle works with. */
interface AssignmentContext {
  cycle: ReportingCycle;
  catalogue: AssignmentCatalogue;
  reporter: AssignmentReporter & { name: string; provinceCode: string | null; scope: Scope; level: RanhamReporterLevel | null };
  units: (AssignmentUnitView & { scope: Scope })[];
}

/**
 * Who answers what: a reporter's coordinator assigns the items of a cycle's framework version (KKP HAM indicators,
 * RANHAM actions or single measures) to its units, with a lead where several share one. The set is replaced as a
 * whole, or copied from the reporter's latest earlier cycle. Units' inputs are then limited to what they were assigned
 * (SubmissionsService), and compilation lets the lead's answer settle a disagreement (CompileService).
 */
@Injectable()
export class AssignmentsService {
  private readonly versions = new FrameworkVersionCache();

  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async view(query: AssignmentsQuery, principal: Principal): Promise<AssignmentsView> {
    const manager = this.dataSource.manager;
    const context = await this.context(manager, query);
    const mayRead =
      this.access.allowed(principal, Permission.SUBMISSIONS_READ, context.reporter.scope) ||
      context.units.some((unit) => this.access.allowed(principal, Permission.SUBMISSIONS_READ, unit.scope));
    if (!mayRead) throw new ApiError(HttpStatus.FORBIDDEN, 'access.forbidden');
    return this.render(context, await reporterAssignmentRows(manager, context.cycle.id, context.reporter));
  }

  async replace(body: ReplaceAssignmentsBody, principal: Principal, actor: RequestActor): Promise<AssignmentsView> {
    return this.dataSource.transaction(async (manager) => {
      const context = await this.context(manager, body);
      this.assertMayChange(principal, context);
      await this.lock(manager, context);
      const active = new Set(context.units.filter((unit) => unit.active).map((unit) => unit.id));
      const { problems, items } = validateAssignments(context.catalogue, active, body.items);
      if (problems.length > 0) {
        throw ApiError.badRequest(
          'assignment.invalid',
          {},
          problems.map((problem) => ({ field: problem.path, constraint: problem.code, fallback: problem.message.en, messages: problem.message })),
        );
      }
      const before = await reporterAssignmentRows(manager, context.cycle.id, context.reporter);
      const after = await this.write(manager, context, items);
      await recordAudit(manager, {
        ...actor,
        action: 'assignment.replaced',
        entityType: 'reporting_cycle',
        entityId: context.cycle.id,
        before: { ...this.reporterKey(context), items: assignmentItemsOf(context.catalogue, before) },
        after: { ...this.reporterKey(context), items: assignmentItemsOf(context.catalogue, after) },
        provinceCode: context.reporter.provinceCode,
        regionCode: context.reporter.regionCode,
      });
      return this.render(context, after);
    });
  }

  async copyForward(body: AssignmentsQuery, principal: Principal, actor: RequestActor): Promise<CopyForwardView> {
    return this.dataSource.transaction(async (manager) => {
      const context = await this.context(manager, body);
      this.assertMayChange(principal, context);
      await this.lock(manager, context);
      const existing = await reporterAssignmentRows(manager, context.cycle.id, context.reporter);
      if (existing.length > 0) throw ApiError.conflict('assignment.alreadySet', { reporter: context.reporter.name, count: existing.length });
      const column = context.reporter.regionCode !== null ? 'reporter_region_code' : 'reporter_organisation_id';
      const [earlier]: { id: string }[] = await manager.query(
        `SELECT c.id FROM reporting_cycle c
          WHERE c.programme = $1 AND c.year < $2
            AND EXISTS (SELECT 1 FROM assignment a WHERE a.cycle_id = c.id AND a.${column} = $3)
          ORDER BY c.year DESC LIMIT 1`,
        [context.cycle.programme, context.cycle.year, context.reporter.regionCode ?? context.reporter.organisationId],
      );
      if (!earlier) throw ApiError.notFound('assignment.nothingToCopy', { reporter: context.reporter.name });
      const earlierItems = assignmentItemsOf(context.catalogue, await reporterAssignmentRows(manager, earlier.id, context.reporter));
      const active = new Set(context.units.filter((unit) => unit.active).map((unit) => unit.id));
      const { items, dropped } = copyForwardAssignments(earlierItems, context.catalogue, active);
      const after = await this.write(manager, context, items);
      await recordAudit(manager, {
        ...actor,
        action: 'assignment.copied_forward',
        entityType: 'reporting_cycle',
        entityId: context.cycle.id,
        before: null,
        after: { ...this.reporterKey(context), fromCycleId: earlier.id, items: assignmentItemsOf(context.catalogue, after), dropped },
        provinceCode: context.reporter.provinceCode,
        regionCode: context.reporter.regionCode,
      });
      return { ...this.render(context, after), copiedFromCycleId: earlier.id, dropped };
    });
  }

  private reporterKey(context: AssignmentContext): AssignmentReporter {
    return { regionCode: context.reporter.regionCode, organisationId: context.reporter.organisationId };
  }

  /** Whoever may compile the reporter's report may assign its units (national admins included); units may not. */
  private assertMayChange(principal: Principal, context: AssignmentContext): void {
    if (!this.access.allowed(principal, Permission.SUBMISSIONS_EDIT, context.reporter.scope)) throw new ApiError(HttpStatus.FORBIDDEN, 'access.forbidden');
  }

  /** Two replacements of one reporter's set at once would interleave their deletes and inserts: one waits. */
  private async lock(manager: EntityManager, context: AssignmentContext): Promise<void> {
    const key = `assignment:${context.cycle.id}:${context.reporter.regionCode ?? context.reporter.organisationId}`;
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [key]);
  }

  private async write(manager: EntityManager, context: AssignmentContext, items: readonly AssignmentItem[]): Promise<AssignmentRow[]> {
    const column = context.reporter.regionCode !== null ? 'reporter_region_code' : 'reporter_organisation_id';
    await manager.query(`DELETE FROM assignment WHERE cycle_id = $1 AND ${column} = $2`, [context.cycle.id, context.reporter.regionCode ?? context.reporter.organisationId]);
    const rows: AssignmentRow[] = items.flatMap((item) => item.unitIds.map((unitId) => ({ itemCode: item.code, unitId, lead: unitId === item.leadUnitId })));
    if (rows.length > 0) {
      await manager.query(
        `INSERT INTO assignment (cycle_id, reporter_region_code, reporter_organisation_id, item_code, unit_organisation_id, lead)
         SELECT $1, $2, $3, t.code, t.unit, t.lead FROM unnest($4::text[], $5::uuid[], $6::boolean[]) AS t(code, unit, lead)`,
        [
          context.cycle.id,
          context.reporter.regionCode,
          context.reporter.organisationId,
          rows.map((row) => row.itemCode),
          rows.map((row) => row.unitId),
          rows.map((row) => row.lead),
        ],
      );
    }
    return reporterAssignmentRows(manager, context.cycle.id, context.reporter);
  }

  private render(context: AssignmentContext, rows: readonly AssignmentRow[]): AssignmentsView {
    const assigned = new Map(assignmentItemsOf(context.catalogue, rows).map((item) => [item.code, item]));
    const covered = expandAssignedCodes(context.catalogue, assigned.keys(), null);
    const known = new Set(context.units.map((unit) => unit.id));
    const strays = [...new Set(rows.map((row) => row.unitId))].filter((id) => !known.has(id));
    return {
      cycleId: context.cycle.id,
      programme: context.cycle.programme,
      reporter: { regionCode: context.reporter.regionCode, organisationId: context.reporter.organisationId, name: context.reporter.name },
      assigning: rows.length > 0,
      units: [
        ...context.units.map(({ id, name, kind, active }) => ({ id, name, kind, active })),
        // A unit moved to another reporter after it was assigned: shown by id so the coordinator can drop it.
        ...strays.map((id) => ({ id, name: id, kind: OrganisationKind.OPD, active: false })),
      ],
      items: context.catalogue.items.map((item) => ({
        code: item.code,
        kind: item.kind,
        text: item.text,
        parentCode: item.parentCode,
        periodCode: item.periodCode,
        unitIds: [...(assigned.get(item.code)?.unitIds ?? [])],
        leadUnitId: assigned.get(item.code)?.leadUnitId ?? null,
      })),
      unassignedCodes: [...allAnswerCodes(context.catalogue, null)].filter((code) => !covered.has(code)),
    };
  }

  /** The cycle, its version's items, the named reporter and its units (404 for an unknown cycle or reporter). */
  private async context(manager: EntityManager, query: AssignmentsQuery): Promise<AssignmentContext> {
    const cycle = await manager.getRepository(ReportingCycle).findOne({ where: { id: query.cycleId } });
    if (!cycle) throw ApiError.notFound('cycle.notFound', { id: query.cycleId });
    const version = await this.versions.byId(manager, cycle.frameworkVersionId);
    if (!version) throw ApiError.conflict('submission.noFramework', { programme: cycle.programme });
    const reporter = await this.reporter(manager, cycle.programme, query);
    const catalogue = assignmentCatalogue(cycle.programme, version.content, { year: cycle.year, level: reporter.level });
    const unitRows: Organisation[] =
      reporter.regionCode !== null
        ? await manager.query(
            `SELECT id, name, kind, active, province_code AS "provinceCode", region_code AS "regionCode", parent_id AS "parentId"
               FROM organisation WHERE region_code = $1 AND kind = ANY($2) ORDER BY name, id`,
            [reporter.regionCode, REGION_UNIT_KINDS[cycle.programme]],
          )
        : await manager.query(
            `SELECT id, name, kind, active, province_code AS "provinceCode", region_code AS "regionCode", parent_id AS "parentId"
               FROM organisation WHERE parent_id = $1 ORDER BY name, id`,
            [reporter.organisationId],
          );
    const units = unitRows
      .filter((unit) => cycle.programme !== Programme.RANHAM || reporterLevelOf({ organisationKind: unit.kind, regionCode: unit.regionCode }) !== null)
      .sort((a, b) => Number(b.active) - Number(a.active))
      .map((unit) => ({ id: unit.id, name: unit.name, kind: unit.kind, active: unit.active, scope: organisationScope(unit) }));
    return { cycle, catalogue, reporter, units };
  }

  private async reporter(manager: EntityManager, programme: Programme, query: AssignmentsQuery): Promise<AssignmentContext['reporter']> {
    if (query.organisationId) {
      if (query.regionCode) throw ApiError.badRequest('assignment.reporterRequired');
      const organisation = await manager.getRepository(Organisation).findOne({ where: { id: query.organisationId, active: true } });
      if (!organisation) throw ApiError.notFound('organisation.notFound', { id: query.organisationId });
      if (!REGIONLESS_REPORTER_KINDS.includes(organisation.kind)) throw ApiError.badRequest('assignment.notReporter', { id: organisation.id, kind: organisation.kind });
      if (programme === Programme.KKP_HAM) throw ApiError.badRequest('submission.kkpRegionOnly', { kind: organisation.kind });
      return {
        regionCode: null,
        organisationId: organisation.id,
        name: organisation.name,
        provinceCode: organisation.provinceCode,
        scope: organisationScope(organisation),
        level: reporterLevelOf({ organisationKind: organisation.kind, regionCode: null }),
      };
    }
    if (!query.regionCode) throw ApiError.badRequest('assignment.reporterRequired');
    const region = await manager.getRepository(Region).findOne({ where: { code: query.regionCode } });
    if (!region) throw ApiError.notFound('region.notFound', { code: query.regionCode });
    return {
      regionCode: region.code,
      organisationId: null,
      name: region.name,
      provinceCode: region.provinceCode,
      scope: { provinceCode: region.provinceCode, regionCode: region.code, organisationId: null },
      level: reporterLevelOf({ organisationKind: null, regionCode: region.code }),
    };
  }
}

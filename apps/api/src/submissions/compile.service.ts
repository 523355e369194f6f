import { HttpStatus, Injectable } from '@nestjs/common';
import { recordAudit } from '@peduli/db';
import {
  Answers,
  compileAnswers,
  EDITABLE_STATUSES,
  isPeriodOfProgramme,
  KKP_HAM_PERIOD_CODE,
  OrganisationKind,
  parsePeriodKey,
  Permission,
  Programme,
  RANHAM_DEFAULT_PERIODS,
  Scope,
} from '@peduli/domain';
import { AccessService } from '../auth/access.service';
import { organisationScope } from '../auth/scopes';
import type { Principal, RequestActor } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { conflictProblems } from './compile-conflicts';
import { assignedAnswersOf, compileAssignments } from './compile-assignments';
import { CompileBody } from './compile.dto';
import { EvidenceRepository } from './evidence.repository';
import { quarantinedCopy } from './evidence-view';
import { CURRENT_REPORT_INDEXES, CurrentReportKey, SubmissionsRepository } from './submissions.repository';

import { SubmissionsService } from './submissions.service';

type CompileTarget = CurrentReportKey & { provinceCode: string | null };

export interface CompiledFrom {
  submissionId: string;
  organisationId: string;
  indicatorCodes: string[];
  documents: number;
}

/**
 * The coordinator's compilation of a reporter's one report of a period from its units' approved inputs: a
 * regency/city's (KKP HAM or RANHAM) from its organisations, a province's (RANHAM, through its Biro Hukum) from its
 * OPD, a ministry's (RANHAM) from its directorates. Their answers (by indicator, or by RANHAM action or measure; a
 * disagreement between units is refused, listed by unit name and value, for the coordinator to settle) and their
 * accepted documents come along, and the documents are checked again with the compiled report. The coordinator's own
 * answers sent with the call are applied first and stand over the units', which is how a disagreement is settled in
 * the same call. Running it again brings in what was approved since.
 */
@Injectable()
export class CompileService {
  constructor(
    private readonly repository: SubmissionsRepository,
    private readonly evidence: EvidenceRepository,
    private readonly access: AccessService,
    private readonly submissions: SubmissionsService,
  ) {}

  async compile(body: CompileBody, principal: Principal, actor: RequestActor): Promise<{ submissionId: string; compiledFrom: CompiledFrom[] }> {
    const programme = body.programme ?? Programme.KKP_HAM;
    const key = parsePeriodKey(body.periodKey);
    if (!key || !isPeriodOfProgramme(programme, key)) {
      const code = programme === Programme.KKP_HAM ? KKP_HAM_PERIOD_CODE : RANHAM_DEFAULT_PERIODS[1].code;
      throw ApiError.badRequest('submission.periodMismatch', { periodKey: body.periodKey, programme, example: `${new Date().getUTCFullYear()}-${code}` });
    }
    const { reporter, scope, organisationKind } = await this.reporterOf(programme, body);
    if (!this.access.allowed(principal, Permission.SUBMISSIONS_EDIT, scope)) throw new ApiError(HttpStatus.FORBIDDEN, 'access.forbidden');
    const own = body.answers ?? {};
    // Checked like a PATCH of the compiled report's answers, before anything is locked or written.
    await this.submissions.assertAnswersFit(this.repository.manager, { programme, periodKey: body.periodKey, organisationKind, regionCode: reporter.regionCode }, own);

    // Two first compilations at once both find no report and both insert; the one-report-per-period index lets one in,
    // and the other runs again, finding (and waiting on) the report the first created.
    return this.compileInto(reporter, body.periodKey, own, actor).catch((error: unknown) => {
      const constraint = (error as { driverError?: { constraint?: string } }).driverError?.constraint;
      if (!constraint || !CURRENT_REPORT_INDEXES.includes(constraint)) throw error;
      return this.compileInto(reporter, body.periodKey, own, actor);
    });
  }

  /** The reporter named by the body: a regency/city, or a ministry or Biro Hukum (which report RANHAM only). */
  private async reporterOf(
    programme: Programme,
    body: CompileBody,
  ): Promise<{ reporter: CompileTarget; scope: Scope; organisationKind: OrganisationKind | null }> {
    if (body.organisationId) {
      const organisation = await this.repository.findActiveOrganisation(body.organisationId);
      if (!organisation) throw ApiError.notFound('organisation.notFound', { id: body.organisationId });
      if (organisation.kind !== OrganisationKind.MINISTRY && organisation.kind !== OrganisationKind.BIRO_HUKUM) {
        throw ApiError.badRequest('submission.notReporter', { id: organisation.id, kind: organisation.kind });
      }
      if (programme === Programme.KKP_HAM) throw ApiError.badRequest('submission.kkpRegionOnly', { kind: organisation.kind });
      return {
        reporter: { programme, regionCode: null, organisationId: organisation.id, provinceCode: organisation.provinceCode },
        scope: organisationScope(organisation),
        organisationKind: organisation.kind,
      };
    }
    if (!body.regionCode) throw ApiError.badRequest('submission.reporterRequired');
    const region = await this.repository.findRegion(body.regionCode);
    if (!region) throw ApiError.notFound('region.notFound', { code: body.regionCode });
    return {
      reporter: { programme, regionCode: region.code, organisationId: null, provinceCode: region.provinceCode },
      scope: { provinceCode: region.provinceCode, regionCode: region.code, organisationId: null },
      organisationKind: null,
    };
  }

  private compileInto(
    reporter: CompileTarget,
    periodKey: string,
    settled: Answers,
    actor: RequestActor,
  ): Promise<{ submissionId: string; compiledFrom: CompiledFrom[] }> {
    return this.repository.transaction(async (manager) => {
      const target = await this.repository.lockOrCreateReport(manager, reporter, periodKey);
      if (!EDITABLE_STATUSES.includes(target.status)) throw ApiError.conflict('submission.answersLocked', { status: target.status });

      const sources = await this.repository.verifiedUnitInputs(manager, reporter, periodKey);
      // Where the reporter assigns items, a unit brings only what it was assigned, and an item's lead settles it.
      const assignments = await compileAssignments(manager, reporter, periodKey);
      const result = compileAnswers(
        { ...target.answers, ...settled },
        sources.map((source) => ({
          submissionId: source.id,
          organisationId: source.organisationId!,
          answers: assignedAnswersOf(source.answers, source.organisationId!, assignments),
        })),
        assignments?.leads,
      );
      if (result.conflicts.length > 0) {
        const units = [...new Set(result.conflicts.flatMap((conflict) => conflict.values.map((entry) => entry.organisationId)))];
        const names = new Map((await this.repository.organisationNames(units)).map((unit) => [unit.id, unit.name]));
        throw new ApiError(HttpStatus.CONFLICT, 'submission.compileConflicts', {}, conflictProblems(result.conflicts, names));
      }
      await this.repository.replaceAnswers(manager, target.id, result.answers);

      // The units' accepted documents come along (the same stored bytes), unless an earlier compilation brought them.
      const attached = new Set(await this.evidence.storageKeysOf(manager, target.id));
      const compiledFrom: CompiledFrom[] = [];
      for (const [index, source] of sources.entries()) {
        const documents = await this.evidence.acceptedDocumentsOf(manager, source.id);
        let copied = 0;
        for (const document of documents) {
          if (attached.has(document.storageKey)) continue;
          await this.evidence.insertDocument(manager, quarantinedCopy(document, target.id));
          attached.add(document.storageKey);
          copied += 1;
        }
        compiledFrom.push({ ...result.contributions[index], documents: copied });
      }
      await recordAudit(manager, {
        ...actor,
        action: 'submission.compiled',
        entityType: 'submission',
        entityId: target.id,
        before: { answers: target.answers },
        after: { answers: result.answers, compiledFrom, ...(Object.keys(settled).length > 0 ? { settled } : {}) },
        provinceCode: reporter.provinceCode,
        regionCode: reporter.regionCode,
      });
      return { submissionId: target.id, compiledFrom };
    });
  }
}

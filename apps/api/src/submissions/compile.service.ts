import { HttpStatus, Injectable } from '@nestjs/common';
import { recordAudit, Region } from '@peduli/db';
import { compileAnswers, EDITABLE_STATUSES, isPeriodOfProgramme, parsePeriodKey, Permission, Programme } from '@peduli/domain';
import { AccessService } from '../auth/access.service';
import type { Principal, RequestActor } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { CompileBody } from './compile.dto';
import { EvidenceRepository } from './evidence.repository';
import { quarantinedCopy } from './evidence-view';
import { SubmissionsRepository } from './submissions.repository';
import { SubmissionsService } from './submissions.service';

export interface CompiledFrom {
  submissionId: string;
  organisationId: string;
  indicatorCodes: string[];
  documents: number;
}

/**
 * The coordinator's compilation of a regency/city's KKP HAM submission from its units' approved inputs: their answers
 * (a disagreement between units is refused, listed, for the coordinator to settle) and their accepted documents,
 * which are checked again with the compiled submission. Running it again brings in what was approved since.
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
    const key = parsePeriodKey(body.periodKey);
    if (!key || !isPeriodOfProgramme(Programme.KKP_HAM, key)) {
      throw ApiError.badRequest('submission.periodMismatch', { periodKey: body.periodKey, programme: Programme.KKP_HAM, example: `${new Date().getUTCFullYear()}-TAHUNAN` });
    }
    const region = await this.repository.findRegion(body.regionCode);
    if (!region) throw ApiError.notFound('region.notFound', { code: body.regionCode });
    const scope = { provinceCode: region.provinceCode, regionCode: region.code, organisationId: null };
    if (!this.access.allowed(principal, Permission.SUBMISSIONS_EDIT, scope)) throw new ApiError(HttpStatus.FORBIDDEN, 'access.forbidden');

    // Two first compilations at once both find no report and both insert; the one-report-a-year index lets one in,
    // and the other runs again, finding (and waiting on) the report the first created.
    return this.compileInto(region, body, actor).catch((error: unknown) => {
      if ((error as { driverError?: { constraint?: string } }).driverError?.constraint !== 'submission_kkp_region_current_uq') throw error;
      return this.compileInto(region, body, actor);
    });
  }

  private compileInto(region: Region, body: CompileBody, actor: RequestActor): Promise<{ submissionId: string; compiledFrom: CompiledFrom[] }> {
    return this.repository.transaction(async (manager) => {
      const target = await this.repository.lockOrCreateRegionReport(manager, region.code, body.periodKey);
      if (!EDITABLE_STATUSES.includes(target.status)) throw ApiError.conflict('submission.answersLocked', { status: target.status });

      const sources = await this.repository.verifiedUnitReports(manager, region.code, body.periodKey);
      const result = compileAnswers(
        target.answers,
        sources.map((source) => ({ submissionId: source.id, organisationId: source.organisationId!, answers: source.answers })),
      );
      if (result.conflicts.length > 0) {
        throw new ApiError(
          HttpStatus.CONFLICT,
          'submission.compileConflicts',
          {},
          result.conflicts.map((conflict) => {
            const values = conflict.values.map((entry) => `${entry.organisationId}: ${JSON.stringify(entry.value)}`).join('; ');
            return {
              field: `answers.${conflict.indicatorCode}`,
              constraint: 'UNITS_DISAGREE',
              fallback: `Units gave different answers: ${values}`,
              messages: { id: `Unit memberi jawaban berbeda: ${values}`, en: `Units gave different answers: ${values}` },
            };
          }),
        );
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
        after: { answers: result.answers, compiledFrom },
        regionCode: region.code,
      });
      return { submissionId: target.id, compiledFrom };
    });
  }
}

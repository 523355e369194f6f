import { HttpStatus, Injectable } from '@nestjs/common';
import { EvidenceDocument, recordAudit, Region, Submission } from '@peduli/db';
import { compileAnswers, DocumentStatus, EDITABLE_STATUSES, isPeriodOfProgramme, parsePeriodKey, Permission, Programme, SubmissionStatus } from '@peduli/domain';
import { DataSource, IsNull, Not } from 'typeorm';
import { AccessService } from '../auth/access.service';
import type { Principal, RequestActor } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { CompileBody } from './compile.dto';
import { quarantinedCopy } from './evidence-view';
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
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly submissions: SubmissionsService,
  ) {}

  async compile(body: CompileBody, principal: Principal, actor: RequestActor): Promise<{ submissionId: string; compiledFrom: CompiledFrom[] }> {
    const key = parsePeriodKey(body.periodKey);
    if (!key || !isPeriodOfProgramme(Programme.KKP_HAM, key)) {
      throw ApiError.badRequest('submission.periodMismatch', { periodKey: body.periodKey, programme: Programme.KKP_HAM, example: `${new Date().getUTCFullYear()}-TAHUNAN` });
    }
    const region = await this.dataSource.getRepository(Region).findOne({ where: { code: body.regionCode } });
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
    return this.dataSource.transaction(async (manager) => {
      const where = { regionCode: region.code, programme: Programme.KKP_HAM, periodKey: body.periodKey };
      let target = await manager.getRepository(Submission).findOne({ where: { ...where, organisationId: IsNull(), supersededBy: IsNull() }, order: { createdAt: 'DESC' }, lock: { mode: 'pessimistic_write' } });
      target ??= await manager.getRepository(Submission).save({ ...where, organisationId: null, answers: {}, status: SubmissionStatus.DRAFT });
      if (!EDITABLE_STATUSES.includes(target.status)) throw ApiError.conflict('submission.answersLocked', { status: target.status });

      const sources = await manager.getRepository(Submission).find({
        where: { ...where, organisationId: Not(IsNull()), status: SubmissionStatus.VERIFIED },
        order: { organisationId: 'ASC' },
      });
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
      await manager.query(`UPDATE submission SET answers = $2, updated_at = now(), version = version + 1 WHERE id = $1`, [target.id, JSON.stringify(result.answers)]);

      // The units' accepted documents come along (the same stored bytes), unless an earlier compilation brought them.
      const attached = new Set(
        (await manager.getRepository(EvidenceDocument).find({ where: { submissionId: target.id }, select: { storageKey: true } })).map((d) => d.storageKey),
      );
      const compiledFrom: CompiledFrom[] = [];
      for (const [index, source] of sources.entries()) {
        const documents = await manager.getRepository(EvidenceDocument).find({ where: { submissionId: source.id, status: DocumentStatus.ACCEPTED } });
        let copied = 0;
        for (const document of documents) {
          if (attached.has(document.storageKey)) continue;
          await manager.getRepository(EvidenceDocument).save(quarantinedCopy(document, target.id));
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

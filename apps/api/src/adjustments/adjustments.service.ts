import { Injectable } from '@nestjs/common';
import { recordAudit, ReportingCycle } from '@peduli/db';
import {
  AdjustmentRule,
  parsePeriodKey,
  Permission,
  pointsFromYearlyScore,
  Programme,
  ranhamBonusSourceText,
  ranhamDerivedAdjustments,
  SCORABLE_STATUSES,
} from '@peduli/domain';
import { JobName, OutboxRelay, recordEvent } from '@peduli/queue';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '../auth/access.service';
import type { Principal, RequestActor } from '../auth/principal';
import { submissionScope } from '../auth/scopes';
import { ApiError } from '../common/api-error';
import { RanhamYearlyService } from '../scores/ranham-yearly.service';
import { AdjustmentChange, AksiHamBonusRun, AksiHamBonusSubject } from './adjustments.dto';
import { AdjustableSubmission, AdjustmentsRepository } from './adjustments.repository';

/** A cycle's results are final once its decree is issued: nothing may change them any more. */
export function assertNotDecreed(cycle: Pick<ReportingCycle, 'decreeNumber' | 'programme' | 'year'> | null): void {
  if (cycle?.decreeNumber) throw ApiError.conflict('cycle.decreed', { programme: cycle.programme, year: cycle.year, number: cycle.decreeNumber });
}

/** The signed points a value gives under a rule, after the cap: what the scorer will apply. */
function pointsOf(rule: AdjustmentRule, value: number | null): { points: number; capped: boolean } {
  const requested = (value ?? 0) * (rule.perUnit ?? 1);
  const points = Math.min(rule.cap, requested);
  return { points: rule.kind === 'BONUS' ? points : 0 - points, capped: requested > rule.cap };
}

interface Change {
  value: number | null;
  reason: string;
  source: string;
}

/**
 * The central team's adjustments of a KKP HAM score (the Aksi HAM bonus, the unresolved-complaint penalty). Each
 * change is kept with its reason and source, audited, and rescores the submission through the same event the last
 * review stage publishes, in the transaction that makes the change.
 */
@Injectable()
export class AdjustmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: AdjustmentsRepository,
    private readonly access: AccessService,
    private readonly yearly: RanhamYearlyService,
    private readonly relay: OutboxRelay,
  ) {}

  set(id: string, code: string, body: { value: number; reason: string; source: string }, principal: Principal, actor: RequestActor): Promise<AdjustmentChange> {
    return this.change(id, code, { value: body.value, reason: body.reason.trim(), source: body.source.trim() }, principal, actor);
  }

  remove(id: string, code: string, body: { reason: string }, principal: Principal, actor: RequestActor): Promise<AdjustmentChange> {
    return this.change(id, code, { value: null, reason: body.reason.trim(), source: 'removed' }, principal, actor);
  }

  /**
   * Sets every derived adjustment (the Aksi HAM bonus) of a KKP HAM cycle's scored regency/city submissions from the
   * regency/city's RANHAM yearly score of the cycle's data year. Running it again changes only what moved.
   */
  async applyAksiHamBonus(cycleId: string, actor: RequestActor): Promise<AksiHamBonusRun> {
    const result = await this.dataSource.transaction(async (manager) => {
      const cycle = await this.repository.lockCycle(manager, cycleId);
      if (!cycle) throw ApiError.notFound('cycle.notFound', { id: cycleId });
      if (cycle.programme !== Programme.KKP_HAM) throw ApiError.conflict('adjustment.cycleNotKkp', { programme: cycle.programme });
      assertNotDecreed(cycle);
      const rules = await this.repository.rulesOfVersion(manager, cycle.frameworkVersionId);
      const derived = ranhamDerivedAdjustments(rules?.adjustments ?? []);
      if (derived.length === 0) throw ApiError.conflict('adjustment.noDerivedRule', { year: cycle.year });
      const ranhamRules = await this.yearly.rulesOf(cycle.dataYear, manager);
      const yearly = await this.yearly.regencyScores(cycle.dataYear, ranhamRules, undefined, null, manager);
      const subjects: AksiHamBonusSubject[] = [];
      for (const submission of await this.repository.lockCycleSubjects(manager, cycle)) {
        const regionCode = submission.regionCode as string;
        // A regency/city without a scored RANHAM report of the year has a yearly score of 0: every period counts 0.
        const yearlyScore = yearly.get(regionCode)?.score ?? 0;
        for (const rule of derived) {
          if (!rule.source) continue;
          const value = pointsFromYearlyScore(yearlyScore, rule.source).points;
          const source = ranhamBonusSourceText(cycle.dataYear, yearlyScore);
          const change = { value, reason: `Derived from the RANHAM yearly score of ${cycle.dataYear} by the rule’s bands`, source };
          const written = await this.write(manager, submission, rule, change, actor);
          subjects.push({ submissionId: submission.id, regionCode, code: rule.code, yearlyScore, value, changed: written.changed });
        }
      }
      const changed = subjects.filter((subject) => subject.changed).length;
      await recordAudit(manager, {
        ...actor,
        action: 'cycle.aksi_ham_bonus_applied',
        entityType: 'reporting_cycle',
        entityId: cycle.id,
        after: { dataYear: cycle.dataYear, codes: derived.map((rule) => rule.code), subjects: subjects.length, changed },
      });
      return { cycleId: cycle.id, dataYear: cycle.dataYear, subjects, changed };
    });
    if (result.changed > 0) this.relay.kick();
    return result;
  }

  private async change(id: string, code: string, change: Change, principal: Principal, actor: RequestActor): Promise<AdjustmentChange> {
    const result = await this.dataSource.transaction(async (manager) => {
      const submission = await this.repository.lockSubmission(manager, id);
      if (!submission) throw ApiError.notFound('submission.notFound', { id });
      this.access.assertAllowed(principal, Permission.ADJUSTMENTS_MANAGE, submissionScope(submission), 'submission.notFound', id);
      const rule = await this.adjustableRule(manager, submission, code);
      if (change.value !== null && rule.perUnit === undefined && change.value > 100) {
        throw ApiError.badRequest('adjustment.valueOutOfRange', { code, max: 100 });
      }
      return this.write(manager, submission, rule, change, actor);
    });
    if (result.changed) this.relay.kick();
    return result;
  }

  /** Checks that the submission takes adjustments now and returns the rule of the code, or says what is wrong. */
  private async adjustableRule(manager: EntityManager, submission: AdjustableSubmission, code: string): Promise<AdjustmentRule> {
    if (submission.programme !== Programme.KKP_HAM) throw ApiError.conflict('adjustment.notKkp', { programme: submission.programme });
    // A unit's input is scored as part of its regency/city, and a superseded duplicate no longer counts.
    if (!submission.ownReport || submission.supersededBy !== null) throw ApiError.conflict('adjustment.notScoredSubject', { id: submission.id });
    if (!SCORABLE_STATUSES.includes(submission.status)) {
      throw ApiError.conflict('adjustment.notScorable', { status: submission.status, allowed: SCORABLE_STATUSES.join(', ') });
    }
    const year = parsePeriodKey(submission.periodKey)?.year;
    if (year !== undefined) assertNotDecreed(await this.repository.cycleOfYear(manager, Programme.KKP_HAM, year));
    const rules = await this.repository.rulesForPeriod(manager, submission.periodKey);
    const rule = rules?.adjustments.find((candidate) => candidate.code === code);
    if (!rule) {
      const known = (rules?.adjustments ?? []).map((candidate) => candidate.code).join(', ') || '-';
      throw ApiError.badRequest('adjustment.unknownCode', { code, known });
    }
    return rule;
  }

  /** Records one change: the value in force, its history row, the audit row and the rescoring event; a repeat is a no-op. */
  private async write(manager: EntityManager, submission: AdjustableSubmission, rule: AdjustmentRule, change: Change, actor: RequestActor): Promise<AdjustmentChange> {
    const before = submission.adjustments[rule.code] ?? null;
    const latest = await this.repository.latestEntry(manager, submission.id, rule.code);
    const unchanged = before === change.value && (change.value === null || latest?.source === change.source);
    if (!unchanged) {
      const adjustments = { ...submission.adjustments };
      if (change.value === null) delete adjustments[rule.code];
      else adjustments[rule.code] = change.value;
      await this.repository.writeValue(manager, submission.id, adjustments);
      submission.adjustments = adjustments;
      await this.repository.addEntry(manager, { submissionId: submission.id, code: rule.code, ...change, actorId: actor.actor.id });
      await recordAudit(manager, {
        ...actor,
        action: change.value === null ? 'submission.adjustment_removed' : 'submission.adjustment_set',
        entityType: 'submission',
        entityId: submission.id,
        before: { code: rule.code, value: before },
        after: { code: rule.code, value: change.value, source: change.source },
        reason: change.reason,
        provinceCode: submission.provinceCode,
        regionCode: submission.regionCode,
      });
      // The same event the last review stage publishes: the scoring worker rescores with the adjustments now in force.
      await recordEvent(manager, JobName.SubmissionVerified, { submissionId: submission.id, submitCount: submission.submitCount });
    }
    const { points, capped } = pointsOf(rule, change.value);
    return {
      submissionId: submission.id,
      code: rule.code,
      kind: rule.kind,
      value: change.value,
      points,
      cap: rule.cap,
      capped,
      reason: change.reason,
      source: change.source,
      changed: !unchanged,
    };
  }
}

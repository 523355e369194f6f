import { ApiProperty } from '@nestjs/swagger';
import { FrameworkVersionRecord, RecalculationRun, ReportingCycle } from '@peduli/db';
import { FrameworkStatus, Programme } from '@peduli/domain';

// The views are classes so that Swagger can describe them (interfaces leave no trace at run time).

export class VersionSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: Programme, enumName: 'Programme' }) programme: Programme;
  @ApiProperty({ example: 'KKP_HAM_PERMENKUMHAM_22_2021' }) frameworkCode: string;
  @ApiProperty({ type: 'integer', example: 2 }) version: number;
  @ApiProperty({ enum: FrameworkStatus, enumName: 'FrameworkStatus' }) status: FrameworkStatus;
  @ApiProperty({ example: 'KKP HAM (Permenkumham 22/2021)' }) label: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) retiredAt: string | null;
}

export function versionSummary(record: FrameworkVersionRecord): VersionSummary {
  return {
    id: record.id,
    programme: record.programme,
    frameworkCode: record.frameworkCode,
    version: record.version,
    status: record.status,
    label: record.label,
    publishedAt: record.publishedAt?.toISOString() ?? null,
    retiredAt: record.retiredAt?.toISOString() ?? null,
  };
}

export class CycleDecree {
  @ApiProperty({ example: 'M.HH-03.HA.02.01.01/2023' }) number: string;
  @ApiProperty({ format: 'date', example: '2023-11-15' }) date: string;
}

export class CycleView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: Programme, enumName: 'Programme' }) programme: Programme;
  @ApiProperty({ type: 'integer', example: 2026 }) year: number;
  @ApiProperty({ example: 'KKP HAM 2026 (data 2025)' }) label: string;
  @ApiProperty({ format: 'uuid', description: 'The framework version the cycle’s submissions are scored against' }) frameworkVersionId: string;
  @ApiProperty({ type: 'integer', example: 2025, description: 'The year the data describe: a KKP HAM award year minus one by default; a RANHAM cycle’s own year' }) dataYear: number;
  @ApiProperty({ type: 'integer', nullable: true, example: 2026, description: 'KKP HAM: the award year (the cycle’s year); null for RANHAM' }) awardYear: number | null;
  @ApiProperty({ type: CycleDecree, nullable: true, description: 'The decree that makes the results final; null until issued' }) decree: CycleDecree | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export function cycleView(cycle: ReportingCycle): CycleView {
  return {
    id: cycle.id,
    programme: cycle.programme,
    year: cycle.year,
    label: cycle.label,
    frameworkVersionId: cycle.frameworkVersionId,
    dataYear: cycle.dataYear,
    awardYear: cycle.programme === Programme.KKP_HAM ? cycle.year : null,
    decree: cycle.decreeNumber && cycle.decreeDate ? { number: cycle.decreeNumber, date: cycle.decreeDate } : null,
    createdAt: cycle.createdAt.toISOString(),
    updatedAt: cycle.updatedAt.toISOString(),
  };
}

export class RunSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) cycleId: string;
  @ApiProperty({ format: 'uuid' }) frameworkVersionId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) previousFrameworkVersionId: string | null;
  @ApiProperty({ example: 'VERSION_PUBLISHED', description: 'What started the run: CYCLE_CREATED, VERSION_SWITCHED or VERSION_PUBLISHED' }) reason: string;
  @ApiProperty({ enum: ['PLANNED', 'RUNNING', 'FINISHED'], example: 'RUNNING' }) status: string;
  @ApiProperty({ type: 'integer', description: 'Submissions to rescore' }) total: number;
  @ApiProperty({ type: 'integer' }) done: number;
  @ApiProperty({ type: 'integer' }) failed: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export function runSummary(run: RecalculationRun): RunSummary {
  return {
    id: run.id,
    cycleId: run.cycleId,
    frameworkVersionId: run.frameworkVersionId,
    previousFrameworkVersionId: run.previousFrameworkVersionId,
    reason: run.reason,
    status: run.status,
    total: run.total,
    done: run.done,
    failed: run.failed,
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
    createdAt: run.createdAt.toISOString(),
  };
}

export class BandScore {
  @ApiProperty({ example: 'CUKUP_PEDULI' }) band: string;
  @ApiProperty({ example: 66.67 }) total: number;
}

/** A subject whose band differs under another version: `from` is null for a subject without a score yet. */
export class BandChange {
  @ApiProperty({ format: 'uuid' }) submissionId: string;
  @ApiProperty({ example: '64.71' }) regionCode: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) organisationId: string | null;
  @ApiProperty({ example: '2025-TAHUNAN' }) periodKey: string;
  @ApiProperty({ type: BandScore, nullable: true, description: 'null: the subject had no score yet' }) from: BandScore | null;
  @ApiProperty({ type: BandScore }) to: BandScore;
}

export class ItemFailure {
  @ApiProperty({ format: 'uuid' }) submissionId: string;
  @ApiProperty({ description: 'Why this version cannot score it' }) error: string;
}

/** A cycle after a change of its version, with the run rescoring its submissions (null when nothing changed). */
export class CycleChange {
  @ApiProperty({ type: CycleView }) cycle: CycleView;
  @ApiProperty({ type: RunSummary, nullable: true, description: 'The run rescoring the cycle’s submissions; null when nothing changed' }) recalculation: RunSummary | null;
}

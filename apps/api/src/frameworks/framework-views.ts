import { FrameworkVersionRecord, RecalculationRun, ReportingCycle } from '@peduli/db';
import { FrameworkStatus, Programme } from '@peduli/domain';

export interface VersionSummary {
  id: string;
  programme: Programme;
  frameworkCode: string;
  version: number;
  status: FrameworkStatus;
  label: string;
  publishedAt: string | null;
  retiredAt: string | null;
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

export interface CycleView {
  id: string;
  programme: Programme;
  year: number;
  label: string;
  frameworkVersionId: string;
  createdAt: string;
  updatedAt: string;
}

export function cycleView(cycle: ReportingCycle): CycleView {
  return {
    id: cycle.id,
    programme: cycle.programme,
    year: cycle.year,
    label: cycle.label,
    frameworkVersionId: cycle.frameworkVersionId,
    createdAt: cycle.createdAt.toISOString(),
    updatedAt: cycle.updatedAt.toISOString(),
  };
}

export interface RunSummary {
  id: string;
  cycleId: string;
  frameworkVersionId: string;
  previousFrameworkVersionId: string | null;
  reason: string;
  status: string;
  total: number;
  done: number;
  failed: number;
  startedAt: string | null;
  finishedAt: string | null;
  createdAt: string;
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

/** A subject whose band differs under another version: `from` is null for a subject without a score yet. */
export interface BandChange {
  submissionId: string;
  regionCode: string;
  organisationId: string | null;
  periodKey: string;
  from: { band: string; total: number } | null;
  to: { band: string; total: number };
}

import { FrameworkVersionCache, reporterAssignmentRows, ReportingCycle } from '@peduli/db';
import { Answers, answerAssignments, assignmentCatalogue, parsePeriodKey } from '@peduli/domain';
import type { EntityManager } from 'typeorm';
import type { CurrentReportKey } from './submissions.repository';

const versions = new FrameworkVersionCache();

/** A reporter's assignments in a period, by answer code: what each unit covers and which unit leads each code. */
export interface CompileAssignments {
  codesByUnit: ReadonlyMap<string, ReadonlySet<string>>;
  leads: ReadonlyMap<string, string>;
}

/** The reporter's assignments for the period's cycle, or null when it assigns nothing (every unit answers everything). */
export async function compileAssignments(manager: EntityManager, reporter: CurrentReportKey, periodKey: string): Promise<CompileAssignments | null> {
  const period = parsePeriodKey(periodKey);
  if (!period) return null;
  const cycle = await manager.getRepository(ReportingCycle).findOne({ where: { programme: reporter.programme, year: period.year } });
  if (!cycle) return null;
  const rows = await reporterAssignmentRows(manager, cycle.id, reporter);
  if (rows.length === 0) return null;
  const version = await versions.byId(manager, cycle.frameworkVersionId);
  if (!version) return null;
  return answerAssignments(assignmentCatalogue(reporter.programme, version.content), rows, period.code);
}

/**
 * A unit's answers as compiled: only the codes assigned to it. An answer given before the assignment (or for an item
 * since given to another unit) stays in the unit's input but does not reach the report.
 */
export function assignedAnswersOf(answers: Answers, unitId: string, assignments: CompileAssignments | null): Answers {
  if (!assignments) return answers;
  const codes = assignments.codesByUnit.get(unitId);
  return Object.fromEntries(Object.entries(answers).filter(([code]) => codes?.has(code) ?? false));
}

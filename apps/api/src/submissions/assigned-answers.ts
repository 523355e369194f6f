import { Answers, isUnanswered } from '@peduli/domain';
import type { FieldProblem } from '../common/api-error';

const NOT_ASSIGNED = { id: 'tidak ditugaskan ke unit ini', en: 'not assigned to this unit' };

/**
 * The answers a unit may not give: codes outside what its reporter assigned to it. Blanks are fine, and so is an
 * answer kept as it was stored (given before the assignment), so a unit can still save the rest of its input.
 */
export function unassignedAnswerProblems(assigned: ReadonlySet<string>, answers: Answers, stored: Answers = {}, field = 'answers'): FieldProblem[] {
  return Object.entries(answers)
    .filter(([code, value]) => !assigned.has(code) && !isUnanswered(value) && JSON.stringify(stored[code]) !== JSON.stringify(value))
    .map(([code]) => ({
      field: `${field}.${code}`,
      constraint: 'NOT_ASSIGNED',
      fallback: NOT_ASSIGNED.en,
      messages: { id: `Butir ${code} ${NOT_ASSIGNED.id}`, en: `Item ${code} is ${NOT_ASSIGNED.en}` },
    }));
}

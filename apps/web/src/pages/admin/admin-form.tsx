import { useState } from 'react';
import { useLanguage } from '../../i18n/language';
import { problemsFromApiError, type FormProblem } from '../../lib/form-problems';
import { ErrorSummary } from '../error-summary';

/**
 * One admin form's problems: its own checks or the API's refusal (its id/en words, by field), shown in an error
 * summary at the top and next to each field. Field ids are `${formId}-${field}`, so the summary's links reach them.
 */
export function useFormProblems<F extends string>(formId: string, fields: readonly F[]) {
  const { t } = useLanguage();
  const [problems, setProblems] = useState<FormProblem<F>[]>([]);
  const words = (problem: FormProblem<F>) => ('key' in problem.message ? t(problem.message.key) : problem.message.text);
  return {
    problems,
    fieldId: (field: F) => `${formId}-${field}`,
    setProblems,
    fromApi: (error: unknown) => setProblems(problemsFromApiError(error, fields)),
    clear: () => setProblems([]),
    errorOf: (field: F): string | undefined => {
      const found = problems.filter((problem) => problem.field === field);
      return found.length ? found.map(words).join(' ') : undefined;
    },
    summary: (
      <ErrorSummary
        title={t('admin.errorSummary')}
        items={problems.map((problem) => ({ fieldId: problem.field ? `${formId}-${problem.field}` : null, text: words(problem) }))}
      />
    ),
  };
}

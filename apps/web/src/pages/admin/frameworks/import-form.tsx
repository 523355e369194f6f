import { Button, Stack, Text } from '@mantine/core';
import { describeApiError, type Schemas } from '@peduli/api-client';
import { useState, type FormEvent } from 'react';
import { useLanguage } from '../../../i18n/language';
import { ErrorSummary, type SummaryItem } from '../../error-summary';
import { importFile } from './frameworks-data';
import { ACCEPTED_FILES, fileFormatOf, importProblems, type ImportProblem } from './frameworks-model';
import { ProblemReport } from './problem-report';

type Refusal = { problems: ImportProblem[] } | { message: string };

/**
 * A framework file (XLSX, YAML or JSON) imported as a new draft, or into a draft to replace its content. A refused
 * file shows every problem in the error summary and in a report by sheet, row and column; nothing is written.
 */
export function ImportForm({ draftId, onImported }: { draftId?: string; onImported(version: Schemas['VersionSummary']): void }) {
  const { t } = useLanguage();
  const inputId = draftId ? 'import-into-file' : 'import-new-file';
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState<'none' | 'format' | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [sending, setSending] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setRefusal(null);
    const format = file ? fileFormatOf(file.name) : null;
    if (!file || !format) {
      setMissing(file ? 'format' : 'none');
      return;
    }
    setMissing(null);
    setSending(true);
    try {
      const { data, error } = await importFile(file, format, draftId);
      if (data) onImported(data);
      else {
        const problems = importProblems(error);
        setRefusal(problems ? { problems } : { message: describeApiError(error).join(' ') || t('frameworks.loadFailed') });
      }
    } catch {
      setRefusal({ message: t('form.network') });
    } finally {
      setSending(false);
    }
  };

  const where = (problem: ImportProblem) =>
    problem.sheet
      ? t('frameworks.import.at', { sheet: problem.sheet, row: problem.row ?? '—', column: problem.column ?? '—' })
      : problem.field;
  const items: SummaryItem[] = missing
    ? [{ fieldId: inputId, text: t(missing === 'none' ? 'frameworks.import.chooseFile' : 'frameworks.import.wrongFormat') }]
    : refusal
      ? 'problems' in refusal
        ? refusal.problems.map((problem) => ({ fieldId: inputId, text: `${where(problem)}: ${problem.message}` }))
        : [{ fieldId: null, text: refusal.message }]
      : [];

  return (
    <Stack gap="sm">
      <ErrorSummary title={t('frameworks.import.summaryTitle')} items={items} />
      <form onSubmit={submit} noValidate>
        <Stack gap="xs">
          <label htmlFor={inputId}>
            <Text fw={600} component="span">
              {draftId ? t('frameworks.import.intoLabel') : t('frameworks.import.newLabel')}
            </Text>
          </label>
          <Text size="sm" id={`${inputId}-hint`}>
            {t('frameworks.import.hint')}
          </Text>
          <input
            id={inputId}
            type="file"
            accept={ACCEPTED_FILES}
            aria-describedby={`${inputId}-hint`}
            aria-invalid={items.length > 0 || undefined}
            data-testid="import-file"
            onChange={(event) => setFile(event.currentTarget.files?.[0] ?? null)}
          />
          <div>
            <Button type="submit" loading={sending} data-testid="import-submit">
              {t('frameworks.import.submit')}
            </Button>
          </div>
        </Stack>
      </form>
      {refusal && 'problems' in refusal && <ProblemReport problems={refusal.problems} />}
    </Stack>
  );
}

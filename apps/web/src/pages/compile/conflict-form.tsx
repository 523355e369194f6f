import { Alert, Button, Card, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import type { FormEvent } from 'react';
import { useLanguage } from '../../i18n/language';
import { ErrorSummary, type SummaryItem } from '../error-summary';
import { READABLE_ERRORS, READABLE_HINT } from '../review/readable';
import { choiceFieldId, formatValue, otherFieldId, type Choice, type Conflict } from './compile-logic';

/**
 * The units' disagreements, each a question "which answer stands?": one of the units' values, or another typed
 * answer. Problems show at the top (linked to their field) and next to each field.
 */
export function ConflictForm(props: {
  conflicts: Conflict[];
  choices: Record<string, Choice>;
  onChange(code: string, choice: Choice): void;
  summary: SummaryItem[];
  fieldProblems: Record<string, string>;
  busy: boolean;
  onSubmit(): void;
}) {
  const { t, language } = useLanguage();
  const { conflicts, choices, onChange, summary, fieldProblems, busy, onSubmit } = props;
  const words = { yes: t('compile.yes'), no: t('compile.no'), empty: t('compile.empty') };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <section aria-labelledby="conflict-title" data-testid="compile-conflicts" style={READABLE_ERRORS}>
      <Stack gap="md">
        <ErrorSummary title={t('compile.errorSummary')} items={summary} />
        <Alert color="orange" variant="outline" styles={{ title: { color: 'var(--mantine-color-text)' } }}>
          <Title order={2} size="h3" id="conflict-title" mb="xs">
            {t('compile.conflictTitle')}
          </Title>
          <Text>{t('compile.conflictBody', { n: conflicts.length })}</Text>
        </Alert>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            {conflicts.map((conflict) => {
              const choice = choices[conflict.code] ?? { pick: null, other: '' };
              const fieldId = choiceFieldId(conflict.code);
              const choiceProblem = fieldProblems[fieldId];
              const otherProblem = fieldProblems[otherFieldId(conflict.code)];
              return (
                <Card withBorder key={conflict.code} data-testid="conflict" data-code={conflict.code}>
                  <Radio.Group
                    label={t('compile.conflictLegend', { code: conflict.code })}
                    description={conflict.problem}
                    styles={READABLE_HINT}
                    error={choiceProblem}
                    value={choice.pick === null ? null : String(choice.pick)}
                    onChange={(value) => onChange(conflict.code, { ...choice, pick: value === 'other' ? 'other' : Number(value) })}
                  >
                    <Stack gap="xs" mt="xs">
                      {conflict.values.map((entry, index) => (
                        <Radio
                          key={index}
                          id={index === 0 ? fieldId : undefined}
                          value={String(index)}
                          label={t('compile.unitValue', { unit: entry.unit, value: formatValue(entry.value, language, words) })}
                        />
                      ))}
                      <Radio id={conflict.values.length === 0 ? fieldId : undefined} value="other" label={t('compile.other')} />
                    </Stack>
                  </Radio.Group>
                  {choice.pick === 'other' && (
                    <TextInput
                      mt="sm"
                      id={otherFieldId(conflict.code)}
                      label={t('compile.otherValue', { code: conflict.code })}
                      description={t('compile.otherHint')}
                      styles={READABLE_HINT}
                      value={choice.other}
                      error={otherProblem}
                      onChange={(event) => onChange(conflict.code, { ...choice, other: event.currentTarget.value })}
                    />
                  )}
                </Card>
              );
            })}
            <Button type="submit" loading={busy} style={{ alignSelf: 'flex-start' }}>
              {t('compile.settleAndRun')}
            </Button>
          </Stack>
        </form>
      </Stack>
    </section>
  );
}

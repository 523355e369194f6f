import { Button, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useLanguage } from '../../i18n/language';
import { problemsFromApiError, type FormProblem } from '../../lib/form-problems';
import { ErrorSummary } from '../error-summary';
import { READABLE_ERRORS } from '../review/readable';
import { useResend } from './reminders-data';
import { checkResendReason, type Reminder } from './reminders-model';

const REASON_ID = 'resend-reason';

/**
 * Sending one reminder again, with the reason the audit trail keeps. Problems (an empty reason here, or the API's
 * refusal: too short a reason, a reminder already on its way) show in an error summary and next to the field.
 */
export function ResendForm({ reminder, onDone, onCancel }: { reminder: Reminder; onDone(resent: Reminder): void; onCancel(): void }) {
  const { t } = useLanguage();
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<FormProblem<'reason'>[]>([]);
  const resend = useResend();
  // Opened from a row's button: the keyboard goes straight to the reason.
  useEffect(() => document.getElementById(REASON_ID)?.focus(), []);
  // The API names a field's problem without the field ("terlalu pendek"), so the label is put in front of it.
  const words = (problem: FormProblem<'reason'>) =>
    'key' in problem.message ? t(problem.message.key) : problem.field ? `${t('reminders.reason')} ${problem.message.text}` : problem.message.text;
  const fieldError = problems.filter((problem) => problem.field === 'reason').map(words).join(' ') || undefined;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const own = checkResendReason(reason);
    setProblems(own);
    if (own.length) return;
    try {
      onDone(await resend.mutateAsync({ id: reminder.id, reason }));
    } catch (error) {
      setProblems(problemsFromApiError((error as { body?: unknown }).body, ['reason'] as const));
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="resend-title" data-testid="resend-form" style={READABLE_ERRORS}>
      <Stack gap="sm">
        <ErrorSummary title={t('reminders.errorSummary')} items={problems.map((problem) => ({ fieldId: problem.field ? REASON_ID : null, text: words(problem) }))} />
        <Title order={2} size="h4" id="resend-title">
          {t('reminders.resendTitle', { email: reminder.recipientEmail })}
        </Title>
        <Text size="sm">{t('reminders.resendIntro')}</Text>
        <Textarea
          id={REASON_ID}
          label={t('reminders.reason')}
          description={t('reminders.reasonHint')}
          value={reason}
          error={fieldError}
          onChange={(event) => setReason(event.currentTarget.value)}
          autosize
          minRows={2}
        />
        <Group gap="sm">
          <Button type="submit" loading={resend.isPending}>
            {t('reminders.resendSubmit')}
          </Button>
          <Button type="button" variant="default" onClick={onCancel}>
            {t('reminders.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

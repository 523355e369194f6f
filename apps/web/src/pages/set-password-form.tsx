import { Alert, Anchor, Button, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useLanguage } from '../i18n/language';
import { checkNewPassword, problemsFromApiError, type FormProblem, type NewPasswordField } from '../lib/form-problems';
import { ErrorSummary } from './error-summary';

export type PasswordLinkPurpose = 'invitation' | 'reset';

export interface SetPasswordFormProps {
  purpose: PasswordLinkPurpose;
  /** The token from the mailed link (after #token=), or null when the link was cut short. */
  token: string | null;
  /** Sends the new password; resolves with the API's refusal (or a network failure) when it did not work. */
  save(token: string, password: string): Promise<{ ok: true } | { ok: false; error: unknown }>;
}

const FIELD_IDS: Record<NewPasswordField, string> = { password: 'new-password', confirmation: 'new-password-confirmation' };
const FIELDS: readonly NewPasswordField[] = ['password', 'confirmation'];

/**
 * The page a mailed invitation or reset link opens: choose a password, then sign in with it. The way on is a plain
 * link: a full load of the sign-in page after a password change starts from a clean state.
 */
export function SetPasswordForm({ purpose, token, save }: SetPasswordFormProps) {
  const { t } = useLanguage();
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [problems, setProblems] = useState<FormProblem<NewPasswordField>[]>([]);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const textOf = (problem: FormProblem<NewPasswordField>) => ('key' in problem.message ? t(problem.message.key) : problem.message.text);
  const fieldError = (field: NewPasswordField) => {
    const problem = problems.find((p) => p.field === field);
    return problem ? textOf(problem) : undefined;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local = checkNewPassword({ password, confirmation });
    if (local.length > 0 || !token) return setProblems(local);
    setBusy(true);
    const outcome = await save(token, password);
    setBusy(false);
    if (outcome.ok) return setDone(true);
    setProblems(problemsFromApiError(outcome.error, FIELDS));
  };

  const title = t(purpose === 'invitation' ? 'password.titleInvitation' : 'password.titleReset');
  return (
    <Stack maw={420} gap="md">
      <Title order={1}>{title}</Title>
      {done ? (
        <Alert color="green" variant="outline" role="status">
          <Text mb="xs">{t('password.done')}</Text>
          <Anchor href="/sign-in">
            {t('password.toSignIn')}
          </Anchor>
        </Alert>
      ) : !token ? (
        <Alert color="red" variant="outline" role="alert">
          <Text mb="xs">{t('password.noToken')}</Text>
          <Anchor href="/sign-in">
            {t('password.toSignIn')}
          </Anchor>
        </Alert>
      ) : (
        <>
          <ErrorSummary
            title={t('signIn.errorSummary')}
            items={problems.map((p) => ({ fieldId: p.field ? FIELD_IDS[p.field] : null, text: textOf(p) }))}
          />
          <Text>{t('password.intro')}</Text>
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              <PasswordInput
                id={FIELD_IDS.password}
                label={t('password.new')}
                autoComplete="new-password"
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
                error={fieldError('password')}
                required
              />
              <PasswordInput
                id={FIELD_IDS.confirmation}
                label={t('password.confirmation')}
                autoComplete="new-password"
                value={confirmation}
                onChange={(event) => setConfirmation(event.currentTarget.value)}
                error={fieldError('confirmation')}
                required
              />
              <Group>
                <Button type="submit" loading={busy}>
                  {t('password.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
        </>
      )}
    </Stack>
  );
}

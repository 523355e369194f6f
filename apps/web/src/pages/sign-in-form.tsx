import { Button, Group, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useLanguage } from '../i18n/language';
import { checkSignInForm, problemsFromApiError, type FormProblem, type SignInField } from '../lib/form-problems';
import { ErrorSummary } from './error-summary';

export interface SignInFormProps {
  /** Signs in; resolves with the API's refusal (or a network failure) when it did not work. */
  signIn(email: string, password: string): Promise<{ ok: true } | { ok: false; error: unknown }>;
  /** Asks for a password-reset mail; absent when the API offers none. */
  requestReset?(email: string): Promise<boolean>;
  onSignedIn(): void;
}

const FIELD_IDS = { email: 'sign-in-email', password: 'sign-in-password' } as const;
const SIGN_IN_FIELDS: readonly SignInField[] = ['email', 'password'];

export function SignInForm({ signIn, requestReset, onSignedIn }: SignInFormProps) {
  const { t } = useLanguage();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<FormProblem<SignInField>[]>([]);
  const [busy, setBusy] = useState(false);
  const [resetSent, setResetSent] = useState(false);

  const textOf = (problem: FormProblem<SignInField>) => ('key' in problem.message ? t(problem.message.key) : problem.message.text);
  const fieldError = (field: 'email' | 'password') => {
    const problem = problems.find((p) => p.field === field);
    return problem ? textOf(problem) : undefined;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setResetSent(false);
    const local = checkSignInForm({ email, password });
    if (local.length > 0) return setProblems(local);
    setBusy(true);
    const outcome = await signIn(email, password);
    setBusy(false);
    if (outcome.ok) return onSignedIn();
    setProblems(problemsFromApiError(outcome.error, SIGN_IN_FIELDS));
  };

  const askForReset = async () => {
    const local = checkSignInForm({ email, password: 'not checked here' });
    if (local.length > 0) return setProblems(local);
    setProblems([]);
    setResetSent(await requestReset!(email.trim()));
  };

  return (
    <Stack maw={420} gap="md">
      <Title order={1}>{t('signIn.title')}</Title>
      <ErrorSummary
        title={t('signIn.errorSummary')}
        items={problems.map((p) => ({ fieldId: p.field ? FIELD_IDS[p.field] : null, text: textOf(p) }))}
      />
      <Text>{t('signIn.intro')}</Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            id={FIELD_IDS.email}
            label={t('signIn.email')}
            type="email"
            autoComplete="username"
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={fieldError('email')}
            required
          />
          <PasswordInput
            id={FIELD_IDS.password}
            label={t('signIn.password')}
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={fieldError('password')}
            required
          />
          <Group>
            <Button type="submit" loading={busy}>
              {t('signIn.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
      {requestReset && (
        <Stack gap={4}>
          <Title order={2} size="h5">
            {t('signIn.forgot')}
          </Title>
          <Text size="sm">{t('signIn.forgotHint')}</Text>
          <Group>
            <Button variant="subtle" px={0} onClick={askForReset}>
              {t('signIn.sendReset')}
            </Button>
          </Group>
          {resetSent && (
            <Text size="sm" role="status">
              {t('signIn.resetSent')}
            </Text>
          )}
        </Stack>
      )}
    </Stack>
  );
}

import { Anchor, Stack } from '@mantine/core';
import { Link, createLazyRoute, useNavigate } from '@tanstack/react-router';
import { api, signIn } from '../auth/session';
import { useLanguage } from '../i18n/language';
import { SignInForm } from './sign-in-form';

/** Asks the API to mail a reset link; it answers 202 whether or not the address exists. */
async function requestReset(email: string): Promise<boolean> {
  const { response } = await api.POST('/api/v1/account/password-reset', { body: { email } });
  return response.status === 202;
}

function SignInPage() {
  const navigate = useNavigate();
  const { t } = useLanguage();
  return (
    <Stack gap="xl">
      <SignInForm signIn={signIn} requestReset={requestReset} onSignedIn={() => void navigate({ to: '/' })} />
      <Anchor component={Link} to="/results">
        {t('public.signInLink')}
      </Anchor>
    </Stack>
  );
}

export const Route = createLazyRoute('/sign-in')({ component: SignInPage });

import { createLazyRoute, useNavigate } from '@tanstack/react-router';
import { api, signIn } from '../auth/session';
import { SignInForm } from './sign-in-form';

/** Asks the API to mail a reset link; it answers 202 whether or not the address exists. */
async function requestReset(email: string): Promise<boolean> {
  const { response } = await api.POST('/api/v1/account/password-reset', { body: { email } });
  return response.status === 202;
}

function SignInPage() {
  const navigate = useNavigate();
  return <SignInForm signIn={signIn} requestReset={requestReset} onSignedIn={() => void navigate({ to: '/' })} />;
}

export const Route = createLazyRoute('/sign-in')({ component: SignInPage });

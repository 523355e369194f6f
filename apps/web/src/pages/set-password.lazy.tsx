import { createLazyRoute } from '@tanstack/react-router';
import { useState } from 'react';
import { api } from '../auth/session';
import { SetPasswordForm, type PasswordLinkPurpose } from './set-password-form';

const TOKEN_IN_HASH = /(?:^#|&)token=(pac_[A-Za-z0-9_-]{43})(?:&|$)/;

/**
 * The token arrives after `#` (never sent to a server, so not in access logs); it is read once and taken out of the
 * address bar, so it does not stay in the history or get copied along with the address.
 */
function takeTokenFromAddress(): string | null {
  const token = TOKEN_IN_HASH.exec(window.location.hash)?.[1] ?? null;
  if (token) window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  return token;
}

async function save(purpose: PasswordLinkPurpose, token: string, password: string) {
  try {
    const call =
      purpose === 'invitation'
        ? api.POST('/api/v1/account/invitations/accept', { body: { token, password } })
        : api.POST('/api/v1/account/password-reset/confirm', { body: { token, password } });
    const { error, response } = await call;
    return response.ok ? ({ ok: true } as const) : ({ ok: false, error } as const);
  } catch (networkError) {
    return { ok: false, error: networkError } as const;
  }
}

function page(purpose: PasswordLinkPurpose) {
  return function SetPasswordPage() {
    const [token] = useState(takeTokenFromAddress);
    return <SetPasswordForm purpose={purpose} token={token} save={(t, p) => save(purpose, t, p)} />;
  };
}

// The addresses the reminder worker puts in its mails: APP_URL + /account/invitation or /account/password-reset.
export const InvitationRoute = createLazyRoute('/account/invitation')({ component: page('invitation') });
export const PasswordResetRoute = createLazyRoute('/account/password-reset')({ component: page('reset') });

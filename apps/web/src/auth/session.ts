import { createPeduliClient, type PeduliClient } from '@peduli/api-client';
import { languageNow } from '../i18n/language';

/**
 * The signed-in session. The access token lives only in this module's memory; the refresh token is an HttpOnly,
 * SameSite=Strict cookie the API sets for /api/v1/auth, which no script here can read. A reload (or a 401 when the
 * access token expires) asks /auth/refresh for a new access token, and the browser sends the cookie itself.
 */
let accessToken: string | undefined;
let refreshing: Promise<boolean> | null = null;
const listeners = new Set<() => void>();

export const isSignedIn = (): boolean => accessToken !== undefined;

/** For the one call the API client cannot make: an evidence upload, sent with XMLHttpRequest for its progress events. */
export const accessTokenNow = (): string | undefined => accessToken;

export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function setAccessToken(token: string | undefined): void {
  const changed = token === undefined ? accessToken !== undefined : accessToken === undefined;
  accessToken = token;
  if (changed) listeners.forEach((listener) => listener());
}

const AUTH_PATH = '/api/v1/auth/';
const origin = () => window.location.origin;

/**
 * Every call's fetch: the current language, and one silent refresh and retry when the access token has expired.
 * Auth routes are never retried (a refused refresh means signed out).
 */
async function sessionFetch(input: Request): Promise<Response> {
  input.headers.set('accept-language', languageNow());
  const retry = input.clone();
  const response = await fetch(input);
  if (response.status !== 401 || new URL(input.url).pathname.startsWith(AUTH_PATH) || !accessToken) return response;
  if (!(await refreshSession())) return response;
  retry.headers.set('authorization', `Bearer ${accessToken}`);
  return fetch(retry);
}

/** The one API client of the app; every call goes through it. */
export const api: PeduliClient = createPeduliClient({
  baseUrl: typeof window === 'undefined' ? 'http://localhost' : origin(),
  token: () => accessToken,
  fetch: sessionFetch,
});

export async function signIn(email: string, password: string): Promise<{ ok: true } | { ok: false; error: unknown }> {
  try {
    // Cookie mode: the refresh token comes back as an HttpOnly cookie, never in a body this page could leak.
    const { data, error } = await api.POST('/api/v1/auth/login', { body: { email: email.trim(), password, cookie: true } });
    if (!data) return { ok: false, error };
    setAccessToken(data.accessToken);
    return { ok: true };
  } catch (networkError) {
    return { ok: false, error: networkError };
  }
}

/** A new access token from the refresh cookie; concurrent callers share one request (refresh tokens are single use). */
export function refreshSession(): Promise<boolean> {
  refreshing ??= (async () => {
    try {
      const { data } = await api.POST('/api/v1/auth/refresh', { body: {} });
      setAccessToken(data?.accessToken);
      return data !== undefined;
    } catch {
      setAccessToken(undefined);
      return false;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

let restored: Promise<boolean> | null = null;
/** On page load: signed in again from the cookie, if there is one, before the first route decides where to go. */
export function restoreSessionOnce(): Promise<boolean> {
  restored ??= refreshSession();
  return restored;
}

export async function signOut(): Promise<void> {
  try {
    await api.POST('/api/v1/auth/logout', { body: {} });
  } finally {
    setAccessToken(undefined);
  }
}

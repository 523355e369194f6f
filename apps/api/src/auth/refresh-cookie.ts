import type { CookieOptions, Request, Response } from 'express';

/**
 * The browser's way of holding a refresh token: an HttpOnly, SameSite=Strict cookie sent only to the auth routes, so
 * no script on the page can read it and no other site can make the browser send it. The access token stays in the
 * page's memory; a reload gets a new one from /auth/refresh with this cookie.
 */
export const REFRESH_COOKIE = 'peduli_refresh';
export const REFRESH_COOKIE_PATH = '/api/v1/auth';

function cookieOptions(request: Request): CookieOptions {
  // Secure whenever the request came over HTTPS (directly or through a trusted proxy); plain http on localhost keeps
  // working for development and the test suite.
  return { httpOnly: true, sameSite: 'strict', path: REFRESH_COOKIE_PATH, secure: request.secure };
}

export function setRefreshCookie(request: Request, response: Response, refreshToken: string, ttlDays: number): void {
  response.cookie(REFRESH_COOKIE, refreshToken, { ...cookieOptions(request), maxAge: ttlDays * 86_400_000 });
}

export function clearRefreshCookie(request: Request, response: Response): void {
  response.clearCookie(REFRESH_COOKIE, cookieOptions(request));
}

/** The refresh token from the cookie, if the browser sent one (no cookie-parser: one cookie is all the API reads). */
export function refreshCookieOf(request: Request): string | undefined {
  const pair = (request.headers.cookie ?? '').split(/;\s*/).find((part) => part.startsWith(`${REFRESH_COOKIE}=`));
  if (!pair) return undefined;
  const value = decodeURIComponent(pair.slice(REFRESH_COOKIE.length + 1));
  return value.length > 0 ? value : undefined;
}

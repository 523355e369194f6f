import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The web app (apps/web, built by Vite) from the API's own origin, so one address serves both and the refresh cookie
 * stays SameSite=Strict. Hashed assets are cached for a year; index.html is never cached, so a new release is picked
 * up on the next load. Any other GET for a page (a deep link like /submissions/…) gets index.html and the app's
 * router decides; the API's own areas keep their JSON 404s.
 */

/** Paths the app never answers: the API, health, metrics and the admin dashboards. */
const NOT_THE_APP = /^\/(?:api|health|metrics|admin)(?:\/|$)/i;
const ASSETS = '/assets/';
const YEAR_SECONDS = 365 * 24 * 3600;

/** apps/web/dist next to this package, whether running from src (tests) or dist. */
export function defaultWebDir(): string {
  return resolve(__dirname, '..', '..', '..', 'web', 'dist');
}

export function webAppMiddleware(directory: string): express.RequestHandler[] {
  const index = join(directory, 'index.html');
  const files = express.static(directory, {
    index: false,
    fallthrough: true,
    setHeaders(response, path) {
      const hashed = path.startsWith(join(directory, 'assets'));
      response.setHeader('Cache-Control', hashed ? `public, max-age=${YEAR_SECONDS}, immutable` : 'no-cache');
    },
  });
  const page = (request: Request, response: Response, next: NextFunction) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || NOT_THE_APP.test(request.path)) return next();
    // A missing hashed file is a 404, not the app: a stale page asking for an old chunk must fail visibly.
    if (request.path.startsWith(ASSETS)) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index, (error) => error && next(error));
  };
  const onlyOutsideTheApi = (request: Request, response: Response, next: NextFunction) =>
    NOT_THE_APP.test(request.path) ? next() : files(request, response, next);
  return [onlyOutsideTheApi, page];
}

/** The middleware when the app has been built, else nothing (the API alone, as before the app existed). */
export function webAppIfBuilt(directory: string | undefined): express.RequestHandler[] {
  const dir = directory ?? defaultWebDir();
  return existsSync(join(dir, 'index.html')) ? webAppMiddleware(dir) : [];
}

import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';

/** Five minutes: a decree changes these answers once a year, and other sites may poll them. */
export const PUBLIC_MAX_AGE_SECONDS = 300;

/** A strong validator of the answer's exact bytes. */
export function etagOf(body: unknown): string {
  return `"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 27)}"`;
}

/** Whether the client's If-None-Match already names this ETag (a list, or `*`), so a 304 will do. */
export function clientHas(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const candidate = tag.trim().replace(/^W\//, '');
    return candidate === '*' || candidate === etag;
  });
}

/** Answers with `body` as a shared-cacheable JSON document, or 304 when the client's copy is current. */
export function sendCacheable(request: Request, response: Response, body: unknown): void {
  const etag = etagOf(body);
  response.setHeader('Cache-Control', `public, max-age=${PUBLIC_MAX_AGE_SECONDS}`);
  response.setHeader('ETag', etag);
  if (clientHas(request.headers['if-none-match'], etag)) {
    response.status(304).end();
    return;
  }
  response.status(200).json(body);
}

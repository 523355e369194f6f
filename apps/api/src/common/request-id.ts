import type { RequestHandler } from 'express';
import { randomUUID } from 'node:crypto';

const ACCEPTABLE_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Gives every request an id before anything else runs (body parsing included), so even a malformed body's error and
 * log line carry it. A caller's own X-Request-Id is kept when it is sane, to follow a request across systems.
 */
export function requestId(): RequestHandler {
  return (request, response, next) => {
    const given = request.headers['x-request-id'];
    const id = typeof given === 'string' && ACCEPTABLE_ID.test(given) ? given : randomUUID();
    (request as typeof request & { id: string }).id = id;
    response.setHeader('x-request-id', id);
    next();
  };
}

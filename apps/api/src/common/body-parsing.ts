import express, { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { translate } from './messages';
import { localeOf, requestIdOf } from './request-context';

/**
 * JSON parsing runs before Nest sees the request, so its failures (malformed JSON, oversize bodies) are answered here
 * in the API's error shape instead of Express's HTML page.
 */
export function jsonBodyParser(limit: string, readsOwnBody: (request: Request) => boolean = () => false): RequestHandler {
  const parse = express.json({ limit, strict: true, reviver: refuseBuiltInKeys });
  // Routes that take a file as the raw body (e.g. a framework import) read it themselves, with their own limit.
  return (request, response, next) => (readsOwnBody(request) ? next() : parse(request, response, next));
}

/**
 * Keys that name Object.prototype members ("__proto__", "constructor", "toString", ...) never mean anything in this
 * API, and object mappers drop them silently (losing data) or let them reach prototypes. They are refused while
 * parsing, for every endpoint at once.
 */
function refuseBuiltInKeys(key: string, value: unknown): unknown {
  if (key in Object.prototype) throw new SyntaxError(`the key "${key}" is not allowed`);
  return value;
}

export function bodyParserErrors(limit: string): ErrorRequestHandler {
  return (error: { type?: string; message?: string; status?: number }, request, response, next) => {
    const locale = localeOf(request);
    const requestId = requestIdOf(request);
    if (error?.type === 'entity.parse.failed') {
      response.status(400).json({
        statusCode: 400,
        error: 'BAD_REQUEST',
        message: translate('request.malformedJson', locale, { detail: String(error.message ?? '') }),
        requestId,
      });
      return;
    }
    if (error?.type === 'entity.too.large') {
      response
        .status(413)
        .json({ statusCode: 413, error: 'PAYLOAD_TOO_LARGE', message: translate('request.tooLarge', locale, { limit }), requestId });
      return;
    }
    if (error?.type === 'encoding.unsupported' || error?.type === 'charset.unsupported') {
      response.status(415).json({
        statusCode: 415,
        error: 'UNSUPPORTED_MEDIA_TYPE',
        message: translate('request.unsupportedMediaType', locale, { expected: 'application/json; charset=utf-8' }),
        requestId,
      });
      return;
    }
    next(error);
  };
}

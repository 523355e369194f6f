import { TextDefect, textDefect } from '@peduli/domain';
import express, { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { errorBody } from './error-body';
import { MessageKey } from './messages';
import { TEXT_DEFECT_MESSAGES } from './text-checks';

/**
 * JSON parsing runs before Nest sees the request, so its failures (malformed JSON, oversize bodies) are answered here
 * in the API's error shape instead of Express's HTML page.
 */
export function jsonBodyParser(limit: string, readsOwnBody: (request: Request) => boolean = () => false): RequestHandler {
  const parse = express.json({ limit, strict: true, reviver: refuseUnusableKeysAndText, verify: refuseDeepNesting });
  // Routes that take a file as the raw body (e.g. a framework import) read it themselves, with their own limit.
  return (request, response, next) => (readsOwnBody(request) ? next() : parse(request, response, next));
}

/**
 * Keys that name Object.prototype members ("__proto__", "constructor", "toString", ...) never mean anything in this
 * API, and object mappers drop them silently (losing data) or let them reach prototypes. They are refused while
 * parsing, for every endpoint at once.
 */
function refuseUnusableKeysAndText(key: string, value: unknown): unknown {
  if (key in Object.prototype) throw new SyntaxError(`the key "${key}" is not allowed`);
  const defect = textDefect(key) ?? (typeof value === 'string' ? textDefect(value) : null);
  if (defect) throw new UnusableTextError(key, defect);
  return value;
}

/**
 * Well-formed JSON whose text PostgreSQL could never store (see textDefect); answered with its own message. The
 * details live beside the error, not on it: body-parser strips an error's own properties before passing it on.
 */
class UnusableTextError extends SyntaxError {
  constructor(field: string, defect: TextDefect) {
    super(`unusable text in "${field}"`);
    unusableTextDetails.set(this, { field, defect });
  }
}
const unusableTextDetails = new WeakMap<Error, { field: string; defect: TextDefect }>();

/** Deeper than any request of this API needs; the same limit the framework importer applies. */
export const MAX_JSON_NESTING = 64;

class TooDeepError extends Error {}

/**
 * Counts nesting on the raw bytes before parsing: JSON.parse with a reviver recurses once per level, so a body of a
 * few kilobytes nested 10,000 deep would otherwise end in a stack overflow instead of a clear answer.
 */
function refuseDeepNesting(_request: unknown, _response: unknown, body: Buffer): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const byte = body[i];
    if (inString) {
      if (byte === 0x5c) i++; // backslash: skip the escaped byte
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) inString = true;
    else if (byte === 0x7b || byte === 0x5b) {
      if (++depth > MAX_JSON_NESTING) throw new TooDeepError();
    } else if (byte === 0x7d || byte === 0x5d) depth--;
  }
}


export function bodyParserErrors(limit: string): ErrorRequestHandler {
  return (error: { type?: string; message?: string; status?: number }, request, response, next) => {
    const refuse = (key: MessageKey, params: Record<string, string | number>, status = 400) =>
      response.status(status).json(errorBody(request, status, key, params));
    const unusable = error instanceof UnusableTextError ? unusableTextDetails.get(error) : undefined;
    if (unusable) {
      refuse(TEXT_DEFECT_MESSAGES[unusable.defect], { field: unusable.field });
      return;
    }
    if (error instanceof TooDeepError) {
      refuse('request.tooDeep', { limit: MAX_JSON_NESTING });
      return;
    }
    if (error?.type === 'entity.parse.failed') {
      refuse('request.malformedJson', { detail: String(error.message ?? '') });
      return;
    }
    if (error?.type === 'entity.too.large') {
      refuse('request.tooLarge', { limit }, 413);
      return;
    }
    if (error?.type === 'encoding.unsupported' || error?.type === 'charset.unsupported') {
      refuse('request.unsupportedMediaType', { expected: 'application/json; charset=utf-8' }, 415);
      return;
    }
    next(error);
  };
}

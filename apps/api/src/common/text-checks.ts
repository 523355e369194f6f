import { TextDefect, textDefect } from '@peduli/domain';
import type { RequestHandler } from 'express';
import { errorBody } from './error-body';
import type { MessageKey } from './messages';

export const TEXT_DEFECT_MESSAGES: Record<TextDefect, MessageKey> = {
  NUL: 'request.nulCharacter',
  LONE_SURROGATE: 'request.loneSurrogate',
};

/** The message for text that cannot be stored (see textDefect), or null when the text is fine. */
export function unusableTextMessage(field: string, text: string): { key: MessageKey; params: Record<string, string> } | null {
  const defect = textDefect(text);
  return defect ? { key: TEXT_DEFECT_MESSAGES[defect], params: { field } } : null;
}

function firstUnusable(value: unknown, field: string): { key: MessageKey; params: Record<string, string> } | null {
  if (typeof value === 'string') return unusableTextMessage(field, value);
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = firstUnusable(item, field);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = unusableTextMessage(field ? `${field}.${key}` : key, key) ?? firstUnusable(item, field ? `${field}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Query parameters are filters that end up in SQL parameters; a NUL or an unpaired surrogate there would fail in
 * PostgreSQL. One check here covers every list endpoint, present and future.
 */
export function refuseUnusableQueryText(): RequestHandler {
  return (request, response, next) => {
    // Express parses the query string anew on every read of request.query: most requests have none to parse.
    if (!request.url.includes('?')) return next();
    const found = firstUnusable(request.query, '');
    if (!found) return next();
    response.status(400).json(errorBody(request, 400, found.key, found.params));
  };
}

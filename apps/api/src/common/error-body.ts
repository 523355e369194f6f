import { HttpStatus } from '@nestjs/common';
import type { Request } from 'express';
import { MessageKey, namedParams, translate } from './messages';
import { localeOf, requestIdOf } from './request-context';

/** The one shape every error leaves the API in (ErrorResponse documents it). */
export interface ErrorBody {
  statusCode: number;
  error: string;
  /** The reason, stable for clients to act on: the message's key, or `http.<status>` for an error without one. */
  code: MessageKey | `http.${number}`;
  message: string;
  /** The values the message names (e.g. the existing report's `id`), for clients; absent when it names none. */
  details?: Record<string, string | number>;
  /** `sheet`, `row`, `column` and `header` are only given for a problem in an uploaded spreadsheet. */
  problems?: { field: string; problem: string; sheet?: string; row?: number; column?: string; header?: string }[];
  requestId: string;
}

/** The error body for message `key`, in the request's language. */
export function errorBody(request: Request, status: number, key: MessageKey, params: Record<string, string | number> = {}): ErrorBody {
  const body: ErrorBody = {
    statusCode: status,
    error: HttpStatus[status] ?? 'Error',
    code: key,
    message: translate(key, localeOf(request), params),
    requestId: requestIdOf(request),
  };
  const details = namedParams(key, params);
  if (Object.keys(details).length > 0) body.details = details;
  return body;
}

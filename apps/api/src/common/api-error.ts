import { HttpException, HttpStatus } from '@nestjs/common';
import { MessageKey } from './messages';

export interface FieldProblem {
  field: string;
  /** Constraint name, e.g. isString; translated by the exception filter. */
  constraint: string;
  /** class-validator's English message, used when there is no translation. */
  fallback: string;
  context?: Record<string, string>;
  /** A ready bilingual message, used instead of the constraint's translation (e.g. framework validation). */
  messages?: { id: string; en: string };
  /** For a problem in an uploaded spreadsheet: its sheet and, where known, 1-based row, column letter and header. */
  cell?: { sheet: string; row?: number; column?: string; header?: string };
}

/**
 * An error the caller can fix. It carries a message key rather than text so the exception filter can answer in the
 * request's language.
 */
export class ApiError extends HttpException {
  constructor(
    status: HttpStatus,
    readonly key: MessageKey,
    readonly params: Record<string, string | number> = {},
    readonly problems: FieldProblem[] = [],
  ) {
    super(key, status);
  }

  static notFound(key: MessageKey, params: Record<string, string | number>) {
    return new ApiError(HttpStatus.NOT_FOUND, key, params);
  }

  static badRequest(key: MessageKey, params: Record<string, string | number> = {}, problems: FieldProblem[] = []) {
    return new ApiError(HttpStatus.BAD_REQUEST, key, params, problems);
  }

  static conflict(key: MessageKey, params: Record<string, string | number>) {
    return new ApiError(HttpStatus.CONFLICT, key, params);
  }
}

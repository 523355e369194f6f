import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiError } from './api-error';
import { translate, translateFieldProblem } from './messages';
import { localeOf, requestIdOf } from './request-context';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  /** `sheet`, `row`, `column` and `header` are only given for a problem in an uploaded spreadsheet. */
  problems?: { field: string; problem: string; sheet?: string; row?: number; column?: string; header?: string }[];
  requestId: string;
}

/**
 * Every error leaves in one shape, in the request's language: a message that says what to fix and, for invalid
 * input, one entry per field problem. Unexpected errors are logged and answered without internals.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const locale = localeOf(request);
    const requestId = requestIdOf(request);
    let body: ErrorBody;

    if (exception instanceof ApiError) {
      body = {
        statusCode: exception.getStatus(),
        error: HttpStatus[exception.getStatus()] ?? 'Error',
        message: translate(exception.key, locale, exception.params),
        requestId,
      };
      if (exception.problems.length > 0) {
        body.problems = exception.problems.map((p) => ({
          field: p.field,
          problem: p.messages ? p.messages[locale] : translateFieldProblem(p.constraint, p.fallback, locale, p.context),
          ...p.cell,
        }));
      }
    } else if (exception instanceof HttpException && exception.getStatus() === HttpStatus.NOT_FOUND) {
      body = {
        statusCode: 404,
        error: 'NOT_FOUND',
        message: translate('route.notFound', locale, { path: `${request.method} ${request.path}` }),
        requestId,
      };
    } else if (exception instanceof HttpException && exception.getStatus() === HttpStatus.TOO_MANY_REQUESTS) {
      body = { statusCode: 429, error: 'TOO_MANY_REQUESTS', message: translate('auth.rateLimited', locale), requestId };
    } else if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const raw = exception.getResponse();
      const message = typeof raw === 'string' ? raw : String((raw as { message?: unknown }).message ?? exception.message);
      body = { statusCode: status, error: HttpStatus[status] ?? 'Error', message, requestId };
    } else if (isStatementTimeout(exception)) {
      // DATABASE_STATEMENT_TIMEOUT_MS cut a statement short: the server is overloaded or blocked, and a retry may pass.
      this.logger.warn({ err: exception instanceof Error ? exception.message : String(exception), requestId }, 'statement timeout');
      body = { statusCode: 503, error: 'SERVICE_UNAVAILABLE', message: translate('database.timeout', locale, { requestId }), requestId };
    } else {
      this.logger.error({ err: exception instanceof Error ? exception.stack : String(exception), requestId }, 'unhandled error');
      body = {
        statusCode: 500,
        error: 'INTERNAL_SERVER_ERROR',
        message: translate('internal', locale, { requestId }),
        requestId,
      };
    }
    response.status(body.statusCode).json(body);
  }
}

/** PostgreSQL's query_canceled (57014), which is what statement_timeout raises. */
function isStatementTimeout(exception: unknown): boolean {
  return (exception as { driverError?: { code?: unknown } } | null)?.driverError?.code === '57014';
}

import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiError } from './api-error';
import { ErrorBody, errorBody } from './error-body';
import { translateFieldProblem } from './messages';
import { localeOf, requestIdOf } from './request-context';

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
      body = errorBody(request, exception.getStatus(), exception.key, exception.params);
      if (exception.problems.length > 0) {
        body.problems = exception.problems.map((p) => ({
          field: p.field,
          problem: p.messages ? p.messages[locale] : translateFieldProblem(p.constraint, p.fallback, locale, p.context),
          ...p.cell,
        }));
      }
    } else if (exception instanceof HttpException && exception.getStatus() === HttpStatus.NOT_FOUND) {
      body = errorBody(request, 404, 'route.notFound', { path: `${request.method} ${request.path}` });
    } else if (exception instanceof HttpException && exception.getStatus() === HttpStatus.TOO_MANY_REQUESTS) {
      body = errorBody(request, 429, 'auth.rateLimited');
    } else if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const raw = exception.getResponse();
      const message = typeof raw === 'string' ? raw : String((raw as { message?: unknown }).message ?? exception.message);
      body = { statusCode: status, error: HttpStatus[status] ?? 'Error', code: `http.${status}`, message, requestId };
    } else if (isStatementTimeout(exception)) {
      // DATABASE_STATEMENT_TIMEOUT_MS cut a statement short: the server is overloaded or blocked, and a retry may pass.
      this.logger.warn({ err: exception instanceof Error ? exception.message : String(exception), requestId }, 'statement timeout');
      body = errorBody(request, 503, 'database.timeout', { requestId });
    } else {
      this.logger.error({ err: exception instanceof Error ? exception.stack : String(exception), requestId }, 'unhandled error');
      body = errorBody(request, 500, 'internal', { requestId });
    }
    response.status(body.statusCode).json(body);
  }
}

/** PostgreSQL's query_canceled (57014), which is what statement_timeout raises. */
function isStatementTimeout(exception: unknown): boolean {
  return (exception as { driverError?: { code?: unknown } } | null)?.driverError?.code === '57014';
}

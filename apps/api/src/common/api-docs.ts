import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';

/** One problem with one field of the request (or one cell of an uploaded spreadsheet), in the request's language. */
export class FieldProblemBody {
  @ApiProperty({ example: 'answers.A1', description: 'The request field (dotted path) the problem is about' })
  field!: string;

  @ApiProperty({ example: 'harus berupa angka 0 atau lebih', description: 'What is wrong and what to send instead' })
  problem!: string;

  @ApiPropertyOptional({ example: 'Indikator', description: 'Uploaded spreadsheets only: the sheet' })
  sheet?: string;

  @ApiPropertyOptional({ example: 7, description: 'Uploaded spreadsheets only: the 1-based row' })
  row?: number;

  @ApiPropertyOptional({ example: 'C', description: 'Uploaded spreadsheets only: the column letter' })
  column?: string;

  @ApiPropertyOptional({ example: 'Bobot', description: 'Uploaded spreadsheets only: the column header' })
  header?: string;
}

/**
 * The one shape every error leaves in (see ApiExceptionFilter): a stable `code` with the `details` it names, a
 * message saying what to fix, in the language of `Accept-Language` (`id` by default, `en`), and for invalid input one
 * entry per field problem.
 */
export class ErrorResponse {
  @ApiProperty({ example: 400 })
  statusCode!: number;

  @ApiProperty({ example: 'BAD_REQUEST', description: 'The HTTP status name' })
  error!: string;

  @ApiProperty({
    example: 'submission.alreadyExists',
    description: 'Why, stable for clients to act on (the message text is for people and changes with the language): the message key, or `http.<status>` for an error without one',
  })
  code!: string;

  @ApiProperty({ example: 'Permintaan tidak valid: periksa kolom yang disebut di bawah.', description: 'What to fix, in the request’s language' })
  message!: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] },
    example: { id: '0b6f0a52-3c55-4f0e-9d0e-0d7b8a3c1f21', status: 'DRAFT', regionCode: '64.71', periodKey: '2026-TAHUNAN' },
    description: 'The values the message names, by name (e.g. the existing report’s `id` with `submission.alreadyExists`); absent when it names none',
  })
  details?: Record<string, string | number>;

  @ApiPropertyOptional({ type: [FieldProblemBody], description: 'Invalid input only: every problem, field by field' })
  problems?: FieldProblemBody[];

  @ApiProperty({ example: '5b0f3c1e-7d1a-4d55-9a52-0f4c2a1b7e10', description: 'Quote it when asking for help; it is in the logs' })
  requestId!: string;
}

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input: the message and `problems` say what to fix',
  401: 'No valid access token (or API token) was sent',
  403: 'The caller’s roles do not allow this here; the message says which permission is missing',
  404: 'Not found, or not visible to the caller',
  409: 'Conflicts with the current state (status, deadline, an existing record); the message says which',
  413: 'Too large, or over a quota; the message gives the limit',
  415: 'Unsupported content type',
  422: 'Understood but cannot be processed as sent',
  429: 'Too many requests; retry after the `Retry-After` header',
  503: 'A dependency is unavailable or overloaded; retry later',
};

/** Documents the error answers an operation gives, each with the shared error body. */
export function ApiErrors(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) => ApiResponse({ status, description: ERROR_DESCRIPTIONS[status] ?? 'Error', type: ErrorResponse })),
  );
}

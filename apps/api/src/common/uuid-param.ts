import { ParseUUIDPipe } from '@nestjs/common';
import { ApiError } from './api-error';

/** Path ids are UUIDs; anything else is a 400 naming the parameter, never a database error. */
export const uuidParam = new ParseUUIDPipe({
  exceptionFactory: () =>
    ApiError.badRequest('request.invalid', {}, [
      { field: 'id', constraint: 'matches', fallback: 'id must be a UUID', context: { example: '0b0e3c9e-8f1a-4e8e-9c52-2f0f4f0c2a11' } },
    ]),
});

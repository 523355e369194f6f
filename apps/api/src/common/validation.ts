import { HttpStatus, ValidationError, ValidationPipe } from '@nestjs/common';
import { ApiError, FieldProblem } from './api-error';

/** One problem per failed constraint, with dotted paths for nested fields. */
export function toFieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    // A missing value fails every rule of its field; "is required" is the one problem worth reporting.
    if ((error.value === undefined || error.value === null) && error.constraints) {
      return [{ field, constraint: 'isDefined', fallback: `${field} is required` }];
    }
    const own = Object.entries(error.constraints ?? {}).map(([constraint, fallback]) => ({
      field,
      constraint,
      fallback,
      context: (error.contexts?.[constraint] as Record<string, string> | undefined) ?? undefined,
    }));
    return [...own, ...toFieldProblems(error.children ?? [], field)];
  });
}

/** Strict validation: unknown fields are errors, not silently dropped, and every problem is reported at once. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    // Values are kept on the errors to tell a missing field from a wrong one; they are never echoed back.
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => new ApiError(HttpStatus.BAD_REQUEST, 'request.invalid', {}, toFieldProblems(errors)),
  });
}

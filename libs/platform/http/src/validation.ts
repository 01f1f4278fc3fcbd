import { ValidationError, ValidationPipe } from '@nestjs/common';
import { CommonErrors } from '@crm/errors';

export interface FieldProblem {
  field: string;
  reason: string;
}

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((reason) => ({ field, reason }));
    return own.concat(flatten(e.children ?? [], field));
  });
}

/**
 * Unknown fields are refused (not silently dropped), types are converted where the DTO says so, and every
 * problem is named by field in the 400's `errors` member.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const problems = flatten(errors);
      return CommonErrors.VALIDATION_FAILED(problems.map((p) => `${p.field}: ${p.reason}`).join('; '), { errors: problems });
    },
  });
}

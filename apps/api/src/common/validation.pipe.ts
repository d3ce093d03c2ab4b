import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, validationFailed } from './problem';

/** class-validator errors as `[{field, message}]`; nested paths like `dates[0].start`. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = joinPath(parent, error.property);
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message: stripProperty(message),
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

function joinPath(parent: string, property: string): string {
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent ? `${parent}.${property}` : property;
}

// class-validator messages start with the property name; the field already says it.
function stripProperty(message: string): string {
  return message.replace(/^\S+ /, '');
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => validationFailed(flattenValidationErrors(errors)),
  });
}

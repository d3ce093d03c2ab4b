import { ValidationOptions, isISO8601, registerDecorator } from 'class-validator';

/** Date, time and offset: without an offset the instant would depend on the server's time zone. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * An ISO 8601 date-time with an offset (`2026-01-01T00:00:00Z`). A date alone, a week date or a day that
 * does not exist is refused here, so it is a 400 naming the parameter rather than a database error.
 */
export function IsDateTime(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isDateTime',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: '$property must be an ISO 8601 date-time such as 2026-01-01T00:00:00Z',
        ...options,
      },
      validator: {
        validate(value: unknown) {
          return (
            typeof value === 'string' &&
            DATE_TIME.test(value) &&
            isISO8601(value, { strict: true, strictSeparator: true }) &&
            Number.isFinite(Date.parse(value))
          );
        },
      },
    });
}

import { ValidateIf, ValidationOptions, registerDecorator } from 'class-validator';

/** Optional on PATCH, but null is not a value for a NOT NULL column. */
export function IsOptionalNotNull(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined);
}

/** Absent or null both mean "no value" (nullable columns). */
export function IsNullable(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined && value !== null);
}

/** A whole number from `min` to `max`, checked at once so a bad value gets one message, not one per rule. */
export function IsIntegerBetween(min: number, max: number, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isIntegerBetween',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [min, max],
      options: { message: `$property must be a whole number from ${min} to ${max}`, ...options },
      validator: {
        validate(value: unknown) {
          return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
        },
      },
    });
}

export function IsTimeZone(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isTimeZone',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '$property must be an IANA time zone such as Europe/Berlin', ...options },
      validator: {
        validate(value: unknown) {
          if (typeof value !== 'string' || value === '') return false;
          try {
            new Intl.DateTimeFormat('en', { timeZone: value });
            return true;
          } catch {
            return false;
          }
        },
      },
    });
}

/**
 * A flat object of string → string | number | boolean (custom RSVP form answers). Numbers must be finite:
 * JSON.parse turns `1e400` into Infinity, which JSON (and so the stored jsonb) can only write as null.
 */
export function IsFlatRecord(options?: ValidationOptions): PropertyDecorator {
  const FLAT = '$property must be an object of strings, finite numbers or booleans';
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isFlatRecord',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: ({ value }) => {
          const key = nonFiniteKey(value);
          return key === undefined ? FLAT : `${FLAT}: ${key} is not a finite number`;
        },
        ...options,
      },
      validator: {
        validate(value: unknown) {
          if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
          const valid = Object.values(value).every((v) => ['string', 'number', 'boolean'].includes(typeof v));
          return valid && nonFiniteKey(value) === undefined;
        },
      },
    });
}

function nonFiniteKey(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  return Object.entries(value).find(([, v]) => typeof v === 'number' && !Number.isFinite(v))?.[0];
}

/**
 * Typed errors of the core. Callers branch on `code` (an exhaustive union), never on message text.
 */
export const CORE_ERROR_CODES = [
  'template_render_failed',
  'retry_schedule_invalid',
  'secret_box_key_invalid',
  'secret_box_sealed_invalid',
  'address_invalid',
] as const;
export type CoreErrorCode = (typeof CORE_ERROR_CODES)[number];

export abstract class CoreError extends Error {
  abstract readonly code: CoreErrorCode;
}

/** A template could not be rendered (strict variable missing, limit hit, unsafe output). */
export class TemplateRenderError extends CoreError {
  readonly code = 'template_render_failed' as const;
  /** The webhook field whose template failed, e.g. 'url', 'headers[1].value', 'body[2].value'. */
  readonly field: string;
  constructor(field: string, message: string, options?: { cause?: unknown }) {
    super(`${field}: ${message}`, options);
    this.name = 'TemplateRenderError';
    this.field = field;
  }
}

export class RetryScheduleError extends CoreError {
  readonly code = 'retry_schedule_invalid' as const;
  constructor(message: string) {
    super(message);
    this.name = 'RetryScheduleError';
  }
}

export class SecretBoxError extends CoreError {
  readonly code: 'secret_box_key_invalid' | 'secret_box_sealed_invalid';
  constructor(code: 'secret_box_key_invalid' | 'secret_box_sealed_invalid', message: string) {
    super(message);
    this.name = 'SecretBoxError';
    this.code = code;
  }
}

export class InvalidAddressError extends CoreError {
  readonly code = 'address_invalid' as const;
  constructor(address: string) {
    super(`not an IP address: ${JSON.stringify(address.slice(0, 100))}`);
    this.name = 'InvalidAddressError';
  }
}

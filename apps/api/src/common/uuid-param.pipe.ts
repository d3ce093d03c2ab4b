import { ParseUUIDPipe } from '@nestjs/common';
import { notFound } from './problem';

/** A malformed id cannot name an existing resource: answer 404 as for any other unknown id. */
export function uuidParam(what: string): ParseUUIDPipe {
  return new ParseUUIDPipe({ exceptionFactory: () => notFound(what) });
}

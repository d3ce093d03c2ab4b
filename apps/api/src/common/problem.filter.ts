import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import {
  QueryFailedError,
  QueryRunnerAlreadyReleasedError,
  QueryRunnerProviderAlreadyReleasedError,
} from 'typeorm';
import { PROBLEM_CONTENT_TYPE, ProblemDetails, ProblemException, problemTitle, problemType } from './problem';

/** Renders every error as RFC 9457 problem+json; unknown errors become a 500 without internals. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const problem = toProblem(exception);
    if (problem.status === 503)
      this.logger.warn(
        `database unavailable (${errorCode(exception instanceof QueryFailedError ? exception.driverError : exception)})`,
      );
    else if (problem.status >= 500) this.logger.error(exception);
    // The code only: PostgreSQL's message may quote the refused value.
    else if (exception instanceof QueryFailedError)
      this.logger.warn(`database refused the input (SQLSTATE ${sqlState(exception)})`);
    sendProblem(response, problem);
  }
}

export function sendProblem(response: Response, problem: ProblemDetails): void {
  if (problem.status === 503) response.setHeader('retry-after', '1');
  response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}

export function toProblem(exception: unknown): ProblemDetails {
  if (exception instanceof ProblemException) return exception.problem;
  if (isDatabaseUnavailable(exception)) {
    return {
      type: problemType('unavailable'),
      title: problemTitle(503),
      status: 503,
      detail: 'The database is unavailable; try again shortly.',
    };
  }
  const databaseProblem = fromDatabaseError(exception);
  if (databaseProblem) return databaseProblem;
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const body = exception.getResponse();
    const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
    return {
      type: problemType(slugFor(status)),
      title: problemTitle(status),
      status,
      detail: Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : undefined,
    };
  }
  return { type: problemType('internal'), title: problemTitle(500), status: 500, detail: 'Unexpected error' };
}

function slugFor(status: number): string {
  switch (status) {
    case 401:
      return 'unauthorized';
    case 404:
      return 'not-found';
    case 405:
      return 'method-not-allowed';
    case 413:
      return 'body-too-large';
    case 415:
      return 'unsupported-media-type';
    default:
      return status >= 500 ? 'internal' : 'bad-request';
  }
}

/**
 * Safety net for input the validation let through but PostgreSQL refused: a data exception (SQLSTATE
 * class 22: bad text, out-of-range value) is the request's fault, and a foreign key violation (23503) means
 * a referenced resource went away concurrently. Neither is a server error. Messages are not passed on.
 */
function fromDatabaseError(exception: unknown): ProblemDetails | undefined {
  if (!(exception instanceof QueryFailedError)) return undefined;
  const code = sqlState(exception);
  if (code === undefined) return undefined;
  if (code.startsWith('22')) {
    return {
      type: problemType('validation'),
      title: problemTitle(400),
      status: 400,
      detail: 'A value in the request cannot be stored',
    };
  }
  if (code === '23503') {
    return {
      type: problemType('conflict'),
      title: problemTitle(409),
      status: 409,
      detail: 'A resource this request refers to was changed or deleted concurrently; try again',
    };
  }
  return undefined;
}

/**
 * Connection-level failures (server restarting, connection killed or refused): the request may be
 * retried as it is, so 503 rather than 500. A write either rolled back or, if the connection died during
 * COMMIT, may have committed: a retried create can then make a second element (as with any HTTP API
 * without idempotency keys).
 */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
]);

function isDatabaseUnavailable(exception: unknown): boolean {
  // TypeORM releases a transaction's query runner when its connection dies under it
  if (
    exception instanceof QueryRunnerAlreadyReleasedError ||
    exception instanceof QueryRunnerProviderAlreadyReleasedError
  ) {
    return true;
  }
  const code = errorCode(exception instanceof QueryFailedError ? exception.driverError : exception);
  return code !== undefined && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'));
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

function sqlState(error: QueryFailedError): string | undefined {
  return errorCode(error.driverError);
}

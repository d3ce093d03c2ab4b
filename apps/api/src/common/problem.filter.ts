import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { PROBLEM_CONTENT_TYPE, ProblemDetails, ProblemException, problemTitle, problemType } from './problem';

/** Renders every error as RFC 9457 problem+json; unknown errors become a 500 without internals. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const problem = toProblem(exception);
    if (problem.status >= 500) this.logger.error(exception);
    sendProblem(response, problem);
  }
}

export function sendProblem(response: Response, problem: ProblemDetails): void {
  response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}

export function toProblem(exception: unknown): ProblemDetails {
  if (exception instanceof ProblemException) return exception.problem;
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

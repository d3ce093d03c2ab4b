import { HttpException } from '@nestjs/common';

export interface FieldError {
  field: string;
  message: string;
}

/** RFC 9457 problem details, as every 4xx/5xx answer of this API. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function problemTitle(status: number): string {
  return TITLES[status] ?? (status >= 500 ? 'Server Error' : 'Client Error');
}

/** `type` URIs are stable identifiers clients may branch on; they need not resolve. */
export function problemType(slug: string): string {
  return `https://hookrelay.dev/problems/${slug}`;
}

/** Thrown by services; the problem filter renders it as is. */
export class ProblemException extends HttpException {
  constructor(readonly problem: ProblemDetails) {
    super(problem, problem.status);
  }
}

export function notFound(what: string): ProblemException {
  return new ProblemException({
    type: problemType('not-found'),
    title: problemTitle(404),
    status: 404,
    detail: `${what} not found`,
  });
}

export function validationFailed(errors: FieldError[], detail = 'The request is invalid'): ProblemException {
  return new ProblemException({
    type: problemType('validation'),
    title: problemTitle(400),
    status: 400,
    detail,
    errors,
  });
}

export function conflict(detail: string): ProblemException {
  return new ProblemException({
    type: problemType('conflict'),
    title: problemTitle(409),
    status: 409,
    detail,
  });
}

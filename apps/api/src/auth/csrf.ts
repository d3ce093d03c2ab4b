import type { Request } from 'express';
import { ProblemException, problemTitle, problemType } from '../common/problem';
import { tokensEqual } from '../console/console-tokens';

export const CSRF_HEADER = 'X-CSRF-Token';

/** Methods that change nothing: a cookie alone may authenticate them. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A cookie-authenticated request that may change something must also carry the session's CSRF token in
 * a header, which only the console's own script knows (from the sign-in answer or GET /v1/console/session).
 */
export function assertCsrfToken(request: Request, expected: string): void {
  if (SAFE_METHODS.has(request.method)) return;
  const given = request.headers[CSRF_HEADER.toLowerCase()];
  if (typeof given !== 'string' || given === '') {
    throw csrfProblem(
      'missing',
      `${CSRF_HEADER} header is missing: a request authenticated by the console session cookie needs the session's csrf_token (GET /v1/console/session) unless it is GET, HEAD or OPTIONS`,
    );
  }
  if (!tokensEqual(given, expected)) {
    throw csrfProblem('mismatch', `${CSRF_HEADER} does not match this console session's csrf_token`);
  }
}

function csrfProblem(reason: 'missing' | 'mismatch', detail: string): ProblemException {
  return new ProblemException({
    type: problemType(`csrf-token-${reason}`),
    title: problemTitle(403),
    status: 403,
    detail,
  });
}

import type { OpenAPIObject } from '@nestjs/swagger';
import { ACCEPTS_EXTENSION } from '../auth/accepts.decorator';
import { CSRF_HEADER } from '../auth/csrf';
import type { CredentialKind } from '../auth/credential';
import { SESSION_COOKIE } from '../console/session-cookie';

type Requirement = Record<string, string[]>;
type Operation = Record<string, unknown> & {
  security?: Requirement[];
  responses?: Record<string, unknown>;
};

const SAFE = new Set(['get', 'head', 'options']);

/**
 * The security of every authenticated operation as AuthGuard applies it: a route marked with the bearer
 * scheme takes an API key or the console session cookie, and with the cookie, unless it is GET/HEAD/
 * OPTIONS, the CSRF header too (403 otherwise). `@Accepts(...)` narrows it. Written once here rather than
 * on every controller.
 */
export function addSessionSecurity(document: OpenAPIObject): OpenAPIObject {
  document.components = {
    ...document.components,
    securitySchemes: {
      ...document.components?.securitySchemes,
      session: {
        type: 'apiKey',
        in: 'cookie',
        name: SESSION_COOKIE,
        description: 'The console session (POST /v1/console/sessions, or a one-time link)',
      },
      csrf: {
        type: 'apiKey',
        in: 'header',
        name: CSRF_HEADER,
        description: "The session's csrf_token: with the cookie, needed by all but GET, HEAD and OPTIONS",
      },
    },
  };
  for (const operations of Object.values(document.paths)) {
    for (const [method, operation] of Object.entries(operations as Record<string, Operation>)) {
      const kinds = acceptedKinds(operation);
      delete operation[ACCEPTS_EXTENSION];
      if (!kinds) continue;
      const unsafe = !SAFE.has(method);
      operation.security = kinds.map((kind): Requirement =>
        kind === 'api_key' ? { bearer: [] } : unsafe ? { session: [], csrf: [] } : { session: [] },
      );
      if (unsafe && kinds.includes('session')) {
        operation.responses = {
          ...operation.responses,
          '403': {
            description: `Authenticated by the session cookie without a matching ${CSRF_HEADER} header`,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ProblemResponse' } } },
          },
        };
      }
    }
  }
  return document;
}

/** undefined for a public operation. */
function acceptedKinds(operation: Operation): CredentialKind[] | undefined {
  const narrowed = operation[ACCEPTS_EXTENSION];
  if (Array.isArray(narrowed)) return narrowed as CredentialKind[];
  const bearer = operation.security?.some((requirement) => 'bearer' in requirement) ?? false;
  return bearer ? ['api_key', 'session'] : undefined;
}

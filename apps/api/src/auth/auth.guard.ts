import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { ProblemException, problemTitle, problemType } from '../common/problem';
import { API_CONFIG, ApiConfig } from '../config';
import { ConsoleSessionsService } from '../console/console-sessions.service';
import { csrfTokenFor } from '../console/console-tokens';
import { clearSessionCookie, cookieIsSecure, readSessionToken } from '../console/session-cookie';
import { ACCEPTS } from './accepts.decorator';
import { ApiKeysService } from './api-keys.service';
import type { AuthenticatedRequest, Credential, CredentialKind } from './credential';
import { assertCsrfToken } from './csrf';
import { IS_PUBLIC } from './public.decorator';

const BOTH: CredentialKind[] = ['api_key', 'session'];

/**
 * Every route but the public ones needs a credential. An Authorization header is judged alone, as it
 * always was (a bad key is a 401 even with a cookie beside it); without one, the console session cookie
 * is tried, and then anything but GET/HEAD/OPTIONS also needs the session's CSRF token.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly apiKeys: ApiKeysService,
    private readonly sessions: ConsoleSessionsService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const accepts = this.reflector.getAllAndOverride<CredentialKind[]>(ACCEPTS, targets) ?? BOTH;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const credential =
      accepts.includes('api_key') && request.headers.authorization !== undefined
        ? await this.byApiKey(request.headers.authorization)
        : accepts.includes('session')
          ? await this.bySession(request, context.switchToHttp().getResponse<Response>())
          : undefined;
    if (!credential) throw unauthorized(accepts);
    request.accountId = credential.accountId;
    request.credential = credential;
    return true;
  }

  private async byApiKey(authorization: string): Promise<Credential | undefined> {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    const key = match?.[1] ? await this.apiKeys.findActiveKey(match[1]) : undefined;
    return key && { kind: 'api_key', accountId: key.accountId, apiKeyId: key.id };
  }

  private async bySession(
    request: AuthenticatedRequest,
    response: Response,
  ): Promise<Credential | undefined> {
    const token = readSessionToken(request);
    if (token === undefined) return undefined;
    const session = await this.sessions.findLive(token);
    if (!session) {
      // Expired, ended or its key revoked: the browser may as well forget it.
      clearSessionCookie(response, cookieIsSecure(request, this.config));
      throw new ProblemException({
        type: problemType('session-ended'),
        title: problemTitle(401),
        status: 401,
        detail: 'The console session has expired or ended: sign in again',
      });
    }
    const csrfToken = csrfTokenFor(token);
    // Checked before any pipe or handler runs: a refused request changes nothing.
    assertCsrfToken(request, csrfToken);
    return {
      kind: 'session',
      accountId: session.accountId,
      apiKeyId: session.apiKeyId,
      sessionId: session.id,
      csrfToken,
      expiresAt: session.expiresAt,
    };
  }
}

function unauthorized(accepts: CredentialKind[]): ProblemException {
  const ways = accepts.map((kind) =>
    kind === 'api_key' ? 'a valid API key (Authorization: Bearer <key>)' : 'a console session cookie',
  );
  return new ProblemException({
    type: problemType('unauthorized'),
    title: problemTitle(401),
    status: 401,
    detail: `This needs ${ways.join(' or ')}`,
  });
}

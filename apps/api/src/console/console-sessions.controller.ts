import { Controller, Delete, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Accepts } from '../auth/accepts.decorator';
import type { Credential } from '../auth/credential';
import { CurrentCredential } from '../auth/credential.decorator';
import { ProblemResponse } from '../common/problem.response';
import { API_CONFIG, ApiConfig } from '../config';
import { ConsoleSessionResponse } from './console-session.response';
import { ConsoleSessionsService } from './console-sessions.service';
import { csrfTokenFor } from './console-tokens';
import { clearSessionCookie, cookieIsSecure, SESSION_COOKIE, setSessionCookie } from './session-cookie';

const COOKIE_HEADER = {
  'Set-Cookie': {
    description: `${SESSION_COOKIE}=<token>; HttpOnly; SameSite=Strict; Path=/ (and Secure over https)`,
    schema: { type: 'string' },
  },
};

/** Signs the console in with an API key: the key stays in the browser's form, the cookie carries the rest. */
@ApiTags('console')
@ApiUnauthorizedResponse({
  type: ProblemResponse,
  description: 'No valid credential of the kind the route takes',
})
@Controller('v1/console')
export class ConsoleSessionsController {
  constructor(
    private readonly sessions: ConsoleSessionsService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  @Post('sessions')
  @Accepts('api_key')
  @ApiCreatedResponse({ type: ConsoleSessionResponse, headers: COOKIE_HEADER })
  async create(
    @CurrentCredential() credential: Credential,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ConsoleSessionResponse> {
    const session = await this.sessions.open(credential);
    setSessionCookie(response, {
      token: session.token,
      expiresAt: session.expiresAt,
      secure: cookieIsSecure(request, this.config),
    });
    response.setHeader('Cache-Control', 'no-store');
    return present(session.accountId, csrfTokenFor(session.token), session.expiresAt);
  }

  @Get('session')
  @Accepts('session')
  @ApiOkResponse({ type: ConsoleSessionResponse })
  get(
    @CurrentCredential() credential: Credential,
    @Res({ passthrough: true }) response: Response,
  ): ConsoleSessionResponse {
    if (credential.kind !== 'session') throw new Error('@Accepts(session) lets sessions only');
    response.setHeader('Cache-Control', 'no-store');
    return present(credential.accountId, credential.csrfToken, credential.expiresAt);
  }

  @Delete('session')
  @HttpCode(204)
  @Accepts('session')
  @ApiNoContentResponse({ description: 'Signed out: the session is deleted and the cookie cleared.' })
  async remove(
    @CurrentCredential() credential: Credential,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    if (credential.kind !== 'session') throw new Error('@Accepts(session) lets sessions only');
    await this.sessions.end({ id: credential.sessionId, accountId: credential.accountId });
    clearSessionCookie(response, cookieIsSecure(request, this.config));
  }
}

function present(accountId: string, csrfToken: string, expiresAt: Date): ConsoleSessionResponse {
  return { account_id: accountId, csrf_token: csrfToken, expires_at: expiresAt.toISOString() };
}

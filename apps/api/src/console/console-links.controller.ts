import { Controller, Get, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExcludeEndpoint,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Credential } from '../auth/credential';
import { CurrentCredential } from '../auth/credential.decorator';
import { Public } from '../auth/public.decorator';
import { ProblemResponse } from '../common/problem.response';
import { API_CONFIG, ApiConfig } from '../config';
import { ConsoleLinkResponse } from './console-session.response';
import { ConsoleLinksService } from './console-links.service';
import { CONSOLE_TOKEN_PATTERN } from './console-tokens';
import { linkProblemPage } from './link-pages';
import { cookieIsSecure, setSessionCookie } from './session-cookie';
import { setHtmlSecurityHeaders } from './static/html-headers';

export const LINK_PATH = 'console/links';

/** A language tag the console understands, passed on from the link to the console's URL. */
const LANGUAGE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?$/;

@ApiTags('console')
@Controller()
export class ConsoleLinksController {
  constructor(
    private readonly links: ConsoleLinksService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /** For the host platform's dashboard: a link that opens the console signed in to this account. */
  @Post('v1/console/links')
  @ApiBearerAuth()
  @ApiCreatedResponse({ type: ConsoleLinkResponse })
  @ApiUnauthorizedResponse({ type: ProblemResponse, description: 'Missing or unknown API key or session' })
  async create(
    @CurrentCredential() credential: Credential,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ConsoleLinkResponse> {
    const link = await this.links.create(credential);
    // Without a configured public URL, the origin this request was sent to (as a trusted proxy tells it).
    const origin = this.config.publicUrl ?? `${request.protocol}://${request.host}`;
    response.setHeader('Cache-Control', 'no-store');
    return { url: `${origin}/${LINK_PATH}/${link.token}`, expires_at: link.expiresAt.toISOString() };
  }

  /**
   * A browser opening the link: on its first use within its lifetime it gets the session cookie and goes
   * on to the console (303 to /, keeping ?lang=). The console's page needs no cookie; its requests to
   * /v1 come from the console's own origin, so the SameSite=Strict cookie goes with them.
   */
  @Get(`${LINK_PATH}/:token`)
  @Public()
  @ApiExcludeEndpoint()
  async signIn(
    @Param('token') token: string,
    @Query('lang') lang: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    setHtmlSecurityHeaders(response);
    // The token is in this URL: it goes into no Referer and no cache.
    response.setHeader('Referrer-Policy', 'no-referrer');
    response.setHeader('Cache-Control', 'no-store');
    const result = CONSOLE_TOKEN_PATTERN.test(token)
      ? await this.links.signIn(token)
      : ({ outcome: 'unknown' } as const);
    if (result.outcome !== 'signed_in') {
      const page = linkProblemPage(result.outcome);
      response.status(page.status).type('html').send(page.html);
      return;
    }
    setSessionCookie(response, {
      token: result.session.token,
      expiresAt: result.session.expiresAt,
      secure: cookieIsSecure(request, this.config),
    });
    const language = typeof lang === 'string' && LANGUAGE.test(lang) ? `?lang=${lang}` : '';
    response.redirect(303, `/${language}`);
  }
}

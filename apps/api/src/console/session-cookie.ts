import { parseCookie, stringifySetCookie } from 'cookie';
import type { Request, Response } from 'express';
import type { ApiConfig } from '../config';
import { CONSOLE_TOKEN_PATTERN } from './console-tokens';

export const SESSION_COOKIE = 'hookrelay_session';

/** The session token the request's cookie carries; undefined without one (or with a malformed one). */
export function readSessionToken(request: Request): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  const token = parseCookie(header)[SESSION_COOKIE];
  return token && CONSOLE_TOKEN_PATTERN.test(token) ? token : undefined;
}

/**
 * Secure when configured so, or (`auto`) when the request came over https (directly, or per a trusted
 * proxy's X-Forwarded-Proto) or the public URL is https. Plain http://localhost keeps working.
 */
export function cookieIsSecure(request: Request, config: ApiConfig): boolean {
  if (config.secureCookies !== 'auto') return config.secureCookies === 'always';
  return request.secure || (config.publicUrl?.startsWith('https:') ?? false);
}

/**
 * HttpOnly: scripts never see the token. SameSite=Strict: no other site's page can make the browser send
 * it (the CSRF header is the second line). Path=/ for the console and /v1 on the same origin.
 */
export function setSessionCookie(
  response: Response,
  cookie: { token: string; expiresAt: Date; secure: boolean },
): void {
  const maxAge = Math.max(0, Math.floor((cookie.expiresAt.getTime() - Date.now()) / 1000));
  response.append(
    'Set-Cookie',
    stringifySetCookie(SESSION_COOKIE, cookie.token, {
      httpOnly: true,
      sameSite: 'strict',
      path: '/',
      secure: cookie.secure,
      maxAge,
      expires: cookie.expiresAt,
    }),
  );
}

export function clearSessionCookie(response: Response, secure: boolean): void {
  response.append(
    'Set-Cookie',
    stringifySetCookie(SESSION_COOKIE, '', {
      httpOnly: true,
      sameSite: 'strict',
      path: '/',
      secure,
      maxAge: 0,
      expires: new Date(0),
    }),
  );
}

import type { Response } from 'express';

/**
 * The console's pages load only their own files: no inline script or style, no other origin, no plugins.
 * Framing is refused (frame-ancestors and X-Frame-Options): the host platform's dashboard opens the
 * console with a one-time link as a top-level page, never inside a frame, and a console that can't be
 * framed can't be clickjacked.
 */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function setHtmlSecurityHeaders(response: Response): void {
  response.setHeader('Content-Security-Policy', CONSOLE_CSP);
  response.setHeader('X-Frame-Options', 'DENY');
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'same-origin');
  response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
}

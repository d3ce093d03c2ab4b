import { join } from 'node:path';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { setHtmlSecurityHeaders } from './html-headers';

/** Paths the API answers itself: never a console file, never the console's index.html. */
const API_PREFIXES = ['/v1', '/docs', '/docs-json', '/docs-yaml', '/metrics', '/health', '/console/links'];

/** Vite puts content-hashed files here: a new build has new names, so they may be cached for good. */
const HASHED_ASSETS = '/assets/';

export const CONSOLE_NOT_BUILT =
  'The admin console is not built. Build it with `npm run build` (or `npm run build -w @hookrelay/console`) ' +
  'and restart the API, or set HOOKRELAY_CONSOLE_DIR to a built console. The API itself is at /v1, its ' +
  'documentation at /docs.\n';

function isApiPath(path: string): boolean {
  return API_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/** A client-side route of the single-page app (`/webhooks/…`): no file extension in its last segment. */
function isAppRoute(path: string): boolean {
  return !(path.split('/').pop() ?? '').includes('.');
}

/**
 * Serves the console at /: its files, and index.html for every client-side route (SPA fallback). API
 * paths, other methods and unknown files go on to the API (which answers them, or 404 problem+json).
 * Without a built console, its routes answer a short 404 text saying how to build it.
 */
export function serveConsole(dir: string | undefined): RequestHandler {
  if (!dir) {
    return (request: Request, response: Response, next: NextFunction) => {
      if (!isConsoleRequest(request) || !isAppRoute(request.path)) return next();
      response.status(404).type('text/plain').send(CONSOLE_NOT_BUILT);
    };
  }
  const files = express.static(dir, {
    index: false,
    redirect: false,
    dotfiles: 'ignore',
    cacheControl: false,
    setHeaders: (response: Response, path: string) => {
      response.setHeader('X-Content-Type-Options', 'nosniff');
      if (path.endsWith('.html')) return sendsHtml(response);
      const hashed = path.slice(dir.length).replaceAll('\\', '/').startsWith(HASHED_ASSETS);
      response.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const indexHtml = join(dir, 'index.html');
  return (request: Request, response: Response, next: NextFunction) => {
    if (!isConsoleRequest(request)) return next();
    files(request, response, () => {
      if (!isAppRoute(request.path)) return next();
      sendsHtml(response);
      response.sendFile(indexHtml, { cacheControl: false }, (error?: Error) => {
        if (error && !response.headersSent) next(error);
      });
    });
  };
}

function isConsoleRequest(request: Request): boolean {
  return (request.method === 'GET' || request.method === 'HEAD') && !isApiPath(request.path);
}

/** index.html is revalidated on every load (ETag), so a new build's asset names are picked up at once. */
function sendsHtml(response: Response): void {
  response.setHeader('Cache-Control', 'no-cache');
  setHtmlSecurityHeaders(response);
}

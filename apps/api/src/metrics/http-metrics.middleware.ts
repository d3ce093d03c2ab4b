import type { NextFunction, Request, Response } from 'express';
import { MetricsService } from './metrics.service';

/** Times every request; the route label is the matched pattern (`/v1/groups/:id`), never the raw path. */
export function httpMetricsMiddleware(metrics: MetricsService) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const stop = metrics.httpRequestDuration.startTimer();
    response.on('finish', () => {
      const routePath = (request.route as { path?: string } | undefined)?.path;
      stop({
        method: request.method,
        route: routePath ? `${request.baseUrl}${routePath}` : 'unmatched',
        status: String(response.statusCode),
      });
    });
    next();
  };
}

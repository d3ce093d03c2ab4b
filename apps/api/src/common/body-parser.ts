import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { json } from 'express';
import { findJsonBodyProblem } from './json-body-guard';
import { sendProblem } from './problem.filter';
import { problemTitle, problemType } from './problem';

/**
 * JSON body parsing with a size limit, then a check for what PostgreSQL can't store (NUL, lone
 * surrogates) and for hostile nesting. These happen before Nest's routing, so they are turned into
 * problem+json here rather than in the exception filter.
 */
export function useJsonBodyParser(app: INestApplication, limit: string): void {
  const parse = json({ limit });
  const guarded: RequestHandler = (req: Request, res: Response, next: NextFunction) => {
    parse(req, res, (error?: unknown) => {
      if (!error) {
        const problem = findJsonBodyProblem(req.body);
        if (!problem) return next();
        return sendProblem(res, {
          type: problemType('validation'),
          title: problemTitle(400),
          status: 400,
          detail: 'The request body holds a value that cannot be stored',
          errors: [problem],
        });
      }
      const { status, type } = error as { status?: number; type?: string };
      if (type === 'entity.too.large') {
        return sendProblem(res, {
          type: problemType('body-too-large'),
          title: problemTitle(413),
          status: 413,
          detail: `The request body is larger than ${limit}`,
        });
      }
      if (type === 'entity.parse.failed') {
        return sendProblem(res, {
          type: problemType('invalid-json'),
          title: problemTitle(400),
          status: 400,
          detail: 'The request body is not valid JSON',
        });
      }
      const code = status && status >= 400 && status < 600 ? status : 400;
      return sendProblem(res, {
        type: problemType('bad-request'),
        title: problemTitle(code),
        status: code,
        detail: 'The request body could not be read',
      });
    });
  };
  app.use(guarded);
}

import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ProblemException, problemTitle, problemType } from '../common/problem';
import { ApiKeysService } from './api-keys.service';
import { IS_PUBLIC } from './public.decorator';

export interface AuthenticatedRequest extends Request {
  accountId: string;
}

@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly apiKeys: ApiKeysService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
    const accountId = match?.[1] ? await this.apiKeys.findAccountId(match[1]) : undefined;
    if (!accountId) {
      throw new ProblemException({
        type: problemType('unauthorized'),
        title: problemTitle(401),
        status: 401,
        detail: 'A valid API key is required: Authorization: Bearer <key>',
      });
    }
    request.accountId = accountId;
    return true;
  }
}

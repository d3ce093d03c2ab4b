import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest, Credential } from './credential';

/** What authenticated the request (see AuthGuard). */
export const CurrentCredential = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Credential =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().credential,
);

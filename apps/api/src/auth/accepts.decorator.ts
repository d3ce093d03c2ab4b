import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { CredentialKind } from './credential';

export const ACCEPTS = 'hookrelay:accepts';
/** Read by the OpenAPI document's security (openapi/session-security.ts), then removed from it. */
export const ACCEPTS_EXTENSION = 'x-hookrelay-accepts';

/** Narrows what may authenticate a route; without it, an API key or a console session both may. */
export const Accepts = (...kinds: CredentialKind[]): MethodDecorator =>
  applyDecorators(SetMetadata(ACCEPTS, kinds), ApiExtension(ACCEPTS_EXTENSION, kinds));

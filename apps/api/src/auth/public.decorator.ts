import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'hookrelay:public';

/** Routes reachable without an API key (health, metrics). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

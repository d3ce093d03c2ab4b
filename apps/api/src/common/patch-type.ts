import { Type } from '@nestjs/common';
import { DECORATORS, PartialType } from '@nestjs/swagger';

/**
 * The PATCH body of a resource created with `classRef`: every field optional, null refused wherever the
 * create body refuses it (the field keeps its validators, which run whenever it is present), and no
 * documented defaults, since an absent field keeps what is stored rather than taking a default.
 */
export function PatchType<T>(classRef: Type<T>): Type<Partial<T>> {
  const patch = PartialType(classRef, { skipNullProperties: false });
  const keys: string[] = Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, patch.prototype) ?? [];
  for (const key of keys.map((k) => k.slice(1))) {
    const metadata: Record<string, unknown> | undefined = Reflect.getMetadata(
      DECORATORS.API_MODEL_PROPERTIES,
      patch.prototype,
      key,
    );
    if (metadata && 'default' in metadata) {
      const { default: _default, ...rest } = metadata;
      Reflect.defineMetadata(DECORATORS.API_MODEL_PROPERTIES, rest, patch.prototype, key);
    }
  }
  return patch;
}

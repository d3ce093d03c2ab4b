import { Inject, Injectable } from '@nestjs/common';
import {
  BUILTIN_TARGET_PLUGINS,
  createTargetRegistry,
  loadTargetPlugins,
  parseTargetPluginNames,
} from '@hookrelay/targets';
import type { TargetPlugin, TargetRegistry } from '@hookrelay/targets';
import { API_CONFIG, ApiConfig } from '../config';

/** Built-in plugins plus the packages named in HOOKRELAY_TARGET_PLUGINS, loaded once at start. */
@Injectable()
export class TargetsService {
  readonly registry: TargetRegistry;

  constructor(@Inject(API_CONFIG) config: ApiConfig) {
    this.registry = createTargetRegistry([
      ...BUILTIN_TARGET_PLUGINS,
      ...loadTargetPlugins(parseTargetPluginNames(config.targetPlugins)),
    ]);
  }

  get(kind: string): TargetPlugin | undefined {
    return this.registry.get(kind);
  }
}

import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import {
  BUILTIN_TARGET_PLUGINS,
  createTargetRegistry,
  loadTargetPlugins,
  parseTargetPluginNames,
  unloadedKinds,
} from '@hookrelay/targets';
import type { TargetPlugin, TargetRegistry } from '@hookrelay/targets';
import { DataSource } from 'typeorm';
import { API_CONFIG, ApiConfig } from '../config';

/** Built-in plugins plus the packages named in HOOKRELAY_TARGET_PLUGINS, loaded once at start. */
@Injectable()
export class TargetsService implements OnApplicationBootstrap {
  readonly registry: TargetRegistry;
  private readonly logger = new Logger('Targets');

  constructor(
    @Inject(API_CONFIG) config: ApiConfig,
    private readonly dataSource: DataSource,
  ) {
    this.registry = createTargetRegistry([
      ...BUILTIN_TARGET_PLUGINS,
      ...loadTargetPlugins(parseTargetPluginNames(config.targetPlugins)),
    ]);
  }

  get(kind: string): TargetPlugin | undefined {
    return this.registry.get(kind);
  }

  /** The kinds of the loaded plugins, for /health. */
  kinds(): string[] {
    return this.registry.list().map((plugin) => plugin.kind);
  }

  /** Webhooks naming a plugin this process lacks cannot be previewed or re-saved: say so at start. */
  async onApplicationBootstrap(): Promise<void> {
    const rows: { kind: string }[] = await this.dataSource.query(
      `SELECT DISTINCT target_kind AS kind FROM webhooks WHERE target_kind IS NOT NULL`,
    );
    const missing = unloadedKinds(
      this.registry,
      rows.map((row) => row.kind),
    );
    if (missing.length > 0) {
      this.logger.warn(
        `webhooks use target plugins this API has not loaded (HOOKRELAY_TARGET_PLUGINS): ${missing.join(', ')}`,
      );
    }
  }
}

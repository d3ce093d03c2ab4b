import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { SettingField, TargetPlugin } from '@hookrelay/targets';
import { TargetsService } from './targets.service';

interface TargetResponse {
  kind: string;
  display_name: string;
  category: string;
  description: string | null;
  docs_url: string | null;
  settings: readonly SettingField[];
  supports: TargetPlugin['supports'] | null;
}

@ApiTags('targets')
@ApiBearerAuth()
@Controller('v1/targets')
export class TargetsController {
  constructor(private readonly targets: TargetsService) {}

  /** The plugins and their settings schema (secret fields marked), for the "new webhook" form. */
  @Get()
  list(): { items: TargetResponse[] } {
    return {
      items: this.targets.registry.list().map((plugin) => ({
        kind: plugin.kind,
        display_name: plugin.displayName,
        category: plugin.category,
        description: plugin.description ?? null,
        docs_url: plugin.docsUrl ?? null,
        settings: plugin.settings,
        supports: plugin.supports ?? null,
      })),
    };
  }
}

import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { SettingField, TargetPlugin } from '@hookrelay/targets';
import { TargetsService } from './targets.service';

export class SettingFieldResponse {
  @ApiProperty({ example: 'webhook_url', description: 'Templates read it as `{{settings.<key>}}`.' })
  key!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ enum: ['string', 'number', 'boolean', 'url', 'enum'] }) type!: string;
  @ApiProperty() required!: boolean;
  @ApiPropertyOptional({ description: 'Encrypted at rest, masked in responses.' }) secret?: boolean;
  @ApiPropertyOptional() description?: string;
  @ApiPropertyOptional({ type: [String] }) options?: readonly string[];
  @ApiPropertyOptional({ description: 'string, number or boolean' }) default?: string | number | boolean;
  @ApiPropertyOptional({ description: 'string, number or boolean' }) example?: string | number | boolean;
}

export class TargetSupportsResponse {
  @ApiPropertyOptional({ type: [String] }) elements?: string[];
  @ApiPropertyOptional({ type: [String] }) triggers?: string[];
}

export class TargetResponse {
  @ApiProperty({ example: 'slack' }) kind!: string;
  @ApiProperty({ example: 'Slack' }) display_name!: string;
  @ApiProperty({ example: 'notification' }) category!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ type: String, nullable: true }) docs_url!: string | null;
  @ApiProperty({ type: [SettingFieldResponse] }) settings!: readonly SettingField[];
  @ApiProperty({ type: TargetSupportsResponse, nullable: true }) supports!: TargetPlugin['supports'] | null;
}

export class TargetsResponse {
  @ApiProperty({ type: [TargetResponse] }) items!: TargetResponse[];
}

@ApiTags('targets')
@ApiBearerAuth()
@Controller('v1/targets')
export class TargetsController {
  constructor(private readonly targets: TargetsService) {}

  /** The plugins and their settings schema (secret fields marked), for the "new webhook" form. */
  @Get()
  @ApiOkResponse({ type: TargetsResponse })
  list(): TargetsResponse {
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

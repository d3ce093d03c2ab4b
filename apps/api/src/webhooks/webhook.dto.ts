import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ELEMENT_TYPES,
  FILTER_LIMITS,
  FILTER_OPS,
  HTTP_METHODS,
  ORDERINGS,
  TRIGGERS,
  WEBHOOK_STATUSES,
} from '@hookrelay/core';
import type {
  ElementType,
  FilterOp,
  HttpMethod,
  JsonObject,
  JsonValue,
  Ordering,
  Trigger,
  WebhookStatus,
} from '@hookrelay/core';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { PatchType } from '../common/patch-type';
import { IsIntegerBetween, IsNullable, IsOptionalNotNull } from '../common/validators';

const MAX_RATE_LIMIT = 10_000;

const ORDERING_DESCRIPTION =
  "`none`: deliveries go out in parallel. `per_element`: one element's deliveries go out one at a time " +
  'in commit order, each after the previous is delivered, dead or cancelled, across all `per_element` ' +
  "webhooks of the account with the same destination origin (a mirror's delete never overtakes its " +
  'create); other elements are not held up.';

/** `ordering`, documented and validated. */
function OrderingProperty(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ enum: ORDERINGS, default: 'none', description: ORDERING_DESCRIPTION }),
    IsOptionalNotNull(),
    IsIn(ORDERINGS),
  );
}

/** `rate_limit`, documented and validated: absent or null is no limit. */
function RateLimitProperty(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      type: 'integer',
      nullable: true,
      minimum: 1,
      maximum: MAX_RATE_LIMIT,
      example: 10,
      description,
    }),
    IsOptional(),
    IsNullable(),
    IsIntegerBetween(1, MAX_RATE_LIMIT, {
      message: `$property must be a whole number of requests per second from 1 to ${MAX_RATE_LIMIT}, or null for no limit`,
    }),
  );
}

const RATE_LIMIT_DESCRIPTION = 'Most requests per second to this webhook, across all relays; null: no limit.';

export class HeaderDto {
  @ApiProperty({ example: 'Authorization' })
  @IsString()
  @MaxLength(256)
  key!: string;

  @ApiProperty({
    example: 'Bearer {{settings.token}}',
    description: 'Template. Secret values come back masked.',
  })
  @IsString()
  @MaxLength(8192)
  value!: string;

  @ApiPropertyOptional({ description: 'Encrypted at rest, masked in responses, redacted in attempt logs.' })
  @IsOptionalNotNull()
  @IsBoolean()
  secret?: boolean;
}

export class BodyPairDto {
  @ApiProperty({ example: 'properties.email', description: 'Dotted path; `element_data` is reserved.' })
  @IsString()
  @MaxLength(512)
  key!: string;

  @ApiProperty({ example: '{{email}}' })
  @IsString()
  @MaxLength(65_536)
  value!: string;
}

export class TargetDto {
  @ApiProperty({ example: 'slack' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  kind!: string;

  @ApiProperty({ type: 'object', additionalProperties: true })
  @IsObject()
  settings!: JsonObject;
}

export class FilterConditionDto {
  @ApiProperty({
    example: 'event.status',
    description:
      'A field of the change: the element (`status`, `fields.company`), its related data (`event.status`), ' +
      'for an update `previous.status` and `changed_fields`. GET /v1/variables lists them.',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  field!: string;

  @ApiProperty({
    enum: FILTER_OPS,
    example: 'eq',
    description: '`changed` (update webhooks only) holds when the field differs from its previous value.',
  })
  @IsIn(FILTER_OPS)
  op!: FilterOp;

  @ApiPropertyOptional({
    example: 'published',
    description:
      'What the field is compared with: a string, number, boolean or null of the field’s type; a list for ' +
      '`in` / `not_in`; none for `changed`, and for `exists` (or false to ask for absence).',
  })
  @IsOptional()
  value?: JsonValue;
}

/** `filter`, documented and validated in shape (core checks each condition against the catalog). */
function FilterProperty(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      type: [FilterConditionDto],
      description,
      example: [
        { field: 'status', op: 'eq', value: 'yes' },
        { field: 'event.status', op: 'eq', value: 'published' },
      ],
    }),
    IsOptional(),
    IsNullable(),
    IsArray(),
    ArrayMaxSize(FILTER_LIMITS.conditions),
    ValidateNested({ each: true }),
    Type(() => FilterConditionDto),
  );
}

const FILTER_DESCRIPTION =
  'Conditions that must all hold for a change to give this webhook a job (decided in the change’s transaction).';

export class CreateWebhookDto {
  @ApiProperty({ example: 'RSVPs to CRM' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ enum: WEBHOOK_STATUSES, default: 'active' })
  @IsOptionalNotNull()
  @IsIn(WEBHOOK_STATUSES)
  status?: WebhookStatus;

  @ApiProperty({ enum: TRIGGERS })
  @IsIn(TRIGGERS)
  trigger!: Trigger;

  @ApiProperty({ enum: ELEMENT_TYPES })
  @IsIn(ELEMENT_TYPES)
  element!: ElementType;

  @ApiPropertyOptional({ enum: HTTP_METHODS, description: 'Required unless a target prefills it.' })
  @IsOptionalNotNull()
  @IsIn(HTTP_METHODS)
  method?: HttpMethod;

  @ApiPropertyOptional({
    example: 'https://crm.example.com/contacts/{{id}}',
    description: 'http(s); may contain variables. Required unless a target prefills it.',
  })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(4096)
  url?: string;

  @ApiPropertyOptional({ type: [HeaderDto] })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => HeaderDto)
  headers?: HeaderDto[];

  @ApiPropertyOptional({ type: [BodyPairDto] })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => BodyPairDto)
  body?: BodyPairDto[];

  @ApiPropertyOptional({ default: true })
  @IsOptionalNotNull()
  @IsBoolean()
  include_element_data?: boolean;

  @ApiPropertyOptional({
    type: TargetDto,
    nullable: true,
    description: 'Prefills method, url, headers, body.',
  })
  @IsOptional()
  @IsNullable()
  @ValidateNested()
  @Type(() => TargetDto)
  target?: TargetDto | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: '0,5s,5m,2h',
    description: 'Overrides the global schedule.',
  })
  @IsOptional()
  @IsNullable()
  @IsString()
  @MaxLength(500)
  retry_schedule?: string | null;

  @RateLimitProperty(RATE_LIMIT_DESCRIPTION)
  rate_limit?: number | null;

  @OrderingProperty()
  ordering?: Ordering;

  @FilterProperty(`${FILTER_DESCRIPTION} Absent or empty: every change.`)
  filter?: FilterConditionDto[] | null;
}

/**
 * Every field optional, validated as on create whenever present. Below, only what PATCH documents
 * differently: the validators come from CreateWebhookDto.
 */
export class UpdateWebhookDto extends PatchType(CreateWebhookDto) {
  @ApiPropertyOptional({
    enum: WEBHOOK_STATUSES,
    description: '`active` clears disabled_reason and wakes relays.',
  })
  override status?: WebhookStatus;

  @ApiPropertyOptional({ enum: HTTP_METHODS, description: 'The request method.' })
  override method?: HttpMethod;

  @ApiPropertyOptional({ type: String, description: 'http(s); may contain variables.' })
  override url?: string;

  @ApiPropertyOptional({
    type: [HeaderDto],
    description: 'Replaces the list; a masked secret sent back unchanged keeps it.',
  })
  override headers?: HeaderDto[];

  @ApiPropertyOptional({
    type: TargetDto,
    nullable: true,
    description:
      'null removes the binding. New settings (or a new kind) prefill again the fields that still hold what ' +
      'the plugin prefilled before; fields you changed stay as they are.',
  })
  override target?: TargetDto | null;

  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    description: `${RATE_LIMIT_DESCRIPTION} null clears it.`,
  })
  override rate_limit?: number | null;

  @ApiPropertyOptional({
    type: [FilterConditionDto],
    description: `${FILTER_DESCRIPTION} Replaces the list; null or [] removes it.`,
  })
  override filter?: FilterConditionDto[] | null;
}

export class PreviewWebhookDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Render for this element (of the webhook’s element type).',
  })
  @IsOptional()
  @IsUUID()
  element_id?: string;

  @ApiPropertyOptional({ description: 'Render for sample data instead.' })
  @IsOptional()
  @IsBoolean()
  sample?: boolean;
}

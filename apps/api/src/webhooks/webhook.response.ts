import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ELEMENT_TYPES,
  FILTER_OPS,
  HTTP_METHODS,
  ORDERINGS,
  TRIGGERS,
  WEBHOOK_STATUSES,
} from '@hookrelay/core';
import { DestinationResponse } from '../destinations/destination.response';
import type {
  BodyPair,
  ElementType,
  FilterCondition,
  FilterOp,
  JsonValue,
  HeaderPair,
  HttpMethod,
  JsonObject,
  Ordering,
  Trigger,
  WebhookStatus,
} from '@hookrelay/core';

export class HeaderResponse {
  @ApiProperty() key!: string;
  @ApiProperty({ description: 'Template; a secret value is masked (`••••` + last 4).' }) value!: string;
  @ApiPropertyOptional() secret?: boolean;
}

export class BodyPairResponse {
  @ApiProperty() key!: string;
  @ApiProperty() value!: string;
}

export class TargetBindingResponse {
  @ApiProperty({ example: 'slack' }) kind!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Secret settings masked.' })
  settings!: JsonObject;
}

export class RetiredSecretResponse {
  @ApiProperty({ format: 'date-time', description: 'It signs deliveries until then.' }) expires_at!: string;
}

export class FilterConditionResponse {
  @ApiProperty({ example: 'status' }) field!: string;
  @ApiProperty({ enum: FILTER_OPS, example: 'eq' }) op!: FilterOp;
  @ApiPropertyOptional({ example: 'yes', description: 'Absent for `changed` and a plain `exists`.' })
  value?: JsonValue;
}

export class WebhookResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: WEBHOOK_STATUSES }) status!: WebhookStatus;
  @ApiProperty({ type: String, nullable: true, description: 'Why the relay disabled it (e.g. a 410).' })
  disabled_reason!: string | null;
  @ApiProperty({ enum: TRIGGERS }) trigger!: Trigger;
  @ApiProperty({ enum: ELEMENT_TYPES }) element!: ElementType;
  @ApiProperty({ enum: HTTP_METHODS }) method!: HttpMethod;
  @ApiProperty() url!: string;
  @ApiProperty({ type: [HeaderResponse] }) headers!: HeaderPair[];
  @ApiProperty({ type: [BodyPairResponse] }) body!: BodyPair[];
  @ApiProperty() include_element_data!: boolean;
  @ApiProperty({ type: TargetBindingResponse, nullable: true }) target!: {
    kind: string;
    settings: JsonObject;
  } | null;
  @ApiProperty({ type: String, nullable: true }) retry_schedule!: string | null;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    example: 10,
    description: 'Most requests per second to this webhook, across all relays; null: no limit.',
  })
  rate_limit!: number | null;
  @ApiProperty({
    type: [FilterConditionResponse],
    description: 'Conditions that must all hold for a change to give this webhook a job; [] for none.',
  })
  filter!: FilterCondition[];
  @ApiProperty({
    type: DestinationResponse,
    nullable: true,
    description:
      'The origin the URL sends to and its delivery state. null for a webhook saved before destinations ' +
      'existed, until it is saved again or a relay first delivers for it.',
  })
  destination!: DestinationResponse | null;
  @ApiProperty({
    enum: ORDERINGS,
    description:
      "`per_element`: one element's deliveries to its destination go out one at a time, in commit order.",
  })
  ordering!: Ordering;
  @ApiProperty({
    type: [RetiredSecretResponse],
    description:
      'Secrets replaced by rotations in the last 24 h, oldest first: each still signs until it expires.',
  })
  retired_secrets!: RetiredSecretResponse[];
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the last replaced secret stops signing (the latest of retired_secrets).',
  })
  previous_secret_expires_at!: string | null;
  @ApiProperty({ format: 'date-time' }) created_at!: string;
  @ApiProperty({ format: 'date-time' }) updated_at!: string;
  /** Only in the answers to create and rotate-secret: shown once. */
  signing_secret?: string;
}

/** The answer to create and rotate-secret: the only time the signing secret is shown. */
export class WebhookWithSecretResponse extends WebhookResponse {
  @ApiProperty({ example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', description: 'Shown this once.' })
  declare signing_secret: string;
}

export class PreviewResponse {
  @ApiProperty({ enum: HTTP_METHODS }) method!: string;
  @ApiProperty({ description: 'Secret target settings in it (e.g. a Slack webhook URL) masked.' })
  url!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Secret values masked; webhook-signature is the placeholder `v1,<signed at delivery>`.',
  })
  headers!: Record<string, string>;
  @ApiProperty({ type: String, nullable: true, description: 'JSON text; null for GET.' }) body!:
    string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The data the templates were rendered with.',
  })
  element_data!: JsonObject;
}

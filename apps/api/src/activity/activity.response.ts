import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ELEMENT_TYPES, MISS_REASONS, TRIGGERS, WEBHOOK_STATUSES } from '@hookrelay/core';
import type { ElementType, JsonValue, MissReason, Trigger, WebhookStatus } from '@hookrelay/core';
import { pageOf } from '../common/page-response';
import { DeliveryResponse } from '../deliveries/delivery.response';
import { FilterConditionResponse } from '../webhooks/webhook.response';

const DeliveryPage = pageOf(DeliveryResponse);

export class FiringVerdictResponse {
  @ApiProperty({ description: 'Whether a change of this trigger would give the webhook a job now.' })
  would_fire!: boolean;

  @ApiProperty({
    enum: MISS_REASONS,
    nullable: true,
    description:
      'Why not: disabled (the webhook is off), trigger (it fires on another trigger), filter (a condition ' +
      'fails for the element as it is now).',
  })
  reason!: MissReason | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'filter[0] status eq "yes", but status is "no"',
  })
  message!: string | null;

  @ApiPropertyOptional({ type: FilterConditionResponse, description: 'For `filter`: the failing condition.' })
  condition?: FilterConditionResponse;

  @ApiPropertyOptional({
    description: "For `filter`: the element's value of the condition's field (null: absent).",
  })
  actual?: JsonValue;
}

export class TriggerVerdictsResponse {
  @ApiProperty({ type: FiringVerdictResponse }) create!: FiringVerdictResponse;
  @ApiProperty({ type: FiringVerdictResponse }) update!: FiringVerdictResponse;
  @ApiProperty({ type: FiringVerdictResponse }) delete!: FiringVerdictResponse;
}

export class WebhookFiringResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Sign-ups to CRM' }) name!: string;
  @ApiProperty({ enum: WEBHOOK_STATUSES }) status!: WebhookStatus;
  @ApiProperty({ enum: TRIGGERS }) trigger!: Trigger;
  @ApiProperty({ type: TriggerVerdictsResponse, description: 'Would it fire now, for each trigger.' })
  fires!: Record<Trigger, FiringVerdictResponse>;
}

export class ActivityResponse {
  @ApiProperty({ enum: ELEMENT_TYPES }) element!: ElementType;
  @ApiProperty({ format: 'uuid' }) element_id!: string;
  @ApiProperty({ description: 'false for an element deleted since (its deliveries stay until retention).' })
  exists!: boolean;

  @ApiProperty({
    type: DeliveryPage,
    description:
      'The newest deliveries of the element across webhooks; `next_cursor` continues with ' +
      'GET /v1/deliveries?element=…&element_id=…&cursor=….',
  })
  deliveries!: InstanceType<typeof DeliveryPage>;

  @ApiProperty({
    type: [WebhookFiringResponse],
    description: "Every webhook on this element type, and why it would or wouldn't fire.",
  })
  webhooks!: WebhookFiringResponse[];
}

import { ApiProperty } from '@nestjs/swagger';
import { DELIVERY_STATUSES, type DeliveryStatus } from '@hookrelay/core';
import { WebhookResponse } from './webhook.response';

export class LastDeliveryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: DELIVERY_STATUSES }) status!: DeliveryStatus;
  @ApiProperty({
    format: 'date-time',
    description: 'When it was delivered, died or was cancelled; while pending, when it was queued.',
  })
  at!: string;
}

/** What the webhooks page shows beside each webhook (DESIGN §8). */
export class WebhookStatsResponse {
  @ApiProperty({
    type: LastDeliveryResponse,
    nullable: true,
    description: 'The newest delivery of the webhook; null when it has none.',
  })
  last_delivery!: LastDeliveryResponse | null;
  @ApiProperty({ type: 'integer', example: 120, description: 'Deliveries queued in the last 24 h.' })
  deliveries_24h!: number;
  @ApiProperty({ type: 'integer', example: 114, description: 'Of those, delivered.' })
  delivered_24h!: number;
  @ApiProperty({ type: 'integer', example: 2, description: 'Of those, dead (retries exhausted or refused).' })
  dead_24h!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 0.9828,
    description:
      'delivered / (delivered + dead) of the last 24 h, from 0 to 1. Pending and cancelled deliveries do ' +
      'not count; null when none of them has finished.',
  })
  success_rate_24h!: number | null;
}

/** A webhook as its list and its page show it: with its delivery stats. */
export class WebhookWithStatsResponse extends WebhookResponse {
  @ApiProperty({ type: WebhookStatsResponse }) stats!: WebhookStatsResponse;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DELIVERY_STATUSES } from '@hookrelay/core';

/** The relay's first attempt of a test delivery, as recorded in the delivery's attempt log. */
export class TestAttemptResponse {
  @ApiProperty({ type: Number, nullable: true, example: 200, description: 'null when no answer came.' })
  response_status!: number | null;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { 'content-type': 'application/json' },
    description: 'Absent when no answer came.',
  })
  response_headers?: Record<string, string>;
  @ApiProperty({ type: String, nullable: true, example: '{"ok":true}', description: 'Truncated to 4 KiB.' })
  response_body!: string | null;
  @ApiProperty({ type: Number, nullable: true, example: 182 })
  duration_ms!: number | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description: 'Why no answer came (timeout, connection refused, SSRF refusal, a template error).',
  })
  error!: string | null;
  @ApiProperty({
    enum: ['delivered', 'retry', 'dead'],
    example: 'delivered',
    description: '`retry`: the delivery stays pending and follows the retry schedule like any other.',
  })
  outcome!: string;
}

/** 200: the relay made its first attempt (or the delivery ended without one: cancelled meanwhile). */
export class TestDeliveryResponse {
  @ApiProperty({ format: 'uuid', example: '0b6f7c1e-2d3a-4b5c-9d8e-7f6a5b4c3d2e' }) delivery_id!: string;
  @ApiProperty({
    enum: DELIVERY_STATUSES,
    example: 'delivered',
    description: 'The delivery’s status after the attempt; `pending` when it will be retried.',
  })
  status!: string;
  @ApiProperty({
    type: TestAttemptResponse,
    nullable: true,
    description: 'null only when the delivery was cancelled before the relay attempted it.',
  })
  attempt!: TestAttemptResponse | null;
}

/** 202: no attempt within the wait; the delivery is queued and shows in the log like any other. */
export class TestDeliveryQueuedResponse {
  @ApiProperty({ format: 'uuid', example: '0b6f7c1e-2d3a-4b5c-9d8e-7f6a5b4c3d2e' }) delivery_id!: string;
  @ApiProperty({ enum: ['pending'], example: 'pending' }) status!: 'pending';
  @ApiProperty({
    type: Object,
    nullable: true,
    example: null,
    description: 'Always null: not attempted yet.',
  })
  attempt!: null;
}

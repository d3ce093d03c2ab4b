import { ApiProperty } from '@nestjs/swagger';
import { DELIVERY_STATUSES, ELEMENT_TYPES, TRIGGERS } from '@hookrelay/core';

export class DeliveryResponse {
  @ApiProperty({ format: 'uuid', description: 'Also the `webhook-id` header: stable across retries.' })
  id!: string;
  @ApiProperty({ format: 'uuid' }) webhook_id!: string;
  @ApiProperty({ format: 'uuid' }) snapshot_id!: string;
  @ApiProperty({ enum: ELEMENT_TYPES, example: 'rsvp', description: 'The element type of the change.' })
  element!: string;
  @ApiProperty({
    format: 'uuid',
    example: 'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f',
    description: 'The element the change was to.',
  })
  element_id!: string;
  @ApiProperty({ enum: TRIGGERS, example: 'create', description: 'What the change was.' })
  trigger!: string;
  @ApiProperty({ enum: DELIVERY_STATUSES }) status!: string;
  @ApiProperty({
    description:
      'A pending delivery waiting because its webhook is disabled; it goes out once enabled again.',
  })
  paused!: boolean;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description:
      'Under per-element ordering: the earlier pending delivery of the same element (and destination) ' +
      'this one waits for; it goes out once that one is delivered, dead or cancelled. Null otherwise.',
  })
  waiting_for!: string | null;
  @ApiProperty() attempts!: number;
  @ApiProperty({ format: 'date-time' }) next_attempt_at!: string;
  @ApiProperty({ type: String, nullable: true }) last_error!: string | null;
  @ApiProperty({ type: Number, nullable: true }) last_status_code!: number | null;
  @ApiProperty({ format: 'date-time' }) created_at!: string;
  @ApiProperty({ format: 'date-time' }) updated_at!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completed_at!: string | null;
}

export class AttemptResponse {
  @ApiProperty() attempt!: number;
  @ApiProperty() outcome!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'method, url, headers (secrets redacted), body',
  })
  request!: Record<string, unknown>;
  @ApiProperty({ type: Number, nullable: true }) response_status!: number | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, nullable: true })
  response_headers!: Record<string, string> | null;
  @ApiProperty({ type: String, nullable: true, description: 'Truncated to 4 KiB.' }) response_body!:
    string | null;
  @ApiProperty({ type: Number, nullable: true }) duration_ms!: number | null;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
  @ApiProperty({ format: 'date-time' }) created_at!: string;
}

export class SnapshotResponse {
  @ApiProperty({ enum: ELEMENT_TYPES }) element!: string;
  @ApiProperty({ format: 'uuid' }) element_id!: string;
  @ApiProperty({ enum: TRIGGERS }) trigger!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The element as it was at the change.',
  })
  data!: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) created_at!: string;
}

export class DeliveryDetailResponse extends DeliveryResponse {
  @ApiProperty({ type: SnapshotResponse, nullable: true }) snapshot!: SnapshotResponse | null;
  @ApiProperty({ type: [AttemptResponse] }) attempts_log!: AttemptResponse[];
}

export class ReplayResponse {
  @ApiProperty() replayed!: number;
  @ApiProperty({ type: [String], format: 'uuid' }) delivery_ids!: string[];
  @ApiProperty({
    description: 'More deliveries matched than one call replays (10 000): continue with next_cursor.',
  })
  truncated!: boolean;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'When truncated: send the same request with `cursor` set to this (and `until` as answered).',
  })
  next_cursor!: string | null;
  @ApiProperty({ format: 'date-time', description: 'The end of the range replayed (now when not given).' })
  until!: string;
}

export class BulkCancelResponse {
  @ApiProperty({ example: 1250, description: 'How many pending deliveries were cancelled.' })
  cancelled!: number;
}

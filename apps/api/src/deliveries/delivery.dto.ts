import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DELIVERY_STATUSES, ELEMENT_TYPES } from '@hookrelay/core';
import type { DeliveryStatus, ElementType } from '@hookrelay/core';
import { Transform } from 'class-transformer';
import { ArrayMinSize, IsArray, IsIn, IsISO8601, IsOptional, IsString, IsUUID } from 'class-validator';
import { PageQuery } from '../common/pagination';
import { IsDateTime } from './date-time.validator';

/** `since` of a time range of deliveries, documented and validated. */
function SinceProperty(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      format: 'date-time',
      example: '2026-01-01T00:00:00Z',
      description: 'Created at or after this instant.',
    }),
    IsOptional(),
    IsDateTime(),
  );
}

/** `until` of a time range of deliveries, documented and validated. */
function UntilProperty(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ format: 'date-time', example: '2026-01-02T00:00:00Z', description }),
    IsOptional(),
    IsDateTime(),
  );
}

export class ListDeliveriesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: DeliveryStatus;
}

/** `GET /v1/deliveries`: every filter optional, all given ones must hold. */
export class ListAccountDeliveriesQuery extends ListDeliveriesQuery {
  @ApiPropertyOptional({
    format: 'uuid',
    example: '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d',
    description: 'Only this webhook’s deliveries.',
  })
  @IsOptional()
  @IsUUID()
  webhook_id?: string;

  @ApiPropertyOptional({
    enum: ELEMENT_TYPES,
    example: 'rsvp',
    description: 'Only changes of this element type.',
  })
  @IsOptional()
  @IsIn(ELEMENT_TYPES)
  element?: ElementType;

  @ApiPropertyOptional({
    format: 'uuid',
    example: 'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f',
    description: 'Only changes of this element (of any type unless `element` is given).',
  })
  @IsOptional()
  @IsUUID()
  element_id?: string;

  @SinceProperty()
  since?: string;

  @UntilProperty('Created before this instant; after `since`.')
  until?: string;
}

/** Only pending deliveries can be cancelled; `status` is required so the request says what it cancels. */
export const BULK_CANCELLABLE_STATUSES = ['pending'] as const;

export class BulkCancelDto {
  @ApiPropertyOptional({
    format: 'uuid',
    example: '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d',
    description: 'Only this webhook’s deliveries; default all of the account’s.',
  })
  @IsOptional()
  @IsUUID()
  webhook_id?: string;

  @ApiProperty({
    enum: BULK_CANCELLABLE_STATUSES,
    example: 'pending',
    description: 'Required: only pending deliveries (paused ones included) can be cancelled.',
  })
  @IsIn(BULK_CANCELLABLE_STATUSES, {
    message: '$property must be pending: only pending deliveries can be cancelled',
  })
  status!: (typeof BULK_CANCELLABLE_STATUSES)[number];

  @SinceProperty()
  since?: string;

  @UntilProperty('Created before this instant; default the time of the request.')
  until?: string;
}

export const REPLAYABLE_STATUSES = ['delivered', 'dead', 'cancelled'] as const;
export type ReplayableStatus = (typeof REPLAYABLE_STATUSES)[number];

export class ReplayDto {
  @ApiProperty({
    example: '2026-01-01T00:00:00Z',
    description: 'Deliveries created at or after this instant.',
  })
  @IsISO8601({ strict: true })
  since!: string;

  @ApiPropertyOptional({
    example: '2026-01-02T00:00:00Z',
    description: 'Created before this instant; default now.',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  until?: string;

  @ApiPropertyOptional({
    enum: REPLAYABLE_STATUSES,
    isArray: true,
    description: 'One status or a list; default delivered and dead.',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? [value] : value))
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(REPLAYABLE_STATUSES, { each: true })
  status?: ReplayableStatus[];

  @ApiPropertyOptional({ description: 'From `next_cursor` of a truncated replay: continue after it.' })
  @IsOptional()
  @IsString()
  cursor?: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DELIVERY_STATUSES } from '@hookrelay/core';
import type { DeliveryStatus } from '@hookrelay/core';
import { Transform } from 'class-transformer';
import { ArrayMinSize, IsArray, IsIn, IsISO8601, IsOptional, IsString } from 'class-validator';
import { PageQuery } from '../common/pagination';

export class ListDeliveriesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: DeliveryStatus;
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

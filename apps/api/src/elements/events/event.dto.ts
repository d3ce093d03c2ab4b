import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EVENT_STATUSES } from '@hookrelay/core';
import type { EventStatus } from '@hookrelay/core';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { PatchType } from '../../common/patch-type';
import { IsNullable, IsOptionalNotNull, IsTimeZone } from '../../common/validators';

export class EventDateDto {
  @ApiPropertyOptional({ nullable: true, type: String, example: 'Day 1' })
  @IsOptional()
  @IsNullable()
  @IsString()
  @MaxLength(500)
  name?: string | null;

  @ApiProperty({ example: '2026-03-14T18:00:00Z' })
  @IsISO8601({ strict: true })
  start!: string;

  @ApiPropertyOptional({ nullable: true, type: String, example: '2026-03-14T21:00:00Z' })
  @IsOptional()
  @IsNullable()
  @IsISO8601({ strict: true })
  end?: string | null;

  @ApiProperty({ example: 'Europe/Berlin' })
  @IsTimeZone()
  time_zone!: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsNullable()
  @IsString()
  @MaxLength(1000)
  location?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsNullable()
  @IsString()
  @MaxLength(10_000)
  description?: string | null;
}

export class CreateEventDto {
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' })
  @IsOptional()
  @IsNullable()
  @IsUUID()
  group_id?: string | null;

  @ApiProperty({ example: 'Spring meetup' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title!: string;

  @ApiPropertyOptional({ enum: EVENT_STATUSES, default: 'draft' })
  @IsOptionalNotNull()
  @IsIn(EVENT_STATUSES)
  status?: EventStatus;

  @ApiPropertyOptional({ type: [EventDateDto] })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => EventDateDto)
  dates?: EventDateDto[];

  @ApiPropertyOptional({ default: false })
  @IsOptionalNotNull()
  @IsBoolean()
  rsvp_enabled?: boolean;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'https://example.com/events/spring' })
  @IsOptional()
  @IsNullable()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  url?: string | null;
}

export class UpdateEventDto extends PatchType(CreateEventDto) {}

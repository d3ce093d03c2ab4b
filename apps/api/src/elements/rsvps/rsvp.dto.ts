import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RSVP_STATUSES } from '@hookrelay/core';
import type { RsvpStatus } from '@hookrelay/core';
import { IsEmail, IsIn, IsInt, IsNotEmpty, IsString, Max, MaxLength, Min } from 'class-validator';
import { PatchType } from '../../common/patch-type';
import { IsFlatRecord, IsOptionalNotNull } from '../../common/validators';

export class CreateRsvpDto {
  @ApiProperty({ example: 'ada@example.com' })
  @IsEmail()
  @MaxLength(320)
  email!: string;

  @ApiProperty({ example: 'Ada Lovelace' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  name!: string;

  @ApiPropertyOptional({ enum: RSVP_STATUSES, default: 'yes' })
  @IsOptionalNotNull()
  @IsIn(RSVP_STATUSES)
  status?: RsvpStatus;

  @ApiPropertyOptional({ default: 1, minimum: 0 })
  @IsOptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(10_000)
  seats?: number;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, example: { diet: 'vegan' } })
  @IsOptionalNotNull()
  @IsFlatRecord()
  fields?: Record<string, string | number | boolean>;
}

export class UpdateRsvpDto extends PatchType(CreateRsvpDto) {}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsInt, IsNotEmpty, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsFlatRecord, IsOptionalNotNull } from '../../common/validators';

export const RSVP_STATUSES = ['yes', 'maybe', 'no'] as const;

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
  status?: (typeof RSVP_STATUSES)[number];

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

export class UpdateRsvpDto {
  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsEmail()
  @MaxLength(320)
  email?: string;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  name?: string;

  @ApiPropertyOptional({ enum: RSVP_STATUSES })
  @IsOptionalNotNull()
  @IsIn(RSVP_STATUSES)
  status?: (typeof RSVP_STATUSES)[number];

  @ApiPropertyOptional({ minimum: 0 })
  @IsOptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(10_000)
  seats?: number;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @IsOptionalNotNull()
  @IsFlatRecord()
  fields?: Record<string, string | number | boolean>;
}

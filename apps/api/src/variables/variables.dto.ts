import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ELEMENT_TYPES, TRIGGERS } from '@hookrelay/core';
import type { ElementType, Trigger } from '@hookrelay/core';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export class VariablesQuery {
  @ApiProperty({ enum: ELEMENT_TYPES, example: 'rsvp' })
  @IsIn(ELEMENT_TYPES)
  element!: ElementType;

  @ApiProperty({ enum: TRIGGERS, example: 'create' })
  @IsIn(TRIGGERS)
  trigger!: Trigger;

  @ApiPropertyOptional({
    description:
      'A target plugin kind (see GET /v1/targets): also lists its settings as `settings.<key>`, described ' +
      'from its settings schema (never a webhook’s values). An unknown kind is a 400 naming `target`.',
    example: 'wordpress',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  target?: string;
}

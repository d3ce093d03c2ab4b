import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ELEMENT_TYPES, TRIGGERS, listVariables } from '@hookrelay/core';
import type { ElementType, Trigger, VariableInfo } from '@hookrelay/core';
import { IsIn } from 'class-validator';

export class VariablesQuery {
  @ApiProperty({ enum: ELEMENT_TYPES })
  @IsIn(ELEMENT_TYPES)
  element!: ElementType;

  @ApiProperty({ enum: TRIGGERS })
  @IsIn(TRIGGERS)
  trigger!: Trigger;
}

@ApiTags('variables')
@ApiBearerAuth()
@Controller('v1/variables')
export class VariablesController {
  /** The "show variables" button: what templates of a webhook for this element and trigger may use. */
  @Get()
  list(@Query() query: VariablesQuery): { element: ElementType; trigger: Trigger; variables: VariableInfo[] } {
    return { element: query.element, trigger: query.trigger, variables: listVariables(query.element, query.trigger) };
  }
}

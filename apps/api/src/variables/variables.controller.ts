import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../common/problem.response';
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

export class VariableResponse {
  @ApiProperty({ example: 'email' }) name!: string;
  @ApiProperty({ example: 'string' }) type!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ description: 'An example value (any JSON).' }) example!: unknown;
}

export class VariablesResponse {
  @ApiProperty({ enum: ELEMENT_TYPES }) element!: ElementType;
  @ApiProperty({ enum: TRIGGERS }) trigger!: Trigger;
  @ApiProperty({ type: [VariableResponse] }) variables!: VariableInfo[];
}

@ApiTags('variables')
@ApiBearerAuth()
@ApiProblems()
@Controller('v1/variables')
export class VariablesController {
  /** The "show variables" button: what templates of a webhook for this element and trigger may use. */
  @Get()
  @ApiOkResponse({ type: VariablesResponse })
  list(@Query() query: VariablesQuery): VariablesResponse {
    return {
      element: query.element,
      trigger: query.trigger,
      variables: listVariables(query.element, query.trigger),
    };
  }
}

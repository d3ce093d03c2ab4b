import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { listVariables } from '@hookrelay/core';
import { validationFailed } from '../common/problem';
import { ApiProblems } from '../common/problem.response';
import { TargetsService } from '../targets/targets.service';
import { VariablesQuery } from './variables.dto';
import { VariablesResponse } from './variables.response';

@ApiTags('variables')
@ApiBearerAuth()
@ApiProblems()
@Controller('v1/variables')
export class VariablesController {
  constructor(private readonly targets: TargetsService) {}

  /**
   * The "show variables" button: what templates of a webhook for this element and trigger may use (the
   * element, its related data, `previous`/`changed_fields` for an update, meta variables) and, with
   * `target`, that plugin's `settings.<key>`.
   */
  @Get()
  @ApiOkResponse({ type: VariablesResponse })
  list(@Query() query: VariablesQuery): VariablesResponse {
    const plugin = query.target === undefined ? undefined : this.targets.get(query.target);
    if (query.target !== undefined && !plugin) {
      throw validationFailed([
        { field: 'target', message: `no target plugin '${query.target}' (GET /v1/targets lists them)` },
      ]);
    }
    return {
      element: query.element,
      trigger: query.trigger,
      target: plugin?.kind ?? null,
      variables: listVariables(query.element, query.trigger, plugin && { settings: plugin.settings }),
    };
  }
}

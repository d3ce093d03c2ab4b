import { Controller, Get, Param, ParseEnumPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { ELEMENT_TYPES } from '@hookrelay/core';
import type { ElementType } from '@hookrelay/core';
import { AccountId } from '../auth/account-id.decorator';
import { ApiProblems } from '../common/problem.response';
import { validationFailed } from '../common/problem';
import { uuidParam } from '../common/uuid-param.pipe';
import { ActivityResponse } from './activity.response';
import { ActivityService } from './activity.service';

const elementParam = new ParseEnumPipe(Object.fromEntries(ELEMENT_TYPES.map((e) => [e, e])), {
  exceptionFactory: () =>
    validationFailed([{ field: 'element', message: `must be one of ${ELEMENT_TYPES.join(', ')}` }]),
});

@ApiTags('activity')
@ApiBearerAuth()
@ApiProblems()
@Controller('v1/elements')
export class ActivityController {
  constructor(private readonly activity: ActivityService) {}

  /** Why did (or didn't) a webhook fire for this element? */
  @Get(':element/:id/activity')
  @ApiParam({ name: 'element', enum: ELEMENT_TYPES })
  @ApiOkResponse({ type: ActivityResponse })
  get(
    @AccountId() accountId: string,
    @Param('element', elementParam) element: ElementType,
    @Param('id', uuidParam('element')) id: string,
  ): Promise<ActivityResponse> {
    return this.activity.activity(accountId, element, id);
  }
}

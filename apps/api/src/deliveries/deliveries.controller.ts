import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { pageOf } from '../common/page-response';
import { ApiProblems, ProblemResponse } from '../common/problem.response';
import { AccountId } from '../auth/account-id.decorator';
import { Page } from '../common/pagination';
import { uuidParam } from '../common/uuid-param.pipe';
import { DeliveriesService } from './deliveries.service';
import { BulkCancelDto, ListAccountDeliveriesQuery, ListDeliveriesQuery, ReplayDto } from './delivery.dto';
import {
  BulkCancelResponse,
  DeliveryDetailResponse,
  DeliveryResponse,
  ReplayResponse,
} from './delivery.response';

@ApiTags('deliveries')
@ApiBearerAuth()
@ApiProblems()
@Controller('v1')
export class DeliveriesController {
  constructor(private readonly deliveries: DeliveriesService) {}

  @Get('webhooks/:webhookId/deliveries')
  @ApiOkResponse({ type: pageOf(DeliveryResponse) })
  list(
    @AccountId() accountId: string,
    @Param('webhookId', uuidParam('webhook')) webhookId: string,
    @Query() query: ListDeliveriesQuery,
  ): Promise<Page<DeliveryResponse>> {
    return this.deliveries.listForWebhook(accountId, webhookId, query);
  }

  /** Re-sends deliveries created in [since, until) as new deliveries (new ids) of the same snapshots. */
  @Post('webhooks/:webhookId/replay')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: ReplayResponse })
  replay(
    @AccountId() accountId: string,
    @Param('webhookId', uuidParam('webhook')) webhookId: string,
    @Body() dto: ReplayDto,
  ): Promise<ReplayResponse> {
    return this.deliveries.replay(accountId, webhookId, dto);
  }

  /** The account's deliveries across its webhooks, newest first. */
  @Get('deliveries')
  @ApiOkResponse({ type: pageOf(DeliveryResponse) })
  @ApiNotFoundResponse({
    type: ProblemResponse,
    description: '`webhook_id` is not a webhook of the account.',
  })
  listForAccount(
    @AccountId() accountId: string,
    @Query() query: ListAccountDeliveriesQuery,
  ): Promise<Page<DeliveryResponse>> {
    return this.deliveries.listForAccount(accountId, query);
  }

  /**
   * Cancels every pending delivery (paused ones too) of the account, or of one webhook, created in
   * [since, until); `until` defaults to now. Runs in batches, each its own transaction.
   */
  @Post('deliveries/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: BulkCancelResponse })
  @ApiNotFoundResponse({
    type: ProblemResponse,
    description: '`webhook_id` is not a webhook of the account.',
  })
  cancelMany(@AccountId() accountId: string, @Body() dto: BulkCancelDto): Promise<BulkCancelResponse> {
    return this.deliveries.cancelMany(accountId, dto);
  }

  @Get('deliveries/:id')
  @ApiOkResponse({ type: DeliveryDetailResponse })
  get(
    @AccountId() accountId: string,
    @Param('id', uuidParam('delivery')) id: string,
  ): Promise<DeliveryDetailResponse> {
    return this.deliveries.get(accountId, id);
  }

  @Post('deliveries/:id/retry')
  @HttpCode(200)
  @ApiOkResponse({ type: DeliveryResponse })
  retry(
    @AccountId() accountId: string,
    @Param('id', uuidParam('delivery')) id: string,
  ): Promise<DeliveryResponse> {
    return this.deliveries.retry(accountId, id);
  }

  @Post('deliveries/:id/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: DeliveryResponse })
  @ApiConflictResponse({ type: ProblemResponse, description: 'The delivery is not pending.' })
  cancel(
    @AccountId() accountId: string,
    @Param('id', uuidParam('delivery')) id: string,
  ): Promise<DeliveryResponse> {
    return this.deliveries.cancel(accountId, id);
  }
}

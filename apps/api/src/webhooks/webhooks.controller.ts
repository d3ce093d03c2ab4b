import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { pageOf } from '../common/page-response';
import { ApiProblems, ProblemResponse } from '../common/problem.response';
import { AccountId } from '../auth/account-id.decorator';
import { Page, PageQuery } from '../common/pagination';
import { uuidParam } from '../common/uuid-param.pipe';
import { CreateWebhookDto, PreviewWebhookDto, UpdateWebhookDto } from './webhook.dto';
import { PreviewResponse, WebhookResponse, WebhookWithSecretResponse } from './webhook.response';
import { WebhookPreviewService } from './webhook-preview.service';
import { WebhookStatsRepository } from './webhook-stats.repository';
import { WebhookWithStatsResponse } from './webhook-stats.response';
import { TestWebhookDto } from './webhook-test.dto';
import { TestDeliveryQueuedResponse, TestDeliveryResponse } from './webhook-test.response';
import { WebhookTestService } from './webhook-test.service';
import { WebhooksService } from './webhooks.service';

@ApiTags('webhooks')
@ApiBearerAuth()
@ApiProblems()
@Controller('v1/webhooks')
export class WebhooksController {
  constructor(
    private readonly webhooks: WebhooksService,
    private readonly previews: WebhookPreviewService,
    private readonly tests: WebhookTestService,
    private readonly stats: WebhookStatsRepository,
  ) {}

  /** The answer carries `signing_secret`, shown this once. */
  @Post()
  @ApiCreatedResponse({ type: WebhookWithSecretResponse })
  create(@AccountId() accountId: string, @Body() dto: CreateWebhookDto): Promise<WebhookResponse> {
    return this.webhooks.create(accountId, dto);
  }

  @Get()
  @ApiOkResponse({ type: pageOf(WebhookWithStatsResponse) })
  async list(
    @AccountId() accountId: string,
    @Query() page: PageQuery,
  ): Promise<Page<WebhookWithStatsResponse>> {
    const found = await this.webhooks.list(accountId, page);
    return { ...found, items: await this.withStats(accountId, found.items) };
  }

  @Get(':id')
  @ApiOkResponse({ type: WebhookWithStatsResponse })
  async get(
    @AccountId() accountId: string,
    @Param('id', uuidParam('webhook')) id: string,
  ): Promise<WebhookWithStatsResponse> {
    const [webhook] = await this.withStats(accountId, [await this.webhooks.get(accountId, id)]);
    return webhook!;
  }

  @Patch(':id')
  @ApiOkResponse({ type: WebhookResponse })
  update(
    @AccountId() accountId: string,
    @Param('id', uuidParam('webhook')) id: string,
    @Body() dto: UpdateWebhookDto,
  ): Promise<WebhookResponse> {
    return this.webhooks.update(accountId, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted, with its deliveries.' })
  remove(@AccountId() accountId: string, @Param('id', uuidParam('webhook')) id: string): Promise<void> {
    return this.webhooks.remove(accountId, id);
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  @ApiOkResponse({ type: WebhookWithSecretResponse })
  rotateSecret(
    @AccountId() accountId: string,
    @Param('id', uuidParam('webhook')) id: string,
  ): Promise<WebhookResponse> {
    return this.webhooks.rotateSecret(accountId, id);
  }

  @Post(':id/preview')
  @HttpCode(200)
  @ApiOkResponse({ type: PreviewResponse })
  preview(
    @AccountId() accountId: string,
    @Param('id', uuidParam('webhook')) id: string,
    @Body() dto: PreviewWebhookDto,
  ): Promise<PreviewResponse> {
    return this.previews.preview(accountId, id, dto);
  }

  /**
   * Queues one delivery (the element's current data, or sample data) for the relay to send, then waits
   * for the relay's first attempt: 200 with it, or 202 when it has not come within the configured wait.
   */
  @Post(':id/test')
  @HttpCode(200)
  @ApiBody({ type: TestWebhookDto, required: false })
  @ApiOkResponse({ type: TestDeliveryResponse, description: 'The relay attempted it: the attempt’s result.' })
  @ApiAcceptedResponse({
    type: TestDeliveryQueuedResponse,
    description:
      'Queued, not attempted within the wait (HOOKRELAY_TEST_DELIVERY_WAIT); see the delivery log.',
  })
  @ApiNotFoundResponse({
    type: ProblemResponse,
    description: 'No such webhook, or no element `element_id` of its element type, in this account.',
  })
  @ApiConflictResponse({ type: ProblemResponse, description: 'The webhook is disabled.' })
  async test(
    @AccountId() accountId: string,
    @Param('id', uuidParam('webhook')) id: string,
    @Body() dto: TestWebhookDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TestDeliveryResponse | TestDeliveryQueuedResponse> {
    const answer = await this.tests.test(accountId, id, dto);
    res.status(answer.status);
    return answer.body;
  }

  /** The webhooks with their delivery stats, read in one statement. */
  private async withStats(
    accountId: string,
    webhooks: WebhookResponse[],
  ): Promise<WebhookWithStatsResponse[]> {
    const stats = await this.stats.statsOf(
      accountId,
      webhooks.map((w) => w.id),
    );
    return webhooks.map((w) => ({ ...w, stats: stats.get(w.id)! }));
  }
}

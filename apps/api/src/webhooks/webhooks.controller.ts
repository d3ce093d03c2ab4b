import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { pageOf } from '../common/page-response';
import { ApiProblems, ProblemResponse } from '../common/problem.response';
import { AccountId } from '../auth/account-id.decorator';
import { Page, PageQuery } from '../common/pagination';
import { uuidParam } from '../common/uuid-param.pipe';
import { CreateWebhookDto, PreviewWebhookDto, UpdateWebhookDto } from './webhook.dto';
import {
  PreviewResponse,
  TestDeliveryResponse,
  WebhookResponse,
  WebhookWithSecretResponse,
} from './webhook.response';
import { WebhookPreviewService } from './webhook-preview.service';
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
  ) {}

  /** The answer carries `signing_secret`, shown this once. */
  @Post()
  @ApiCreatedResponse({ type: WebhookWithSecretResponse })
  create(@AccountId() accountId: string, @Body() dto: CreateWebhookDto): Promise<WebhookResponse> {
    return this.webhooks.create(accountId, dto);
  }

  @Get()
  @ApiOkResponse({ type: pageOf(WebhookResponse) })
  list(@AccountId() accountId: string, @Query() page: PageQuery): Promise<Page<WebhookResponse>> {
    return this.webhooks.list(accountId, page);
  }

  @Get(':id')
  @ApiOkResponse({ type: WebhookResponse })
  get(
    @AccountId() accountId: string,
    @Param('id', uuidParam('webhook')) id: string,
  ): Promise<WebhookResponse> {
    return this.webhooks.get(accountId, id);
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

  /** 202: the job is queued; the relay sends it. */
  @Post(':id/test')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: TestDeliveryResponse })
  @ApiConflictResponse({ type: ProblemResponse, description: 'The webhook is disabled.' })
  test(
    @AccountId() accountId: string,
    @Param('id', uuidParam('webhook')) id: string,
  ): Promise<TestDeliveryResponse> {
    return this.tests.test(accountId, id);
  }
}

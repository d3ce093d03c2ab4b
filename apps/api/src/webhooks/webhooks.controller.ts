import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AccountId } from '../auth/account-id.decorator';
import { Page, PageQuery } from '../common/pagination';
import { uuidParam } from '../common/uuid-param.pipe';
import { CreateWebhookDto, PreviewWebhookDto, UpdateWebhookDto } from './webhook.dto';
import { WebhookResponse } from './webhook.presenter';
import { PreviewResponse, WebhooksService } from './webhooks.service';

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('v1/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  /** The answer carries `signing_secret`, shown this once. */
  @Post()
  create(@AccountId() accountId: string, @Body() dto: CreateWebhookDto): Promise<WebhookResponse> {
    return this.webhooks.create(accountId, dto);
  }

  @Get()
  list(@AccountId() accountId: string, @Query() page: PageQuery): Promise<Page<WebhookResponse>> {
    return this.webhooks.list(accountId, page);
  }

  @Get(':id')
  get(@AccountId() accountId: string, @Param('id', uuidParam('webhook')) id: string): Promise<WebhookResponse> {
    return this.webhooks.get(accountId, id);
  }

  @Patch(':id')
  update(
    @AccountId() accountId: string,
    @Param('id', uuidParam('webhook')) id: string,
    @Body() dto: UpdateWebhookDto,
  ): Promise<WebhookResponse> {
    return this.webhooks.update(accountId, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@AccountId() accountId: string, @Param('id', uuidParam('webhook')) id: string): Promise<void> {
    return this.webhooks.remove(accountId, id);
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  rotateSecret(@AccountId() accountId: string, @Param('id', uuidParam('webhook')) id: string): Promise<WebhookResponse> {
    return this.webhooks.rotateSecret(accountId, id);
  }

  @Post(':id/preview')
  @HttpCode(200)
  preview(
    @AccountId() accountId: string,
    @Param('id', uuidParam('webhook')) id: string,
    @Body() dto: PreviewWebhookDto,
  ): Promise<PreviewResponse> {
    return this.webhooks.preview(accountId, id, dto);
  }

  /** 202: the job is queued; the relay sends it. */
  @Post(':id/test')
  @HttpCode(202)
  test(@AccountId() accountId: string, @Param('id', uuidParam('webhook')) id: string): Promise<{ delivery_id: string }> {
    return this.webhooks.test(accountId, id);
  }
}

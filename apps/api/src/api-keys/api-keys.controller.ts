import { Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { AccountId } from '../auth/account-id.decorator';
import { ApiKeysService } from '../auth/api-keys.service';
import { Page, PageQuery } from '../common/pagination';
import { uuidParam } from '../common/uuid-param.pipe';
import { pageOf } from '../common/page-response';
import { ApiProblems, ProblemResponse } from '../common/problem.response';
import { ApiKeyResponse, CreatedApiKeyResponse } from './api-key.response';

@ApiTags('api-keys')
@ApiBearerAuth()
@ApiProblems()
@Controller('v1/api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Get()
  @ApiOkResponse({ type: pageOf(ApiKeyResponse) })
  list(@AccountId() accountId: string, @Query() page: PageQuery): Promise<Page<ApiKeyResponse>> {
    return this.apiKeys.list(accountId, page);
  }

  /** A new key for the account; the key is in this answer only. */
  @Post()
  @ApiCreatedResponse({ type: CreatedApiKeyResponse })
  create(@AccountId() accountId: string): Promise<CreatedApiKeyResponse> {
    return this.apiKeys.create(accountId);
  }

  /**
   * Revokes a key: it gets 401 from then on (at once on this process, within 10 s on others). The key
   * of the request itself may be revoked; the account's last active key may not (409).
   */
  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Revoked (also when it already was).' })
  @ApiConflictResponse({ type: ProblemResponse, description: 'The account’s last active key.' })
  revoke(@AccountId() accountId: string, @Param('id', uuidParam('API key')) id: string): Promise<void> {
    return this.apiKeys.revoke(accountId, id);
  }
}

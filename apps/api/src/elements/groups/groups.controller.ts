import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { pageOf } from '../../common/page-response';
import { ApiProblems } from '../../common/problem.response';
import { GroupResponse } from './group.response';
import type { GroupData } from '@hookrelay/core';
import { AccountId } from '../../auth/account-id.decorator';
import { Page, PageQuery } from '../../common/pagination';
import { uuidParam } from '../../common/uuid-param.pipe';
import { CreateGroupDto, UpdateGroupDto } from './group.dto';
import { GroupsService } from './groups.service';

@ApiTags('groups')
@ApiBearerAuth()
@ApiProblems()
@Controller('v1/groups')
export class GroupsController {
  constructor(private readonly groups: GroupsService) {}

  @Post()
  @ApiCreatedResponse({ type: GroupResponse })
  create(@AccountId() accountId: string, @Body() dto: CreateGroupDto): Promise<GroupData> {
    return this.groups.create(accountId, dto);
  }

  @Get()
  @ApiOkResponse({ type: pageOf(GroupResponse) })
  list(@AccountId() accountId: string, @Query() page: PageQuery): Promise<Page<GroupData>> {
    return this.groups.list(accountId, page);
  }

  @Get(':id')
  @ApiOkResponse({ type: GroupResponse })
  get(@AccountId() accountId: string, @Param('id', uuidParam('group')) id: string): Promise<GroupData> {
    return this.groups.get(accountId, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: GroupResponse })
  update(
    @AccountId() accountId: string,
    @Param('id', uuidParam('group')) id: string,
    @Body() dto: UpdateGroupDto,
  ): Promise<GroupData> {
    return this.groups.update(accountId, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(@AccountId() accountId: string, @Param('id', uuidParam('group')) id: string): Promise<void> {
    return this.groups.remove(accountId, id);
  }
}

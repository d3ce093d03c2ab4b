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
import { EventResponse } from './event.response';
import type { EventData } from '@hookrelay/core';
import { AccountId } from '../../auth/account-id.decorator';
import { Page, PageQuery } from '../../common/pagination';
import { uuidParam } from '../../common/uuid-param.pipe';
import { CreateEventDto, UpdateEventDto } from './event.dto';
import { EventsService } from './events.service';

@ApiTags('events')
@ApiBearerAuth()
@ApiProblems()
@Controller('v1/events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Post()
  @ApiCreatedResponse({ type: EventResponse })
  create(@AccountId() accountId: string, @Body() dto: CreateEventDto): Promise<EventData> {
    return this.events.create(accountId, dto);
  }

  @Get()
  @ApiOkResponse({ type: pageOf(EventResponse) })
  list(@AccountId() accountId: string, @Query() page: PageQuery): Promise<Page<EventData>> {
    return this.events.list(accountId, page);
  }

  @Get(':id')
  @ApiOkResponse({ type: EventResponse })
  get(@AccountId() accountId: string, @Param('id', uuidParam('event')) id: string): Promise<EventData> {
    return this.events.get(accountId, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: EventResponse })
  update(
    @AccountId() accountId: string,
    @Param('id', uuidParam('event')) id: string,
    @Body() dto: UpdateEventDto,
  ): Promise<EventData> {
    return this.events.update(accountId, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(@AccountId() accountId: string, @Param('id', uuidParam('event')) id: string): Promise<void> {
    return this.events.remove(accountId, id);
  }
}

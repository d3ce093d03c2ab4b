import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { EventData } from '@hookrelay/core';
import { AccountId } from '../../auth/account-id.decorator';
import { Page, PageQuery } from '../../common/pagination';
import { uuidParam } from '../../common/uuid-param.pipe';
import { CreateEventDto, UpdateEventDto } from './event.dto';
import { EventsService } from './events.service';

@ApiTags('events')
@ApiBearerAuth()
@Controller('v1/events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Post()
  create(@AccountId() accountId: string, @Body() dto: CreateEventDto): Promise<EventData> {
    return this.events.create(accountId, dto);
  }

  @Get()
  list(@AccountId() accountId: string, @Query() page: PageQuery): Promise<Page<EventData>> {
    return this.events.list(accountId, page);
  }

  @Get(':id')
  get(@AccountId() accountId: string, @Param('id', uuidParam('event')) id: string): Promise<EventData> {
    return this.events.get(accountId, id);
  }

  @Patch(':id')
  update(
    @AccountId() accountId: string,
    @Param('id', uuidParam('event')) id: string,
    @Body() dto: UpdateEventDto,
  ): Promise<EventData> {
    return this.events.update(accountId, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@AccountId() accountId: string, @Param('id', uuidParam('event')) id: string): Promise<void> {
    return this.events.remove(accountId, id);
  }
}

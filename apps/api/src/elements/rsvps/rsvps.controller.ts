import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { RsvpData } from '@hookrelay/core';
import { AccountId } from '../../auth/account-id.decorator';
import { Page, PageQuery } from '../../common/pagination';
import { uuidParam } from '../../common/uuid-param.pipe';
import { CreateRsvpDto, UpdateRsvpDto } from './rsvp.dto';
import { RsvpsService } from './rsvps.service';

@ApiTags('rsvps')
@ApiBearerAuth()
@Controller('v1')
export class RsvpsController {
  constructor(private readonly rsvps: RsvpsService) {}

  @Post('events/:eventId/rsvps')
  create(
    @AccountId() accountId: string,
    @Param('eventId', uuidParam('event')) eventId: string,
    @Body() dto: CreateRsvpDto,
  ): Promise<RsvpData> {
    return this.rsvps.create(accountId, eventId, dto);
  }

  @Get('events/:eventId/rsvps')
  list(
    @AccountId() accountId: string,
    @Param('eventId', uuidParam('event')) eventId: string,
    @Query() page: PageQuery,
  ): Promise<Page<RsvpData>> {
    return this.rsvps.listForEvent(accountId, eventId, page);
  }

  @Get('rsvps/:id')
  get(@AccountId() accountId: string, @Param('id', uuidParam('rsvp')) id: string): Promise<RsvpData> {
    return this.rsvps.get(accountId, id);
  }

  @Patch('rsvps/:id')
  update(
    @AccountId() accountId: string,
    @Param('id', uuidParam('rsvp')) id: string,
    @Body() dto: UpdateRsvpDto,
  ): Promise<RsvpData> {
    return this.rsvps.update(accountId, id, dto);
  }

  @Delete('rsvps/:id')
  @HttpCode(204)
  remove(@AccountId() accountId: string, @Param('id', uuidParam('rsvp')) id: string): Promise<void> {
    return this.rsvps.remove(accountId, id);
  }
}

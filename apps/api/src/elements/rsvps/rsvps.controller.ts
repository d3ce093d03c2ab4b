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
import { RsvpResponse } from './rsvp.response';
import type { RsvpData } from '@hookrelay/core';
import { AccountId } from '../../auth/account-id.decorator';
import { Page, PageQuery } from '../../common/pagination';
import { uuidParam } from '../../common/uuid-param.pipe';
import { CreateRsvpDto, UpdateRsvpDto } from './rsvp.dto';
import { RsvpsService } from './rsvps.service';

@ApiTags('rsvps')
@ApiBearerAuth()
@ApiProblems()
@Controller('v1')
export class RsvpsController {
  constructor(private readonly rsvps: RsvpsService) {}

  @Post('events/:eventId/rsvps')
  @ApiCreatedResponse({ type: RsvpResponse })
  create(
    @AccountId() accountId: string,
    @Param('eventId', uuidParam('event')) eventId: string,
    @Body() dto: CreateRsvpDto,
  ): Promise<RsvpData> {
    return this.rsvps.create(accountId, eventId, dto);
  }

  @Get('events/:eventId/rsvps')
  @ApiOkResponse({ type: pageOf(RsvpResponse) })
  list(
    @AccountId() accountId: string,
    @Param('eventId', uuidParam('event')) eventId: string,
    @Query() page: PageQuery,
  ): Promise<Page<RsvpData>> {
    return this.rsvps.listForEvent(accountId, eventId, page);
  }

  @Get('rsvps/:id')
  @ApiOkResponse({ type: RsvpResponse })
  get(@AccountId() accountId: string, @Param('id', uuidParam('rsvp')) id: string): Promise<RsvpData> {
    return this.rsvps.get(accountId, id);
  }

  @Patch('rsvps/:id')
  @ApiOkResponse({ type: RsvpResponse })
  update(
    @AccountId() accountId: string,
    @Param('id', uuidParam('rsvp')) id: string,
    @Body() dto: UpdateRsvpDto,
  ): Promise<RsvpData> {
    return this.rsvps.update(accountId, id, dto);
  }

  @Delete('rsvps/:id')
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(@AccountId() accountId: string, @Param('id', uuidParam('rsvp')) id: string): Promise<void> {
    return this.rsvps.remove(accountId, id);
  }
}

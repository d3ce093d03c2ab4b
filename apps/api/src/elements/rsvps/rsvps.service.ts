import { Injectable } from '@nestjs/common';
import { changeSnapshot } from '@hookrelay/core';
import type { RsvpData } from '@hookrelay/core';
import { EventEntity, RsvpEntity } from '@hookrelay/db';
import { DataSource } from 'typeorm';
import { Page, PageQuery, paginate, toPage } from '../../common/pagination';
import { notFound } from '../../common/problem';
import { deleteScoped, findForUpdate } from '../element-queries';
import { ElementWriter, asJson, isUnchanged } from '../element-writer.service';
import { findEventWithGroup, rsvpRelated } from '../related-queries';
import { CreateRsvpDto, UpdateRsvpDto } from './rsvp.dto';
import { toRsvpData } from './rsvp.presenter';

@Injectable()
export class RsvpsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: ElementWriter,
  ) {}

  create(accountId: string, eventId: string, dto: CreateRsvpDto): Promise<RsvpData> {
    return this.writer.run({
      accountId,
      element: 'rsvp',
      trigger: 'create',
      write: async (manager) => {
        const parents = await findEventWithGroup(manager, { id: eventId, accountId });
        if (!parents) throw notFound('event');
        const rsvp = await manager.getRepository(RsvpEntity).save(
          manager.create(RsvpEntity, {
            accountId,
            eventId,
            email: dto.email,
            name: dto.name,
            status: dto.status ?? 'yes',
            seats: dto.seats ?? 1,
            fields: dto.fields ?? {},
          }),
        );
        const data = toRsvpData(rsvp);
        return {
          elementId: rsvp.id,
          data: changeSnapshot('rsvp', { data, related: rsvpRelated(parents) }),
          result: data,
        };
      },
    });
  }

  update(accountId: string, id: string, dto: UpdateRsvpDto): Promise<RsvpData> {
    return this.writer.run({
      accountId,
      element: 'rsvp',
      trigger: 'update',
      write: async (manager) => {
        const rsvp = await findForUpdate(manager, RsvpEntity, { id, accountId }, 'rsvp');
        const before = toRsvpData(rsvp);
        if (dto.email !== undefined) rsvp.email = dto.email;
        if (dto.name !== undefined) rsvp.name = dto.name;
        if (dto.status !== undefined) rsvp.status = dto.status;
        if (dto.seats !== undefined) rsvp.seats = dto.seats;
        if (dto.fields !== undefined) rsvp.fields = dto.fields;
        if (isUnchanged(before, toRsvpData(rsvp))) {
          return { elementId: id, data: asJson(before), result: before, unchanged: true };
        }
        const data = toRsvpData(await manager.getRepository(RsvpEntity).save(rsvp));
        // the RSVP is locked and deleting its event deletes it first, so the event is still there
        const parents = await findEventWithGroup(manager, { id: rsvp.eventId, accountId });
        if (!parents) throw new Error(`rsvp ${id}: its event ${rsvp.eventId} is missing`);
        return {
          elementId: id,
          data: changeSnapshot('rsvp', { data, related: rsvpRelated(parents), previous: before }),
          result: data,
        };
      },
    });
  }

  remove(accountId: string, id: string): Promise<void> {
    return this.writer.run({
      accountId,
      element: 'rsvp',
      trigger: 'delete',
      write: async (manager) => {
        await deleteScoped(manager, RsvpEntity, { id, accountId }, 'rsvp');
        return { elementId: id, data: { id }, result: undefined };
      },
    });
  }

  async get(accountId: string, id: string): Promise<RsvpData> {
    const rsvp = await this.dataSource.getRepository(RsvpEntity).findOne({ where: { id, accountId } });
    if (!rsvp) throw notFound('rsvp');
    return toRsvpData(rsvp);
  }

  async listForEvent(accountId: string, eventId: string, page: PageQuery): Promise<Page<RsvpData>> {
    const eventExists = await this.dataSource
      .getRepository(EventEntity)
      .exists({ where: { id: eventId, accountId } });
    if (!eventExists) throw notFound('event');
    const query = this.dataSource
      .getRepository(RsvpEntity)
      .createQueryBuilder('r')
      .where('r.account_id = :accountId AND r.event_id = :eventId', { accountId, eventId });
    return toPage(await paginate(query, page), toRsvpData);
  }
}

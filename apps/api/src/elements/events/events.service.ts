import { Injectable } from '@nestjs/common';
import { changeSnapshot } from '@hookrelay/core';
import type { EventData } from '@hookrelay/core';
import { EventEntity, GroupEntity, RsvpEntity } from '@hookrelay/db';
import { DataSource, EntityManager } from 'typeorm';
import { Page, PageQuery, paginate, toPage } from '../../common/pagination';
import { notFound, validationFailed } from '../../common/problem';
import { deleteScoped, findForUpdate } from '../element-queries';
import { ElementWriter, asJson, isUnchanged } from '../element-writer.service';
import { eventRelated, findGroup } from '../related-queries';
import { CreateEventDto, UpdateEventDto } from './event.dto';
import { toEventData, toEventDate } from './event.presenter';

@Injectable()
export class EventsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: ElementWriter,
  ) {}

  create(accountId: string, dto: CreateEventDto): Promise<EventData> {
    return this.writer.run({
      accountId,
      element: 'event',
      trigger: 'create',
      write: async (manager) => {
        const group = await groupOfAccount(manager, accountId, dto.group_id ?? null);
        const event = await manager.getRepository(EventEntity).save(
          manager.create(EventEntity, {
            accountId,
            groupId: dto.group_id ?? null,
            title: dto.title,
            status: dto.status ?? 'draft',
            dates: (dto.dates ?? []).map(toEventDate),
            rsvpEnabled: dto.rsvp_enabled ?? false,
            url: dto.url ?? null,
          }),
        );
        const data = toEventData(event);
        return {
          elementId: event.id,
          data: changeSnapshot('event', { data, related: eventRelated(group) }),
          result: data,
        };
      },
    });
  }

  update(accountId: string, id: string, dto: UpdateEventDto): Promise<EventData> {
    return this.writer.run({
      accountId,
      element: 'event',
      trigger: 'update',
      write: async (manager) => {
        const event = await findForUpdate(manager, EventEntity, { id, accountId }, 'event');
        const before = toEventData(event);
        // undefined: not read yet (the group stays); read at most once
        let group: GroupEntity | null | undefined;
        if (dto.group_id !== undefined) {
          group = await groupOfAccount(manager, accountId, dto.group_id);
          event.groupId = dto.group_id;
        }
        if (dto.title !== undefined) event.title = dto.title;
        if (dto.status !== undefined) event.status = dto.status;
        if (dto.dates !== undefined) event.dates = dto.dates.map(toEventDate);
        if (dto.rsvp_enabled !== undefined) event.rsvpEnabled = dto.rsvp_enabled;
        if (dto.url !== undefined) event.url = dto.url;
        if (isUnchanged(before, toEventData(event))) {
          return { elementId: id, data: asJson(before), result: before, unchanged: true };
        }
        const data = toEventData(await manager.getRepository(EventEntity).save(event));
        if (group === undefined) group = await findGroup(manager, accountId, event.groupId);
        return {
          elementId: id,
          data: changeSnapshot('event', { data, related: eventRelated(group), previous: before }),
          result: data,
        };
      },
    });
  }

  /**
   * The event's RSVPs go with it, each announced as an rsvp delete (same transaction). The event is
   * locked first, so an RSVP being added concurrently waits and cannot slip through unannounced.
   */
  remove(accountId: string, id: string): Promise<void> {
    return this.writer.run({
      accountId,
      element: 'event',
      trigger: 'delete',
      write: async (manager) => {
        await findForUpdate(manager, EventEntity, { id, accountId }, 'event');
        const deleted = await manager
          .createQueryBuilder()
          .delete()
          .from(RsvpEntity)
          .where('account_id = :accountId AND event_id = :id', { accountId, id })
          .returning('id')
          .execute();
        const rsvpIds = (deleted.raw as { id: string }[]).map((row) => row.id);
        await deleteScoped(manager, EventEntity, { id, accountId }, 'event');
        return {
          elementId: id,
          data: { id },
          result: undefined,
          cascades: [
            {
              element: 'rsvp',
              trigger: 'delete',
              changes: rsvpIds.map((rsvpId) => ({ elementId: rsvpId, data: { id: rsvpId } })),
            },
          ],
        };
      },
    });
  }

  async get(accountId: string, id: string): Promise<EventData> {
    const event = await this.dataSource.getRepository(EventEntity).findOne({ where: { id, accountId } });
    if (!event) throw notFound('event');
    return toEventData(event);
  }

  async list(accountId: string, page: PageQuery): Promise<Page<EventData>> {
    const query = this.dataSource
      .getRepository(EventEntity)
      .createQueryBuilder('e')
      .where('e.account_id = :accountId', { accountId });
    return toPage(await paginate(query, page), toEventData);
  }
}

/** The event's group, read once; a group of another account is as unknown as a missing one (no leak). */
async function groupOfAccount(
  manager: EntityManager,
  accountId: string,
  groupId: string | null,
): Promise<GroupEntity | null> {
  if (!groupId) return null;
  const group = await findGroup(manager, accountId, groupId);
  if (!group) throw validationFailed([{ field: 'group_id', message: 'no such group' }]);
  return group;
}

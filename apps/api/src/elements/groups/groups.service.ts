import { Injectable } from '@nestjs/common';
import { changeSnapshot } from '@hookrelay/core';
import type { GroupData, JsonObject } from '@hookrelay/core';
import { EventEntity, GroupEntity } from '@hookrelay/db';
import { DataSource, EntityManager } from 'typeorm';
import { Page, PageQuery, paginate, toPage } from '../../common/pagination';
import { notFound } from '../../common/problem';
import { deleteScoped, findForUpdate } from '../element-queries';
import { ElementWriter, asJson, isUnchanged } from '../element-writer.service';
import { CreateGroupDto, UpdateGroupDto } from './group.dto';
import { toEventData } from '../events/event.presenter';
import { toGroupData } from './group.presenter';

@Injectable()
export class GroupsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: ElementWriter,
  ) {}

  create(accountId: string, dto: CreateGroupDto): Promise<GroupData> {
    return this.writer.run({
      accountId,
      element: 'group',
      trigger: 'create',
      write: async (manager) => {
        const group = await manager
          .getRepository(GroupEntity)
          .save(
            manager.create(GroupEntity, { accountId, name: dto.name, description: dto.description ?? null }),
          );
        const data = toGroupData(group);
        return { elementId: group.id, data: changeSnapshot('group', { data, related: {} }), result: data };
      },
    });
  }

  update(accountId: string, id: string, dto: UpdateGroupDto): Promise<GroupData> {
    return this.writer.run({
      accountId,
      element: 'group',
      trigger: 'update',
      write: async (manager) => {
        const group = await findForUpdate(manager, GroupEntity, { id, accountId }, 'group');
        const before = toGroupData(group);
        if (dto.name !== undefined) group.name = dto.name;
        if (dto.description !== undefined) group.description = dto.description;
        if (isUnchanged(before, toGroupData(group))) {
          return { elementId: id, data: asJson(before), result: before, unchanged: true };
        }
        const data = toGroupData(await manager.getRepository(GroupEntity).save(group));
        return {
          elementId: id,
          data: changeSnapshot('group', { data, related: {}, previous: before }),
          result: data,
        };
      },
    });
  }

  /**
   * The group's events lose their group (group_id null), each announced as an event update: the event
   * afterwards with `group: null`, `previous` and `changed_fields: ['group_id']` (same transaction). The
   * group is locked first, so an event being put into it concurrently waits and cannot slip through
   * unannounced. The events are locked and read before the update (their `previous`), then updated: two
   * statements whatever their number.
   */
  remove(accountId: string, id: string): Promise<void> {
    return this.writer.run({
      accountId,
      element: 'group',
      trigger: 'delete',
      write: async (manager) => {
        await findForUpdate(manager, GroupEntity, { id, accountId }, 'group');
        const events = await manager.getRepository(EventEntity).find({
          where: { accountId, groupId: id },
          order: { createdAt: 'ASC', id: 'ASC' },
          lock: { mode: 'pessimistic_write' },
        });
        const updatedAt = await detachEvents(manager, { accountId, groupId: id });
        // can't happen while the group is locked; never announce an event without its previous state
        if (updatedAt.size !== events.length) throw new Error(`group ${id}: an event joined it unlocked`);
        await deleteScoped(manager, GroupEntity, { id, accountId }, 'group');
        return {
          elementId: id,
          data: { id },
          result: undefined,
          cascades: [
            {
              element: 'event',
              trigger: 'update',
              changes: events.map((event) => ({
                elementId: event.id,
                data: detachedSnapshot(event, updatedAt.get(event.id)),
              })),
            },
          ],
        };
      },
    });
  }

  async get(accountId: string, id: string): Promise<GroupData> {
    const group = await this.dataSource.getRepository(GroupEntity).findOne({ where: { id, accountId } });
    if (!group) throw notFound('group');
    return toGroupData(group);
  }

  async list(accountId: string, page: PageQuery): Promise<Page<GroupData>> {
    const query = this.dataSource
      .getRepository(GroupEntity)
      .createQueryBuilder('g')
      .where('g.account_id = :accountId', { accountId });
    return toPage(await paginate(query, page), toGroupData);
  }
}

/** Takes the group's events out of it in one statement; answers each event's new updated_at by id. */
async function detachEvents(
  manager: EntityManager,
  where: { accountId: string; groupId: string },
): Promise<Map<string, Date>> {
  const updated = await manager
    .createQueryBuilder()
    .update(EventEntity)
    .set({ groupId: null, updatedAt: () => 'now()' })
    .where('account_id = :accountId AND group_id = :groupId', where)
    .returning('id, updated_at')
    .execute();
  return new Map((updated.raw as { id: string; updated_at: Date }[]).map((row) => [row.id, row.updated_at]));
}

/** An event's update snapshot after its group was deleted, from the event as it was before. */
function detachedSnapshot(before: EventEntity, updatedAt: Date | undefined): JsonObject {
  if (!updatedAt) throw new Error(`event ${before.id} was not detached from its group`);
  const previous = toEventData(before);
  const data = { ...previous, group_id: null, updated_at: updatedAt.toISOString() };
  return changeSnapshot('event', { data, related: { group: null }, previous });
}

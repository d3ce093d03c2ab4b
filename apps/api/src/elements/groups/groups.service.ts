import { Injectable } from '@nestjs/common';
import type { GroupData } from '@hookrelay/core';
import { EventEntity, GroupEntity } from '@hookrelay/db';
import { DataSource, In } from 'typeorm';
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
        return { elementId: group.id, data: asJson(data), result: data };
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
        return { elementId: id, data: asJson(data), result: data };
      },
    });
  }

  /**
   * The group's events lose their group (group_id null), each announced as an event update with the
   * event as it is afterwards (same transaction). The group is locked first, so an event being put into
   * it concurrently waits and cannot slip through unannounced.
   */
  remove(accountId: string, id: string): Promise<void> {
    return this.writer.run({
      accountId,
      element: 'group',
      trigger: 'delete',
      write: async (manager) => {
        await findForUpdate(manager, GroupEntity, { id, accountId }, 'group');
        const updated = await manager
          .createQueryBuilder()
          .update(EventEntity)
          .set({ groupId: null, updatedAt: () => 'now()' })
          .where('account_id = :accountId AND group_id = :id', { accountId, id })
          .returning('id')
          .execute();
        const eventIds = (updated.raw as { id: string }[]).map((row) => row.id);
        const events =
          eventIds.length === 0
            ? []
            : await manager.getRepository(EventEntity).find({
                where: { accountId, id: In(eventIds) },
                order: { createdAt: 'ASC', id: 'ASC' },
              });
        await deleteScoped(manager, GroupEntity, { id, accountId }, 'group');
        return {
          elementId: id,
          data: { id },
          result: undefined,
          cascades: [
            {
              element: 'event',
              trigger: 'update',
              changes: events.map((event) => ({ elementId: event.id, data: asJson(toEventData(event)) })),
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

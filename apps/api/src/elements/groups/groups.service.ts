import { Injectable } from '@nestjs/common';
import type { GroupData } from '@hookrelay/core';
import { GroupEntity } from '@hookrelay/db';
import { DataSource } from 'typeorm';
import { Page, PageQuery, paginate, toPage } from '../../common/pagination';
import { notFound } from '../../common/problem';
import { deleteScoped, findForUpdate } from '../element-queries';
import { ElementWriter, asJson } from '../element-writer.service';
import { CreateGroupDto, UpdateGroupDto } from './group.dto';
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
        const group = await manager.getRepository(GroupEntity).save(
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
        if (dto.name !== undefined) group.name = dto.name;
        if (dto.description !== undefined) group.description = dto.description;
        const data = toGroupData(await manager.getRepository(GroupEntity).save(group));
        return { elementId: id, data: asJson(data), result: data };
      },
    });
  }

  remove(accountId: string, id: string): Promise<void> {
    return this.writer.run({
      accountId,
      element: 'group',
      trigger: 'delete',
      write: async (manager) => {
        await deleteScoped(manager, GroupEntity, { id, accountId }, 'group');
        return { elementId: id, data: { id }, result: undefined };
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

import type { GroupData } from '@hookrelay/core';
import { GroupEntity } from '@hookrelay/db';

/** The wire form, which is also the snapshot the webhooks receive. */
export function toGroupData(group: GroupEntity): GroupData {
  return {
    id: group.id,
    name: group.name,
    description: group.description,
    created_at: group.createdAt.toISOString(),
    updated_at: group.updatedAt.toISOString(),
  };
}

import type { ElementType, JsonObject } from '@hookrelay/core';
import { EventEntity, GroupEntity, RsvpEntity } from '@hookrelay/db';
import type { EntityManager } from 'typeorm';
import { asJson } from './element-writer.service';
import { toEventData } from './events/event.presenter';
import { toGroupData } from './groups/group.presenter';
import { toRsvpData } from './rsvps/rsvp.presenter';

/** How to read one element of each type as its snapshot data (preview renders with it). */
const SOURCES: {
  [E in ElementType]: (
    manager: EntityManager,
    where: { id: string; accountId: string },
  ) => Promise<JsonObject | null>;
} = {
  group: async (m, where) => {
    const row = await m.getRepository(GroupEntity).findOne({ where });
    return row ? asJson(toGroupData(row)) : null;
  },
  event: async (m, where) => {
    const row = await m.getRepository(EventEntity).findOne({ where });
    return row ? asJson(toEventData(row)) : null;
  },
  rsvp: async (m, where) => {
    const row = await m.getRepository(RsvpEntity).findOne({ where });
    return row ? asJson(toRsvpData(row)) : null;
  },
};

export function loadElementData(
  manager: EntityManager,
  element: ElementType,
  where: { id: string; accountId: string },
): Promise<JsonObject | null> {
  return SOURCES[element](manager, where);
}

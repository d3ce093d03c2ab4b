import { changeSnapshot } from '@hookrelay/core';
import type { ElementDataByType, ElementType, JsonObject, RelatedDataByType, Trigger } from '@hookrelay/core';
import { GroupEntity } from '@hookrelay/db';
import type { EntityManager } from 'typeorm';
import { toEventData } from './events/event.presenter';
import { toGroupData } from './groups/group.presenter';
import { eventRelated, findEventWithGroup, findRsvpWithParents, rsvpRelated } from './related-queries';
import { toRsvpData } from './rsvps/rsvp.presenter';

interface Current<E extends ElementType> {
  data: ElementDataByType[E];
  related: RelatedDataByType[E];
}

type Where = { id: string; accountId: string };

/** How to read one element of each type as it is now, with its related data: one query each. */
const SOURCES: { [E in ElementType]: (manager: EntityManager, where: Where) => Promise<Current<E> | null> } =
  {
    group: async (m, where) => {
      const row = await m.getRepository(GroupEntity).findOne({ where });
      return row ? { data: toGroupData(row), related: {} } : null;
    },
    event: async (m, where) => {
      const found = await findEventWithGroup(m, where);
      return found ? { data: toEventData(found.event), related: eventRelated(found.group) } : null;
    },
    rsvp: async (m, where) => {
      const found = await findRsvpWithParents(m, where);
      return found ? { data: toRsvpData(found.rsvp), related: rsvpRelated(found) } : null;
    },
  };

/**
 * One element of the account as a change's snapshot would hold it now (preview and "test with real
 * data" render with it): the element with its related data; for `update` also `previous` (equal to the
 * element) and `changed_fields: []`; for `delete` the id only. Without a trigger: a create's snapshot.
 * null when the element is absent or of another account.
 */
export async function loadElementData<E extends ElementType>(
  manager: EntityManager,
  element: E,
  where: Where,
  trigger: Trigger = 'create',
): Promise<JsonObject | null> {
  const current = await SOURCES[element](manager, where);
  if (!current) return null;
  if (trigger === 'delete') return { id: current.data.id };
  // An element read now shows no change: for an update, `previous` is the element as it is and
  // `changed_fields` is empty, so templates that read them render (unchanged values) rather than fail.
  const previous = trigger === 'update' ? current.data : undefined;
  return changeSnapshot(element, { ...current, previous });
}

import { relatedEvent, relatedGroup } from '@hookrelay/core';
import type { RelatedDataByType, RelatedGroup } from '@hookrelay/core';
import { EventEntity, GroupEntity, RsvpEntity } from '@hookrelay/db';
import { EntityManager } from 'typeorm';
import { toEventData } from './events/event.presenter';
import { toGroupData } from './groups/group.presenter';

/**
 * The parents a snapshot carries (DESIGN §1), each read with at most one query. Joins compare the
 * account too, so a row of another account is never taken for a parent. The entities declare no
 * relations: the joins map the parent onto a property only these queries know of.
 */

export interface EventWithGroup {
  event: EventEntity;
  group: GroupEntity | null;
}

export interface RsvpWithParents extends EventWithGroup {
  rsvp: RsvpEntity;
}

type WithGroup = EventEntity & { group?: GroupEntity | null };
type WithEvent = RsvpEntity & { event?: WithGroup | null };

const GROUP_OF_EVENT = 'g.id = e.group_id AND g.account_id = e.account_id';

/** An event and its group in one query; null when the event is absent or of another account. */
export async function findEventWithGroup(
  manager: EntityManager,
  where: { id: string; accountId: string },
): Promise<EventWithGroup | null> {
  const event: WithGroup | null = await manager
    .getRepository(EventEntity)
    .createQueryBuilder('e')
    .leftJoinAndMapOne('e.group', GroupEntity, 'g', GROUP_OF_EVENT)
    .where('e.id = :id AND e.account_id = :accountId', where)
    .getOne();
  return event ? { event, group: event.group ?? null } : null;
}

/** An RSVP with its event and that event's group in one query; null when the RSVP is absent. */
export async function findRsvpWithParents(
  manager: EntityManager,
  where: { id: string; accountId: string },
): Promise<RsvpWithParents | null> {
  const rsvp: WithEvent | null = await manager
    .getRepository(RsvpEntity)
    .createQueryBuilder('r')
    .innerJoinAndMapOne('r.event', EventEntity, 'e', 'e.id = r.event_id AND e.account_id = r.account_id')
    .leftJoinAndMapOne('e.group', GroupEntity, 'g', GROUP_OF_EVENT)
    .where('r.id = :id AND r.account_id = :accountId', where)
    .getOne();
  if (!rsvp?.event) return null;
  return { rsvp, event: rsvp.event, group: rsvp.event.group ?? null };
}

/** A group of the account, or null; one query, none without an id. */
export function findGroup(
  manager: EntityManager,
  accountId: string,
  groupId: string | null,
): Promise<GroupEntity | null> {
  if (!groupId) return Promise.resolve(null);
  return manager.getRepository(GroupEntity).findOne({ where: { id: groupId, accountId } });
}

function groupData(group: GroupEntity | null): RelatedGroup | null {
  return group ? relatedGroup(toGroupData(group)) : null;
}

export function eventRelated(group: GroupEntity | null): RelatedDataByType['event'] {
  return { group: groupData(group) };
}

export function rsvpRelated(parents: EventWithGroup): RelatedDataByType['rsvp'] {
  return { event: relatedEvent(toEventData(parents.event)), group: groupData(parents.group) };
}

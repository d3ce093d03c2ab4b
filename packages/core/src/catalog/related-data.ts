import type { JsonObject } from '../domain/json';
import type { EventData, GroupData } from '../domain/elements';
import type { ElementType } from '../domain/vocabulary';
import { ELEMENT_CATALOG } from './element-catalog';
import type { FieldSpec } from './field-spec';

/** What a child's snapshot carries of an event and of a group (DESIGN §1), in catalog order. */
export const RELATED_EVENT_KEYS = [
  'id',
  'group_id',
  'title',
  'status',
  'dates',
  'url',
] as const satisfies readonly (keyof EventData)[];
export const RELATED_GROUP_KEYS = ['id', 'name'] as const satisfies readonly (keyof GroupData)[];

export type RelatedEvent = Pick<EventData, (typeof RELATED_EVENT_KEYS)[number]>;
export type RelatedGroup = Pick<GroupData, (typeof RELATED_GROUP_KEYS)[number]>;

/** The parents each element's snapshot carries, as they were at the change; a missing group is null. */
export interface RelatedDataByType {
  group: Record<never, never>;
  event: { group: RelatedGroup | null };
  rsvp: { event: RelatedEvent; group: RelatedGroup | null };
}

export function relatedEvent(event: EventData): RelatedEvent {
  return {
    id: event.id,
    group_id: event.group_id,
    title: event.title,
    status: event.status,
    dates: event.dates,
    url: event.url,
  };
}

export function relatedGroup(group: GroupData): RelatedGroup {
  return { id: group.id, name: group.name };
}

interface Relation<N> {
  /** The key in the snapshot, which is also the variable's root (`{{group.name}}`). */
  name: N;
  element: ElementType;
  keys: readonly string[];
  description: string;
  /** Appended to each sub-field's description: what a variable renders when the parent is absent. */
  absent?: string;
}

const NO_GROUP = ' (empty when the event has no group)';

/**
 * One entry per parent; its name never equals the element's own name, which is the element's namespace
 * in templates (`{{event.title}}` on an event webhook is the event itself).
 */
const RELATIONS: { readonly [E in ElementType]: readonly Relation<keyof RelatedDataByType[E]>[] } = {
  group: [],
  event: [
    {
      name: 'group',
      element: 'group',
      keys: RELATED_GROUP_KEYS,
      description: 'The group of the event as it was at the change (null when it has none)',
      absent: NO_GROUP,
    },
  ],
  rsvp: [
    {
      name: 'event',
      element: 'event',
      keys: RELATED_EVENT_KEYS,
      description: 'The event signed up for, as it was at the change',
    },
    {
      name: 'group',
      element: 'group',
      keys: RELATED_GROUP_KEYS,
      description: "The event's group as it was at the change (null when it has none)",
      absent: NO_GROUP,
    },
  ],
};

function exampleOf(fields: readonly FieldSpec[]): JsonObject {
  const example: JsonObject = {};
  for (const field of fields) example[field.name] = structuredClone(field.example);
  return example;
}

/** The snapshot's related objects of an element, with their sub-fields taken from the parents' catalog. */
export function relatedFields(element: ElementType): FieldSpec[] {
  return RELATIONS[element].map((relation) => {
    const fields = ELEMENT_CATALOG[relation.element]
      .filter((field) => relation.keys.includes(field.name))
      .map((field) => ({ ...field, description: field.description + (relation.absent ?? '') }));
    return {
      name: relation.name,
      type: 'object',
      description: relation.description,
      example: exampleOf(fields),
      fields,
    };
  });
}

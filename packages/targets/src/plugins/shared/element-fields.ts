import type { ElementType, Trigger } from '@hookrelay/core';

/**
 * The element's own fields as templates, one per field (`{{seats}}`: exactly one variable, so the value
 * keeps its JSON type). A delete only knows the id.
 */
const FIELDS = {
  rsvp: ['id', 'event_id', 'email', 'name', 'status', 'seats', 'fields', 'created_at', 'updated_at'],
  event: ['id', 'group_id', 'title', 'status', 'dates', 'rsvp_enabled', 'url', 'created_at', 'updated_at'],
  group: ['id', 'name', 'description', 'created_at', 'updated_at'],
} as const satisfies Record<ElementType, readonly string[]>;

export function elementFieldNames(element: ElementType, trigger: Trigger): readonly string[] {
  return trigger === 'delete' ? ['id'] : FIELDS[element];
}

/** `[['id', '{{id}}'], ['email', '{{email}}'], ...]`, prefixed keys when `prefix` is given. */
export function elementFieldPairs(input: {
  element: ElementType;
  trigger: Trigger;
  prefix?: string;
}): { key: string; value: string }[] {
  return elementFieldNames(input.element, input.trigger).map((name) => ({
    key: input.prefix ? `${input.prefix}.${name}` : name,
    value: `{{${name}}}`,
  }));
}

/** When the change happened: the element's own timestamp, or the delivery's for a delete. */
export function changeTimestamp(trigger: Trigger): string {
  switch (trigger) {
    case 'create':
      return '{{created_at}}';
    case 'update':
      return '{{updated_at}}';
    case 'delete':
      return '{{delivery.timestamp}}';
  }
}

/** The fields worth storing as content in a CMS (no id, no timestamps: the CMS keeps its own). */
const CONTENT_FIELDS = {
  rsvp: ['event_id', 'email', 'name', 'status', 'seats', 'fields'],
  event: ['group_id', 'title', 'status', 'dates', 'rsvp_enabled', 'url'],
  group: ['name', 'description'],
} as const satisfies Record<ElementType, readonly string[]>;

export function contentFieldNames(element: ElementType): readonly string[] {
  return CONTENT_FIELDS[element];
}

/** The element's display name as a template: an RSVP's person, an event's title, a group's name. */
export function titleTemplate(element: ElementType): string {
  return element === 'event' ? '{{title}}' : '{{name}}';
}

import type { ElementType, Trigger } from '@hookrelay/core';

const ELEMENT_LABELS = { rsvp: 'RSVP', event: 'Event', group: 'Group' } as const satisfies Record<
  ElementType,
  string
>;
const TRIGGER_PAST = { create: 'Created', update: 'Updated', delete: 'Deleted' } as const satisfies Record<
  Trigger,
  string
>;

/** 'RSVP', 'Event', 'Group'. */
export function elementLabel(element: ElementType): string {
  return ELEMENT_LABELS[element];
}

/** Object-Action event name, as analytics tools recommend: 'RSVP Created'. */
export function eventName(element: ElementType, trigger: Trigger): string {
  return `${ELEMENT_LABELS[element]} ${TRIGGER_PAST[trigger]}`;
}

/** snake_case event name for tools that prefer it: 'rsvp_created'. */
export function snakeEventName(element: ElementType, trigger: Trigger): string {
  return `${element}_${TRIGGER_PAST[trigger].toLowerCase()}`;
}

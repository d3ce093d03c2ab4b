import type { ElementType, Trigger } from '@hookrelay/core';

/**
 * Who an analytics event is about: an RSVP's person by email; anything else (and a deleted RSVP,
 * whose email is gone) by a stable id derived from the element.
 */
export function personTemplate(element: ElementType, trigger: Trigger): { known: boolean; value: string } {
  return element === 'rsvp' && trigger !== 'delete'
    ? { known: true, value: '{{email}}' }
    : { known: false, value: `${element}-{{id}}` };
}

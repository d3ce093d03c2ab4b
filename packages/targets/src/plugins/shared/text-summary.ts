import type { ElementType, Trigger } from '@hookrelay/core';
import { elementLabel } from './naming';

/**
 * A one-line human summary of the change, as a Liquid template. `escape` wraps each user-controlled
 * variable (e.g. Slack's `&`, `<`, `>` escaping) so a name can't inject markup or mentions.
 */
export function textSummary(input: {
  element: ElementType;
  trigger: Trigger;
  escape?: (variable: string) => string;
  bold?: (text: string) => string;
}): string {
  const v = input.escape ?? ((variable: string) => `{{${variable}}}`);
  const bold = input.bold ?? ((text: string) => text);
  const label = elementLabel(input.element);
  if (input.trigger === 'delete') return `${label} deleted: ${v('id')}`;
  const verb = input.trigger === 'create' ? 'New' : 'Updated';
  switch (input.element) {
    case 'rsvp':
      return `${verb} RSVP: ${bold(v('name'))} (${v('email')}) answered ${v('status')} for ${v('seats')} seat(s)`;
    case 'event':
      return `${verb} event: ${bold(v('title'))} (${v('status')})`;
    case 'group':
      return `${verb} group: ${bold(v('name'))}`;
  }
}

import type { JsonObject, JsonValue } from '../domain/json';
import type { Trigger, WebhookStatus } from '../domain/vocabulary';
import { describeFailedCondition, evaluateFilter } from '../filters/evaluate-filter';
import type { FilterCondition } from '../filters/filter-condition';

export const MISS_REASONS = ['disabled', 'trigger', 'filter'] as const;
export type MissReason = (typeof MISS_REASONS)[number];

export type MatchVerdict =
  | { fires: true }
  | {
      fires: false;
      reason: MissReason;
      message: string;
      /** For `filter`: the condition that failed and the element's value of its field. */
      condition?: FilterCondition;
      actual?: JsonValue | null;
    };

/**
 * Whether a change of this trigger, with this snapshot, would give the webhook a job, and if not the first
 * reason why, in the order the outbox decides: the webhook is off, it listens to another trigger, a filter
 * condition fails. Answers "why didn't it fire?" with the same rules the outbox applies.
 */
export function explainMatch(input: {
  webhook: { status: WebhookStatus; trigger: Trigger; filter: readonly FilterCondition[] };
  trigger: Trigger;
  snapshot: JsonObject;
}): MatchVerdict {
  const { webhook, trigger, snapshot } = input;
  if (webhook.status !== 'active')
    return { fires: false, reason: 'disabled', message: 'the webhook is disabled' };
  if (webhook.trigger !== trigger)
    return {
      fires: false,
      reason: 'trigger',
      message: `the webhook fires on ${webhook.trigger}, not ${trigger}`,
    };
  const result = evaluateFilter(webhook.filter, snapshot);
  if (result.pass) return { fires: true };
  return {
    fires: false,
    reason: 'filter',
    message: describeFailedCondition(result),
    condition: result.condition,
    actual: result.actual ?? null,
  };
}

import { classifyOutcome, type Outcome } from '@hookrelay/core';
import { type TargetPlugin } from '@hookrelay/targets';
import { type SendResult } from '../http/http-sender';

/**
 * The generic verdict of core, refined by the webhook's target plugin. The plugin sees every HTTP
 * answer and its verdict wins: some APIs answer 200 with an error in the body (Mixpanel's `0`, Slack's
 * `no_service`), others answer a redirect or a conflict that means success (Apps Script, Contentful).
 * Network errors and refusals before sending are never the plugin's business.
 */
export function classifySendResult(result: SendResult, plugin: TargetPlugin | undefined): Outcome {
  if (result.kind === 'error') return classifyOutcome({ error: result.error });
  const location = result.headers.location;
  const generic = classifyOutcome({
    status: result.status,
    ...(location ? { location: Array.isArray(location) ? location.join(', ') : location } : {}),
  });
  const verdict = plugin?.classifyResponse?.({
    status: result.status,
    headers: flatten(result.headers),
    body: result.body,
  });
  if (!plugin || !verdict) return generic;
  switch (verdict.outcome) {
    case 'delivered':
      return { kind: 'delivered' };
    case 'retry':
      return { kind: 'retry', reason: `${plugin.kind}: ${verdict.reason}` };
    case 'dead':
      return {
        kind: 'dead',
        reason: `${plugin.kind}: ${verdict.reason}`,
        disableWebhook: verdict.disableWebhook ?? false,
      };
  }
}

function flatten(headers: Record<string, string | string[]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

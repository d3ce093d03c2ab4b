import { classifyOutcome, type Outcome } from '@hookrelay/core';
import { type TargetPlugin } from '@hookrelay/targets';
import { type SendResult } from '../http/http-sender';

/**
 * The generic verdict of core, refined by the target plugin for answers the generic rules call delivered
 * (some APIs answer 200 with an error in the body).
 */
export function classifySendResult(result: SendResult, plugin: TargetPlugin | undefined): Outcome {
  if (result.kind === 'error') return classifyOutcome({ error: result.error });
  const generic = classifyOutcome({ status: result.status });
  if (generic.kind !== 'delivered' || !plugin?.classifyResponse) return generic;
  const verdict = plugin.classifyResponse({
    status: result.status,
    headers: flatten(result.headers),
    body: result.body,
  });
  if (!verdict || verdict.outcome === 'delivered') return generic;
  if (verdict.outcome === 'retry') return { kind: 'retry', reason: `${plugin.kind}: ${verdict.reason}` };
  return { kind: 'dead', reason: `${plugin.kind}: ${verdict.reason}`, disableWebhook: false };
}

function flatten(headers: Record<string, string | string[]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

import { classifyOutcome, type Outcome } from '@hookrelay/core';
import { type HttpSender, type SendResult } from '../http/http-sender';
import { type ConcurrencyLimiter } from '../limits/concurrency-limiter';
import { type OriginThroughput } from '../limits/origin-throughput';
import { type AttemptOutcome, type ClaimedJob, type FinishedAttempt } from '../outbox/types';
import { buildAttemptLog } from './attempt-log';
import { classifySendResult } from './classify';
import { prepareRequest, signPrepared } from './prepare-request';
import { refuseLiteralTarget } from './ssrf-guard';
import { decideTransition } from './transition';
import { type WebhookLookup } from './webhook-cache';

export interface DeliveryContext {
  sender: HttpSender;
  limiter: ConcurrencyLimiter;
  timeoutMs: number;
  guardPrivateTargets: boolean;
  now: () => Date;
  random: () => number;
  /** Checked once a connection slot is free: a stopping relay hands unsent jobs back instead. */
  isStopping: () => boolean;
  leaseMs: number;
  /** The global schedule, for jobs whose webhook could not be loaded. */
  defaultSchedule: readonly number[];
  /**
   * Jobs held but not started (waiting for a slot) per origin, at most: this floor, or as many as the
   * origin finished in the last second, whichever is more. A job over it is handed back at once
   * ('over-cap'), so a slow origin with a backlog cannot fill every held slot while a fast one is never
   * held back: no held job waits much more than a second for its origin.
   */
  maxWaitingPerOrigin: number;
  throughput: OriginThroughput;
}

const LEASE_MARGIN_MS = 2000;

export type JobResult =
  { kind: 'finished'; finished: FinishedAttempt } | { kind: 'unsent' } | { kind: 'over-cap' };

/**
 * One attempt of one job: render, wait for a slot for the target origin, sign, send, classify, and decide
 * the transition. Never throws for anything the receiver or the templates do.
 */
export async function deliverJob(input: {
  context: DeliveryContext;
  job: ClaimedJob;
  lookup: WebhookLookup | undefined;
  markSent: () => void;
}): Promise<JobResult> {
  const { context, job, lookup } = input;
  if (!lookup || !lookup.ok) {
    const reason = lookup?.reason ?? 'webhook not found';
    return finish({
      context,
      job,
      schedule: undefined,
      outcome: { kind: 'retry', reason },
      request: {},
      result: notSent(reason),
    });
  }
  const { webhook } = lookup;
  const prepared = prepareRequest({ job, webhook, now: context.now() });
  if (!prepared.ok) {
    const outcome = classifyOutcome({ error: prepared.error });
    return finish({
      context,
      job,
      schedule: webhook.retrySchedule,
      outcome,
      request: prepared.log,
      result: notSent(prepared.message),
    });
  }
  if (context.guardPrivateTargets) {
    const refusal = refuseLiteralTarget(prepared.url);
    if (refusal) {
      const outcome = classifyOutcome({ error: 'ssrf' });
      const log = signPrepared({
        jobId: job.id,
        request: prepared.request,
        target: prepared.url,
        webhook,
        now: context.now(),
      }).log;
      return finish({
        context,
        job,
        schedule: webhook.retrySchedule,
        outcome,
        request: log,
        result: notSent(refusal.message),
      });
    }
  }

  // checked before the first await, so the relay knows every over-cap job of a batch right after dispatch
  const origin = prepared.url.host;
  const maxWaiting = Math.max(context.maxWaitingPerOrigin, context.throughput.perSecond(origin));
  if (context.limiter.waitingFor(origin) >= maxWaiting) return { kind: 'over-cap' };
  const release = await context.limiter.acquire(origin);
  let result: SendResult;
  let log;
  try {
    if (context.isStopping()) return { kind: 'unsent' };
    // a job that waited so long for its host that the lease could run out mid-request goes back unsent,
    // rather than risk a second relay sending it too
    const margin = Math.min(LEASE_MARGIN_MS, (context.leaseMs - context.timeoutMs) / 4);
    if (context.now().getTime() + context.timeoutMs + margin > job.claimedAt + context.leaseMs) {
      return { kind: 'unsent' };
    }
    const signed = signPrepared({
      jobId: job.id,
      request: prepared.request,
      target: prepared.url,
      webhook,
      now: context.now(),
    });
    log = signed.log;
    input.markSent();
    result = await context.sender.send(signed.request, context.timeoutMs);
    context.throughput.recordFinished(origin);
  } finally {
    release();
  }
  const outcome = classifySendResult(result, webhook.plugin);
  return finish({ context, job, schedule: webhook.retrySchedule, outcome, request: log, result });
}

function notSent(message: string) {
  return { kind: 'not-sent' as const, message };
}

function finish(input: {
  context: DeliveryContext;
  job: ClaimedJob;
  schedule: readonly number[] | undefined;
  outcome: Outcome;
  request: FinishedAttempt['log']['request'];
  result: SendResult | ReturnType<typeof notSent>;
}): JobResult {
  const { job, outcome, result } = input;
  const now = input.context.now();
  const retryAfter = result.kind === 'response' ? headerValue(result.headers['retry-after']) : undefined;
  const transition = decideTransition({
    outcome,
    attemptsMade: job.attempt,
    schedule: input.schedule ?? input.context.defaultSchedule,
    retryAfterHeader: retryAfter,
    now,
    random: input.context.random,
  });
  const attemptOutcome: AttemptOutcome =
    transition.status === 'delivered' ? 'delivered' : transition.status === 'pending' ? 'retry' : 'dead';
  const detail = result.kind === 'response' ? undefined : result.message;
  const finished: FinishedAttempt = {
    job,
    status: transition.status,
    retryDelayMs: transition.retryDelayMs,
    // the classifier's reason says what kind of failure; the detail says what exactly happened
    lastError:
      transition.lastError && detail && detail !== transition.lastError
        ? `${transition.lastError} (${detail})`
        : transition.lastError,
    log: buildAttemptLog({ request: input.request, result, outcome: attemptOutcome }),
    ...(transition.disableWebhookReason ? { disableWebhookReason: transition.disableWebhookReason } : {}),
  };
  return { kind: 'finished', finished };
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

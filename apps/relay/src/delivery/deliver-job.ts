import { classifyOutcome, type AttemptOutcome, type Outcome } from '@hookrelay/core';
import { type HttpSender, type SendResult } from '../http/http-sender';
import { type ClaimedJob, type FinishedAttempt } from '../outbox/types';
import { buildAttemptLog } from './attempt-log';
import { classifySendResult } from './classify';
import { prepareRequest, signPrepared } from './prepare-request';
import { refuseLiteralTarget } from './ssrf-guard';
import { decideTransition } from './transition';
import { type WebhookLookup } from './webhook-cache';

export interface DeliveryContext {
  sender: HttpSender;
  timeoutMs: number;
  guardPrivateTargets: boolean;
  now: () => Date;
  random: () => number;
  /** Checked just before sending: a stopping relay hands unsent jobs back instead. */
  isStopping: () => boolean;
  /** Resolves once the relay stops: ends a rate-limited job's wait for its send slot. */
  stopped: Promise<void>;
  leaseMs: number;
  /** The global schedule, for jobs whose webhook could not be loaded. */
  defaultSchedule: readonly number[];
  /** How long this relay still holds back requests to the job's destination (a 429 or Retry-After). */
  pausedForMs: (job: ClaimedJob) => number;
}

const LEASE_MARGIN_MS = 2000;

/** The request that went out, for flow control. */
export interface Exchange {
  /** Local clock (ms) when it was sent. */
  startedAt: number;
  result: SendResult;
}

export type JobResult =
  | {
      kind: 'finished';
      finished: FinishedAttempt;
      /** Set when a request was sent. */
      exchange?: Exchange;
      /** The origin the request went to (or would have). */
      origin?: string;
    }
  /** Not sent and not counted: handed back, due again in `retryInMs` (or at once). */
  | { kind: 'unsent'; retryInMs?: number; origin?: string };

/**
 * One attempt of one job: render, wait for its send slot (rate-limited webhooks), sign, send, classify,
 * and decide the transition. The claim took the job because its destination could start it now, so
 * nothing here waits for a connection. Never throws for anything the receiver or the templates do.
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
    const outcome: Outcome = lookup?.permanent
      ? { kind: 'dead', reason, disableWebhook: false }
      : { kind: 'retry', reason };
    return finish({
      context,
      job,
      schedule: undefined,
      outcome,
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
  const origin = prepared.url.origin;
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
        origin,
      });
    }
  }

  const untilSlot = job.sendAt - Date.now();
  if (untilSlot > 0) await waitOrStop(untilSlot, context.stopped);
  if (context.isStopping()) return { kind: 'unsent', origin };
  const pausedMs = context.pausedForMs(job);
  if (pausedMs > 0) return { kind: 'unsent', retryInMs: pausedMs, origin };
  // a missed rate slot goes back for a fresh one: sent late, it would bunch with the slots after it
  if (Date.now() > job.sendBy) return { kind: 'unsent', origin };
  // never send when the lease could run out mid-request: a second relay might send it too
  const margin = Math.min(LEASE_MARGIN_MS, (context.leaseMs - context.timeoutMs) / 4);
  if (context.now().getTime() + context.timeoutMs + margin > job.claimedAt + context.leaseMs) {
    return { kind: 'unsent', origin };
  }
  const signed = signPrepared({
    jobId: job.id,
    request: prepared.request,
    target: prepared.url,
    webhook,
    now: context.now(),
  });
  input.markSent();
  const startedAt = Date.now();
  const result = await context.sender.send(signed.request, context.timeoutMs);
  const outcome = classifySendResult(result, webhook.plugin);
  return finish({
    context,
    job,
    schedule: webhook.retrySchedule,
    outcome,
    request: signed.log,
    result,
    exchange: { startedAt, result },
    origin,
  });
}

function waitOrStop(ms: number, stopped: Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([stopped, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]).finally(
    () => clearTimeout(timer),
  );
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
  exchange?: Exchange;
  origin?: string;
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
  return {
    kind: 'finished',
    finished,
    ...(input.exchange ? { exchange: input.exchange } : {}),
    ...(input.origin ? { origin: input.origin } : {}),
  };
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

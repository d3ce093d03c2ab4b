import { type Logger } from 'pino';
import { deliverJob, type DeliveryContext, type JobResult } from './delivery/deliver-job';
import { type WebhookCache, type WebhookLookup } from './delivery/webhook-cache';
import { type RelayMetrics } from './metrics';
import { type CompletionBuffer } from './outbox/completion-buffer';
import { type OutboxStore } from './outbox/outbox-store';
import { type ClaimedJob, type ReleasedJob } from './outbox/types';
import { Sleeper } from './sleeper';

export const RELAY_STATES = ['created', 'running', 'stopping', 'stopped'] as const;
export type RelayState = (typeof RELAY_STATES)[number];

export interface RelayOptions {
  store: OutboxStore;
  webhooks: WebhookCache;
  completions: CompletionBuffer;
  delivery: Omit<DeliveryContext, 'isStopping'>;
  metrics: RelayMetrics;
  logger: Logger;
  batchSize: number;
  leaseMs: number;
  pollMs: number;
  /** Jobs claimed and not yet recorded, at most. */
  maxHeld: number;
}

/** How much later a job given back over its origin's cap becomes due again. */
const GIVE_BACK_DELAY_MS = 1000;

interface HeldJob {
  job: ClaimedJob;
  sent: boolean;
  /** Settles when this run is over (recorded, released or given up). */
  done?: Promise<void>;
}

/**
 * The loop: claim a batch when there is room, start each job, sleep until NOTIFY, a free slot or the
 * poll interval. `stop()` stops claiming, lets in-flight jobs finish within a timeout, and gives the rest
 * back to the outbox.
 */
export class Relay {
  private state: RelayState = 'created';
  /** Entries, not job ids: one job can be held twice (its lease ran out and this relay reclaimed it). */
  private readonly held = new Set<HeldJob>();
  private readonly unsent: ReleasedJob[] = [];
  /** Claimed over their origin's cap, to give back in one statement per claimed batch. */
  private readonly overCap: ClaimedJob[] = [];
  /** While > 0 the loop waits after a give-back: a claim happens again once this many runs ended. */
  private finishesToWaitFor = 0;
  private readonly sleeper = new Sleeper();
  private waitingForRoom = false;
  private loopDone: Promise<void> = Promise.resolve();
  private stopping: Promise<void> | undefined;
  private onIdle: (() => void) | undefined;
  private readonly context: DeliveryContext;

  constructor(private readonly options: RelayOptions) {
    this.context = { ...options.delivery, isStopping: () => this.state !== 'running' };
  }

  get status(): RelayState {
    return this.state;
  }

  get inFlight(): number {
    return this.held.size;
  }

  start(): void {
    if (this.state !== 'created') return;
    this.state = 'running';
    this.loopDone = this.loop();
  }

  /** Jobs were committed (NOTIFY): claim now instead of at the next poll. */
  wake(): void {
    if (!this.waitingForRoom) this.sleeper.wake();
  }

  stop(input: { timeoutMs: number }): Promise<void> {
    this.stopping ??= this.shutdown(input.timeoutMs);
    return this.stopping;
  }

  private async loop(): Promise<void> {
    const { batchSize, maxHeld, pollMs, leaseMs, store, logger } = this.options;
    // don't claim in dribs and drabs: wait until a quarter batch fits
    const minClaim = Math.max(1, Math.min(Math.ceil(batchSize / 4), Math.floor(maxHeld / 2)));
    while (this.state === 'running') {
      const room = maxHeld - this.held.size;
      if (room < minClaim) {
        this.waitingForRoom = true;
        await this.sleeper.sleep(pollMs);
        this.waitingForRoom = false;
        continue;
      }
      const limit = Math.min(room, batchSize);
      this.sleeper.clearPendingWake();
      let jobs: ClaimedJob[];
      let strays: string[];
      try {
        ({ jobs, strays } = await store.claim({ limit, leaseMs }));
      } catch (error) {
        logger.error({ err: error }, 'claim failed; retrying after the poll interval');
        await this.sleeper.sleep(pollMs);
        continue;
      }
      if (strays.length > 0) {
        // rare: jobs committed for a webhook while it was being disabled (paused here), or moved by a
        // concurrent update while picked (left as they are). Left unpaused they are only picked again,
        // so a failure here is logged and otherwise harmless
        await store
          .pauseStrays(strays)
          .catch((error: unknown) => logger.error({ err: error, strays }, 'pausing stray jobs failed'));
      }
      const givenBack = jobs.length > 0 ? await this.dispatch(jobs) : 0;
      if (givenBack > 0) {
        // the next claim may reach other origins' jobs, but not at once: claiming again right away would
        // cycle through a capped origin's backlog as fast as the database answers
        this.finishesToWaitFor = minClaim;
        await this.sleeper.sleep(pollMs);
        this.finishesToWaitFor = 0;
      } else if (jobs.length + strays.length < limit) await this.sleeper.sleep(pollMs);
    }
  }

  /** Starts every job; returns how many were given back over their origin's cap. */
  private async dispatch(jobs: ClaimedJob[]): Promise<number> {
    let lookups: Map<string, WebhookLookup>;
    try {
      lookups = await this.options.webhooks.forJobs(jobs);
    } catch (error) {
      this.options.logger.error({ err: error }, 'loading webhooks failed; the jobs go back to the outbox');
      await this.options.store.release(jobs.map((job) => ({ job, sent: false }))).catch(() => undefined);
      return 0;
    }
    for (const job of jobs) {
      const entry: HeldJob = { job, sent: false };
      this.held.add(entry);
      entry.done = this.run(entry, lookups.get(job.webhookId));
    }
    // a run decides "over the cap" before its first await: once the microtasks ran, all of them are known
    await new Promise<void>((resolve) => setImmediate(resolve));
    return this.giveBackOverCap();
  }

  private async giveBackOverCap(): Promise<number> {
    const jobs = this.overCap.splice(0);
    if (jobs.length === 0) return 0;
    try {
      await this.options.store.giveBack({ jobs, delayMs: GIVE_BACK_DELAY_MS });
      this.options.metrics.recordGivenBack(jobs.length);
    } catch (error) {
      // their leases expire and they are claimed again: late, never lost
      this.options.logger.error(
        { err: error, jobs: jobs.length },
        'giving back jobs over the origin cap failed',
      );
    }
    return jobs.length;
  }

  private async run(entry: HeldJob, lookup: WebhookLookup | undefined): Promise<void> {
    const { logger, metrics, completions } = this.options;
    const { job } = entry;
    try {
      const result: JobResult = await deliverJob({
        context: this.context,
        job,
        lookup,
        markSent: () => (entry.sent = true),
      });
      if (result.kind === 'over-cap') {
        if (this.state === 'running') this.overCap.push(job);
        else this.unsent.push({ job, sent: false });
        return;
      }
      if (result.kind === 'unsent') {
        if (this.state === 'running') await this.options.store.release([{ job, sent: false }]);
        else this.unsent.push({ job, sent: false });
        return;
      }
      const { finished } = result;
      metrics.recordAttempt(finished.log.outcome, finished.log.durationMs);
      if (finished.status !== 'delivered') {
        logger.info(
          {
            delivery: job.id,
            webhook: job.webhookId,
            attempt: job.attempt,
            status: finished.status,
            error: finished.lastError,
          },
          'delivery attempt failed',
        );
      }
      const applied = await completions.add(finished);
      // after shutdown released it, a job cut by the sender is not a lost lease: only its log is written
      if (!applied && this.state !== 'stopped') {
        metrics.recordLeaseLost(1);
        logger.warn(
          { delivery: job.id, attempt: job.attempt },
          'lease lost: another relay owns this job now',
        );
      }
    } catch (error) {
      // the lease expires and another claim retries the job: at least once, never lost
      logger.error({ err: error, delivery: job.id }, 'recording the attempt failed');
    } finally {
      this.held.delete(entry);
      if (this.waitingForRoom && this.options.maxHeld - this.held.size >= this.options.batchSize / 4)
        this.sleeper.wake();
      if (this.finishesToWaitFor > 0 && --this.finishesToWaitFor === 0) this.sleeper.wake();
      if (this.held.size === 0) this.onIdle?.();
    }
  }

  /**
   * After shutdown released the jobs still running and the sender cut their connections: waits (within
   * `timeoutMs`) for those runs to end and writes their attempts, which did happen.
   */
  async recordCutAttempts(input: { timeoutMs: number }): Promise<void> {
    const running = [...this.held.values()].filter((h) => h.sent).map((h) => h.done);
    if (running.length > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.all(running),
        new Promise<void>((resolve) => (timer = setTimeout(resolve, input.timeoutMs))),
      ]);
      clearTimeout(timer);
    }
    await this.options.completions
      .drain()
      .catch((error: unknown) => this.options.logger.error({ err: error }, 'final write failed'));
  }

  private async shutdown(timeoutMs: number): Promise<void> {
    const { logger, store, completions } = this.options;
    if (this.state === 'created') {
      this.state = 'stopped';
      return;
    }
    this.state = 'stopping';
    this.sleeper.wake();
    await this.loopDone;
    await this.giveBackOverCap();
    if (this.held.size > 0) {
      logger.info({ inFlight: this.held.size, timeoutMs }, 'stopping: waiting for in-flight deliveries');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise<void>((resolve) => (this.onIdle = resolve)),
        new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs))),
      ]);
      clearTimeout(timer);
    }
    this.state = 'stopped';
    await completions.drain().catch((error: unknown) => logger.error({ err: error }, 'final write failed'));
    const release = [
      ...this.unsent.splice(0),
      ...[...this.held.values()].map((h) => ({ job: h.job, sent: h.sent })),
    ];
    if (release.length > 0) {
      await store.release(release);
      logger.info({ released: release.length }, 'released unfinished jobs to the outbox');
    }
  }
}

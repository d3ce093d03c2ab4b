import { type Logger } from 'pino';
import { deliverJob, type DeliveryContext, type JobResult } from './delivery/deliver-job';
import { type WebhookCache, type WebhookLookup } from './delivery/webhook-cache';
import { type DestinationReporter } from './flow/destination-reporter';
import { destinationKey, type FlowControl } from './flow/flow-control';
import { flowSignalsOf } from './flow/flow-signals';
import { type RelayMetrics } from './metrics';
import { type CompletionBuffer } from './outbox/completion-buffer';
import { type DestinationStore } from './outbox/destination-store';
import { FIRST_LANE, type OutboxStore } from './outbox/outbox-store';
import { type ClaimedJob, type Lane, type ReleasedJob } from './outbox/types';
import { Sleeper } from './sleeper';

export const RELAY_STATES = ['created', 'running', 'stopping', 'stopped'] as const;
export type RelayState = (typeof RELAY_STATES)[number];

export interface RelayOptions {
  store: OutboxStore;
  destinations: DestinationStore;
  webhooks: WebhookCache;
  completions: CompletionBuffer;
  flow: FlowControl;
  reporter: DestinationReporter;
  delivery: Omit<DeliveryContext, 'isStopping' | 'stopped' | 'pausedForMs'>;
  metrics: RelayMetrics;
  logger: Logger;
  /** Requests in flight, all destinations together. */
  concurrency: number;
  /** Jobs claimed and not yet recorded, at most. */
  maxHeld: number;
  batchSize: number;
  leaseMs: number;
  /** How long a probe's claim on a half-open circuit lasts. */
  probeLeaseMs: number;
  rateHorizonMs: number;
  pollMs: number;
  /** Lanes one claim looks at, at most. */
  maxLanes: number;
  /** Answers slower than this do not grow a destination's limit. */
  fastMs: number;
  /** The longest a 429 or Retry-After holds a whole destination back. */
  maxPauseMs: number;
}

/** Lanes read this recently plan the next claim without a new read (the claim re-checks what matters). */
const LANES_MAX_AGE_MS = 50;
/** After a claim that found none of the jobs its lanes said were due (another relay took them). */
const RETRY_EMPTY_CLAIM_MS = 50;

interface Claim {
  jobs: Promise<ClaimedJob[]>;
  /** Jobs the plan asked for: fewer came when a lane ran dry. */
  asked: number;
}

interface HeldJob {
  job: ClaimedJob;
  sent: boolean;
  /** Settles when this run is over (recorded, released or given up). */
  done?: Promise<void>;
}

/**
 * The loop: find the lanes with due jobs, plan what each destination can start now (FlowControl), claim
 * exactly that, send at once; sleep until NOTIFY, a destination with work gets room, the next job or slot
 * falls due, or the poll interval. `stop()` stops claiming, lets in-flight jobs finish within a timeout,
 * and gives the rest back to the outbox.
 */
export class Relay {
  private state: RelayState = 'created';
  /** Entries, not job ids: one job can be held twice (its lease ran out and this relay reclaimed it). */
  private readonly held = new Set<HeldJob>();
  private readonly unsent: ReleasedJob[] = [];
  private readonly sleeper = new Sleeper();
  private readonly attaching = new Set<string>();
  /** The lanes read last, when, and where the next read starts (LANES_SQL's cursor). */
  private lanes: readonly Lane[] | undefined;
  private lanesReadAt = 0;
  private lanesAfter = FIRST_LANE;
  /** Bumped by NOTIFY: a read that started before it may miss the new lane. */
  private lanesGeneration = 0;
  /** Jobs asked of the claim on its way: they count against the room until it answers. */
  private claiming = 0;
  private waitingForRoom = false;
  private loopDone: Promise<void> = Promise.resolve();
  private stopping: Promise<void> | undefined;
  private onIdle: (() => void) | undefined;
  private announceStop: () => void = () => undefined;
  private readonly context: DeliveryContext;

  constructor(private readonly options: RelayOptions) {
    const stopped = new Promise<void>((resolve) => (this.announceStop = resolve));
    this.context = {
      ...options.delivery,
      isStopping: () => this.state !== 'running',
      stopped,
      pausedForMs: (job) => options.flow.pausedForMs(destinationKey(job)),
    };
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

  /** Jobs were committed (NOTIFY): claim now instead of at the next poll, from a fresh read of the lanes. */
  wake(): void {
    this.lanes = undefined;
    this.lanesGeneration++;
    if (!this.waitingForRoom) this.sleeper.wake();
  }

  stop(input: { timeoutMs: number }): Promise<void> {
    this.stopping ??= this.shutdown(input.timeoutMs);
    return this.stopping;
  }

  /** Jobs the relay may claim now: free request slots, memory for held jobs, one batch at most. */
  private room(): number {
    const { concurrency, maxHeld, batchSize, flow } = this.options;
    return Math.min(
      concurrency - flow.sending - this.claiming,
      maxHeld - this.held.size - this.claiming,
      batchSize,
    );
  }

  /** Don't claim in dribs and drabs: wait until a quarter batch (or a quarter of the slots) is free. */
  private minClaim(): number {
    const { batchSize, concurrency } = this.options;
    return Math.max(1, Math.min(Math.ceil(batchSize / 4), Math.ceil(concurrency / 4)));
  }

  private async loop(): Promise<void> {
    const { pollMs, logger } = this.options;
    /** A claim already on its way: it runs on the database while the relay sends the last one's jobs. */
    let next: Claim | undefined;
    while (this.state === 'running') {
      let sleepMs = pollMs;
      try {
        if (!next) {
          const room = this.room();
          if (room < this.minClaim()) {
            this.waitingForRoom = true;
            await this.sleeper.sleep(pollMs);
            this.waitingForRoom = false;
            continue;
          }
          this.sleeper.clearPendingWake();
          const planned = await this.planClaim(room);
          if (planned.claim) next = planned.claim;
          else {
            if (planned.nextReadyInMs !== null) sleepMs = Math.min(pollMs, planned.nextReadyInMs);
            await this.sleeper.sleep(sleepMs);
            continue;
          }
        }
        const claim: Claim = next;
        next = undefined;
        const jobs = await this.settle(claim);
        // counted at once, so the next plan leaves their slots to them
        for (const job of jobs) this.options.flow.started(job);
        const ranDry = jobs.length < claim.asked;
        // a lane gave less than asked (another relay was quicker, or its circuit or pause changed): plan
        // the next claim from a fresh read
        if (ranDry) this.lanes = undefined;
        // everything asked for came: there may be more, claimed while these go out (not in dribs and
        // drabs: a claim costs the database about as much as a few dozen jobs of it)
        const following =
          !ranDry && this.state === 'running' && this.room() >= this.minClaim()
            ? this.planClaim(this.room(), { minAsked: Math.ceil(this.minClaim() / 2) }).then(
                (planned) => planned.claim,
                (error: unknown) => {
                  logger.error({ err: error }, 'planning the next claim failed');
                  return undefined;
                },
              )
            : undefined;
        if (jobs.length > 0) await this.dispatch(jobs);
        next = await following;
        if (next || jobs.length > 0) continue;
        // asked for jobs the lanes said were due and got none: a race with another relay; try again soon
        sleepMs = Math.min(pollMs, RETRY_EMPTY_CLAIM_MS);
      } catch (error) {
        next = undefined;
        this.lanes = undefined;
        logger.error({ err: error }, 'claim failed; retrying after the poll interval');
      }
      await this.sleeper.sleep(sleepMs);
    }
    if (next) {
      // stopping: what the last claim took goes back at once, unsent
      const jobs = await this.settle(next).catch(() => []);
      this.unsent.push(...jobs.map((job) => ({ job, sent: false })));
    }
  }

  /** The jobs of a claim; the claim no longer counts against the room once they are known. */
  private async settle(claim: Claim): Promise<ClaimedJob[]> {
    try {
      return await claim.jobs;
    } finally {
      this.claiming -= claim.asked;
    }
  }

  /**
   * Plans a claim from the lanes read last (read again when NOTIFY came, when a lane ran dry or when the
   * read is older than LANES_MAX_AGE_MS) and starts it; `claim` is undefined when nothing can start now.
   * The claim statement checks circuits and pauses itself, so an older read never sends to a blocked
   * destination: it only plans less well.
   */
  private async planClaim(
    room: number,
    input: { minAsked?: number } = {},
  ): Promise<{ claim?: Claim; nextReadyInMs: number | null }> {
    const { store, maxLanes } = this.options;
    if (!this.lanes || Date.now() - this.lanesReadAt > LANES_MAX_AGE_MS) {
      const generation = this.lanesGeneration;
      const read = await store.lanes({ after: this.lanesAfter, max: maxLanes });
      // past the cap, the next read looks at the lanes after these: every lane gets its turn
      this.lanesAfter =
        read.length >= maxLanes ? (read[read.length - 1]?.webhookId ?? FIRST_LANE) : FIRST_LANE;
      // a NOTIFY during the read may name a lane it missed: plan from it once, then read again
      this.lanes = generation === this.lanesGeneration ? read : undefined;
      this.lanesReadAt = Date.now();
      return this.planFrom(read, room, input);
    }
    return this.planFrom(this.lanes, room, input);
  }

  private async planFrom(
    read: readonly Lane[],
    room: number,
    input: { minAsked?: number },
  ): Promise<{ claim?: Claim; nextReadyInMs: number | null }> {
    const { store, flow, reporter, logger } = this.options;
    // a circuit this relay changed since the read counts as it is now
    const newest = reporter.saw(read.flatMap((lane) => (lane.destination ? [lane.destination] : [])));
    const lanes = read.map((lane) =>
      lane.destination ? { ...lane, destination: newest.get(lane.destination.id) ?? lane.destination } : lane,
    );
    const plan = flow.plan({ lanes, room });
    if (plan.inactive.length > 0) {
      // left unpaused they are only found again, so a failure here is logged and otherwise harmless
      await store
        .pauseLanes(plan.inactive)
        .catch((error: unknown) => logger.error({ err: error }, 'pausing jobs of inactive webhooks failed'));
    }
    const asked = plan.lanes.reduce((sum, lane) => sum + lane.quota, 0);
    if (asked === 0 || asked < (input.minAsked ?? 1)) return { nextReadyInMs: plan.nextReadyInMs };
    this.claiming += asked;
    const jobs = store.claim({
      lanes: plan.lanes,
      leaseMs: this.options.leaseMs,
      probeLeaseMs: this.options.probeLeaseMs,
      rateHorizonMs: this.options.rateHorizonMs,
    });
    // awaited by the loop; until then a failure must not count as unhandled
    jobs.catch(() => undefined);
    return { claim: { jobs, asked }, nextReadyInMs: plan.nextReadyInMs };
  }

  /** Starts every job at once: the claim took only what its destination can start now. */
  private async dispatch(jobs: ClaimedJob[]): Promise<void> {
    let lookups: Map<string, WebhookLookup>;
    try {
      lookups = await this.options.webhooks.forJobs(jobs);
    } catch (error) {
      this.options.logger.error({ err: error }, 'loading webhooks failed; the jobs go back to the outbox');
      for (const job of jobs) this.options.flow.finished(job);
      await this.options.store.release(jobs.map((job) => ({ job, sent: false }))).catch(() => undefined);
      return;
    }
    for (const job of jobs) {
      const entry: HeldJob = { job, sent: false };
      this.held.add(entry);
      entry.done = this.run(entry, lookups.get(job.webhookId));
    }
  }

  private async run(entry: HeldJob, lookup: WebhookLookup | undefined): Promise<void> {
    const { logger, metrics, completions } = this.options;
    const { job } = entry;
    let slotFreed = false;
    // the slot is free when the request ends, not when its attempt is recorded (up to 50 ms later)
    const freeSlot = (result?: JobResult) => {
      if (slotFreed) return;
      slotFreed = true;
      const destinationHasRoom = this.endRequest(job, result);
      const relayHasRoom = this.waitingForRoom && this.room() >= this.minClaim();
      if (destinationHasRoom || relayHasRoom) this.sleeper.wake();
    };
    try {
      const result = await deliverJob({
        context: this.context,
        job,
        lookup,
        markSent: () => (entry.sent = true),
      });
      freeSlot(result);
      if (result.origin && job.destinationId === null) this.attachDestination(job, result.origin);
      if (result.kind === 'unsent') {
        if (job.probeVersion !== undefined && job.destinationId)
          this.releaseProbe(job.destinationId, job.probeVersion);
        if (this.state !== 'running') this.unsent.push({ job, sent: false });
        else if (result.retryInMs !== undefined)
          await this.options.store.giveBack({ jobs: [job], delayMs: result.retryInMs });
        else await this.options.store.release([{ job, sent: false }]);
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
      freeSlot();
      this.held.delete(entry);
      if (this.waitingForRoom && this.room() >= this.minClaim()) this.sleeper.wake();
      if (this.held.size === 0) this.onIdle?.();
    }
  }

  /**
   * The job's request is over: its slot is free, and what the answer says goes to its destination's
   * limit, circuit and pause. True when the loop should claim again (a full destination has room).
   */
  private endRequest(job: ClaimedJob, result: JobResult | undefined): boolean {
    const { flow, reporter, logger, fastMs } = this.options;
    const exchange = result?.kind === 'finished' ? result.exchange : undefined;
    // a request the stopping relay cut itself says nothing about the destination
    const cutHere = this.state !== 'running' && exchange?.result.kind === 'error';
    if (!exchange || cutHere) return flow.finished(job);
    const signals = flowSignalsOf(exchange.result, {
      fastMs,
      now: new Date(),
      maxPauseMs: this.options.maxPauseMs,
    });
    const wake = flow.finished(
      job,
      signals.limit ? { signal: signals.limit, startedAt: exchange.startedAt } : undefined,
    );
    if (signals.pauseMs !== null) {
      flow.pause(destinationKey(job), signals.pauseMs);
      if (job.destinationId) {
        reporter
          .pause(job.destinationId, signals.pauseMs)
          .catch((error: unknown) => logger.warn({ err: error }, 'recording a destination pause failed'));
      }
    }
    if (signals.reachable !== null && job.destinationId) {
      reporter.report(
        job.destinationId,
        signals.reachable
          ? { kind: 'responded', probe: job.probe }
          : {
              kind: 'unreachable',
              probe: job.probe,
              reason: exchange.result.kind === 'error' ? exchange.result.message : 'unreachable',
            },
      );
    }
    return wake;
  }

  /** The probe went back unsent: the next one may go at once instead of after the probe lease. */
  private releaseProbe(destinationId: string, version: number): void {
    this.options.destinations
      .releaseProbe({ id: destinationId, version })
      .catch((error: unknown) => this.options.logger.warn({ err: error }, 'freeing an unsent probe failed'));
  }

  /** A webhook saved before destinations existed gets one, from the origin its request went to. */
  private attachDestination(job: ClaimedJob, origin: string): void {
    if (this.attaching.has(job.webhookId)) return;
    // one attach per webhook is enough; the set only spares repeats, so it may forget
    if (this.attaching.size > 10_000) this.attaching.clear();
    this.attaching.add(job.webhookId);
    this.options.destinations
      .attach({ webhookId: job.webhookId, accountId: job.accountId, origin })
      .catch((error: unknown) => {
        this.attaching.delete(job.webhookId);
        this.options.logger.warn({ err: error, webhook: job.webhookId }, 'attaching a destination failed');
      });
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
    await this.options.reporter.close();
  }

  private async shutdown(timeoutMs: number): Promise<void> {
    const { logger, store, completions } = this.options;
    if (this.state === 'created') {
      this.state = 'stopped';
      return;
    }
    this.state = 'stopping';
    this.announceStop();
    this.sleeper.wake();
    await this.loopDone;
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

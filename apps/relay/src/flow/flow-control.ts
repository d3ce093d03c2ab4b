import {
  allowedInFlight,
  nextLimit,
  planClaim,
  probeDue,
  rateIntervalMs,
  rateSlots,
  startLimit,
  type AdaptiveLimit,
  type AdaptiveLimitPolicy,
  type DestinationRoom,
  type LaneDemand,
  type LimitSignal,
} from '@hookrelay/core';
import { type DestinationState, type Lane, type LaneClaim } from '../outbox/types';

export interface FlowPolicy {
  limit: AdaptiveLimitPolicy;
  /** How far ahead a claim takes a rate-limited webhook's send slots (ms). */
  rateHorizonMs: number;
}

/** What the relay's counts of work in flight need to know of a job. */
export interface FlowJob {
  webhookId: string;
  accountId: string;
  destinationId: string | null;
}

/** The key of a job's destination in this relay: its id, or its webhook's until it has one. */
export function destinationKey(job: { destinationId: string | null; webhookId: string }): string {
  return job.destinationId ?? `webhook:${job.webhookId}`;
}

export interface ClaimPlan {
  lanes: LaneClaim[];
  /** How soon (ms) a lane not claimable now may become so: a job falling due, a slot, a probe. */
  nextReadyInMs: number | null;
  /** Lanes whose webhook is not active (PAUSE_LANES_SQL). */
  inactive: string[];
}

interface DestinationFlow {
  limit: AdaptiveLimit;
  inFlight: number;
  /** Local clock (ms): this relay saw a 429 or Retry-After. */
  pausedUntil: number;
  /** Set while a plan found it full with jobs due: requests finished since. */
  freedWhileFull: number | undefined;
  touchedAt: number;
}

/** Destinations idle this long are forgotten (their limit starts small again). */
const FORGET_AFTER_MS = 10 * 60_000;
const FORGET_ABOVE = 10_000;

/**
 * This relay's side of flow control: the adaptive limit and the requests in flight of each destination,
 * the work in flight per lane and per account, and the plan of each claim, so that a claim takes only
 * jobs that can start at once. What relays share (circuits, pauses, rate slots) comes with the lanes.
 */
export class FlowControl {
  private readonly destinations = new Map<string, DestinationFlow>();
  private readonly lanes = new Map<string, number>();
  private readonly accounts = new Map<string, number>();
  private sendingCount = 0;

  constructor(
    private readonly policy: FlowPolicy,
    private readonly now: () => number = Date.now,
  ) {}

  /** Jobs claimed whose request has not ended yet. */
  get sending(): number {
    return this.sendingCount;
  }

  /** The requests this destination may have in flight now (its adaptive limit). */
  limitOf(key: string): number {
    const flow = this.destinations.get(key);
    return flow ? allowedInFlight(flow.limit) : allowedInFlight(startLimit(this.policy.limit));
  }

  plan(input: { lanes: readonly Lane[]; room: number }): ClaimPlan {
    const now = this.now();
    let nextReadyInMs: number | null = null;
    const readyIn = (ms: number) => {
      const wait = Math.max(1, ms);
      nextReadyInMs = nextReadyInMs === null ? wait : Math.min(nextReadyInMs, wait);
    };
    const inactive: string[] = [];
    const demands: LaneDemand[] = [];
    const rooms = new Map<string, DestinationRoom & { probe?: DestinationState }>();
    const rateIntervals = new Map<string, number>();
    // oldest work first: the fair share gives ties to it
    for (const lane of [...input.lanes].sort((a, b) => b.dueForMs - a.dueForMs)) {
      if (!lane.active) {
        inactive.push(lane.webhookId);
        continue;
      }
      if (lane.dueForMs < 0) {
        readyIn(-lane.dueForMs);
        continue;
      }
      const key = destinationKey({ destinationId: lane.destination?.id ?? null, webhookId: lane.webhookId });
      if (!rooms.has(key)) rooms.set(key, this.roomOf(key, lane.destination, now, readyIn));
      let maxNew = Number.POSITIVE_INFINITY;
      if (lane.rateLimit !== null) {
        const intervalMs = rateIntervalMs(lane.rateLimit);
        rateIntervals.set(lane.webhookId, intervalMs);
        const waitMs = lane.rateWaitMs ?? 0;
        maxNew = rateSlots({ waitMs, intervalMs, horizonMs: this.policy.rateHorizonMs });
        if (maxNew === 0) readyIn(waitMs - this.policy.rateHorizonMs);
      }
      demands.push({
        id: lane.webhookId,
        accountId: lane.accountId,
        destinationId: key,
        inFlight: this.lanes.get(lane.webhookId) ?? 0,
        maxNew,
      });
    }
    const quotas = planClaim({
      room: input.room,
      lanes: demands,
      destinations: rooms,
      accountsInFlight: this.accounts,
    });
    const granted = new Map<string, number>();
    const lanes: LaneClaim[] = [];
    for (const demand of demands) {
      const quota = quotas.get(demand.id);
      if (!quota) continue;
      granted.set(demand.destinationId, (granted.get(demand.destinationId) ?? 0) + quota);
      const probe = rooms.get(demand.destinationId)?.probe;
      const intervalMs = rateIntervals.get(demand.id);
      lanes.push({
        webhookId: demand.id,
        accountId: demand.accountId,
        quota,
        destinationId: demand.destinationId.startsWith('webhook:') ? null : demand.destinationId,
        ...(probe ? { probe: { destinationId: probe.id, version: probe.version } } : {}),
        ...(intervalMs !== undefined ? { rateIntervalMs: intervalMs } : {}),
      });
    }
    // a destination this claim fills, with due jobs left: a quarter of its limit freed wakes the loop
    for (const [key, room] of rooms) {
      if (room.probe || room.free > (granted.get(key) ?? 0) || this.pausedForMs(key) > 0) continue;
      if (room.free === 0 && room.inFlight === 0) continue; // blocked, not full: nothing will free a slot
      this.flowOf(key).freedWhileFull ??= 0;
    }
    if (this.destinations.size > FORGET_ABOVE) this.forgetIdle(now);
    return { lanes, nextReadyInMs, inactive };
  }

  /** A claimed job counts as in flight from its claim until its request ends. */
  started(job: FlowJob): void {
    const flow = this.flowOf(destinationKey(job));
    flow.inFlight++;
    flow.touchedAt = this.now();
    this.sendingCount++;
    this.lanes.set(job.webhookId, (this.lanes.get(job.webhookId) ?? 0) + 1);
    this.accounts.set(job.accountId, (this.accounts.get(job.accountId) ?? 0) + 1);
  }

  /**
   * The job's request ended (or it went back unsent): its slot is free, and its answer, when it had one,
   * moves the destination's limit. True when the loop should claim again: the destination was full and
   * a quarter of its limit is free now.
   */
  finished(job: FlowJob, answer?: { signal: LimitSignal; startedAt: number }): boolean {
    const key = destinationKey(job);
    const flow = this.flowOf(key);
    const now = this.now();
    if (answer) {
      flow.limit = nextLimit(
        flow.limit,
        { signal: answer.signal, startedAt: answer.startedAt, finishedAt: now, inFlight: flow.inFlight },
        this.policy.limit,
      );
    }
    flow.inFlight = Math.max(0, flow.inFlight - 1);
    flow.touchedAt = now;
    this.sendingCount = Math.max(0, this.sendingCount - 1);
    decrement(this.lanes, job.webhookId);
    decrement(this.accounts, job.accountId);
    if (flow.freedWhileFull === undefined) return false;
    flow.freedWhileFull++;
    if (flow.freedWhileFull < Math.max(1, Math.floor(allowedInFlight(flow.limit) / 4))) return false;
    flow.freedWhileFull = undefined;
    return true;
  }

  /** A 429 or Retry-After: this relay sends nothing more to the destination for `ms`. */
  pause(key: string, ms: number): void {
    const flow = this.flowOf(key);
    flow.pausedUntil = Math.max(flow.pausedUntil, this.now() + ms);
  }

  /** How long this relay still holds back requests to the destination (0: not at all). */
  pausedForMs(key: string): number {
    const flow = this.destinations.get(key);
    return flow ? Math.max(0, flow.pausedUntil - this.now()) : 0;
  }

  private roomOf(
    key: string,
    shared: DestinationState | null,
    now: number,
    readyIn: (ms: number) => void,
  ): DestinationRoom & { probe?: DestinationState } {
    const flow = this.destinations.get(key);
    const inFlight = flow?.inFlight ?? 0;
    const pausedMs = Math.max(shared?.pausedForMs ?? 0, (flow?.pausedUntil ?? 0) - now);
    if (pausedMs > 0) {
      readyIn(pausedMs);
      return { inFlight, free: 0 };
    }
    if (shared && shared.circuit.state !== 'closed') {
      if (probeDue(shared.circuit.state, shared.retryInMs)) return { inFlight, free: 1, probe: shared };
      readyIn(shared.retryInMs ?? 0);
      return { inFlight, free: 0 };
    }
    return { inFlight, free: Math.max(0, this.limitOf(key) - inFlight) };
  }

  private flowOf(key: string): DestinationFlow {
    let flow = this.destinations.get(key);
    if (!flow) {
      flow = {
        limit: startLimit(this.policy.limit),
        inFlight: 0,
        pausedUntil: 0,
        freedWhileFull: undefined,
        touchedAt: this.now(),
      };
      this.destinations.set(key, flow);
    }
    return flow;
  }

  private forgetIdle(now: number): void {
    for (const [key, flow] of this.destinations) {
      if (flow.inFlight === 0 && now - flow.touchedAt > FORGET_AFTER_MS) this.destinations.delete(key);
    }
  }
}

function decrement(counts: Map<string, number>, key: string): void {
  const left = (counts.get(key) ?? 1) - 1;
  if (left <= 0) counts.delete(key);
  else counts.set(key, left);
}

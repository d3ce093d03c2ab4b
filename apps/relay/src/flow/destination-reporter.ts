import {
  circuitAfter,
  sameCircuit,
  type CircuitPolicy,
  type CircuitState,
  type ReachabilityEvent,
} from '@hookrelay/core';
import { type Logger } from 'pino';
import { type DestinationStore } from '../outbox/destination-store';
import { type DestinationState } from '../outbox/types';

/** Compare-and-set tries before the events of one flush are dropped (the next failures count again). */
const MAX_TRIES = 4;

/**
 * Turns what this relay's requests saw into the circuit every relay shares. Events are gathered for a
 * short while and applied per destination by compare-and-set: core decides the next circuit from the
 * state last read (circuitAfter), and the write applies only if no other relay changed it meanwhile;
 * else the row is read again and the events applied to it. Answers from a healthy destination change
 * nothing and write nothing. A pause (429, Retry-After) is written at once.
 */
export class DestinationReporter {
  private readonly known = new Map<string, DestinationState>();
  private pending = new Map<string, ReachabilityEvent[]>();
  /** Destinations whose events a flush is applying now. */
  private readonly applying = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;

  constructor(
    private readonly options: {
      store: DestinationStore;
      policy: CircuitPolicy;
      logger: Logger;
      flushMs: number;
      onTransition: (input: { id: string; from: CircuitState; to: CircuitState }) => void;
    },
  ) {}

  /**
   * States a claim read: the base of the next compare-and-set. Returns the newest state of each one this
   * relay knows, which is its own write when that is newer than what the claim read.
   */
  saw(states: readonly DestinationState[]): Map<string, DestinationState> {
    const newest = new Map<string, DestinationState>();
    // the base of a compare-and-set only: forgetting it costs one read
    if (this.known.size > 10_000) this.known.clear();
    for (const state of states) {
      const known = this.known.get(state.id);
      if (!known || known.version <= state.version) this.known.set(state.id, state);
      newest.set(state.id, this.known.get(state.id) ?? state);
    }
    return newest;
  }

  report(destinationId: string, event: ReachabilityEvent): void {
    const known = this.known.get(destinationId);
    if (event.kind === 'responded' && known?.circuit.state === 'closed' && known.circuit.failures === 0)
      return;
    const events = this.pending.get(destinationId);
    if (events) events.push(event);
    else this.pending.set(destinationId, [event]);
    // a failure may open the circuit: written at once, so the next claims already see it
    if (event.kind === 'unreachable') {
      if (this.timer) clearTimeout(this.timer);
      this.timer = undefined;
      void this.flush();
      return;
    }
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.options.flushMs);
  }

  async pause(destinationId: string, ms: number): Promise<void> {
    await this.options.store.pause({ id: destinationId, ms });
  }

  /** Applies the events gathered so far; overlapping calls wait for the flush under way, then run. */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    this.flushing = this.apply(batch).finally(() => (this.flushing = undefined));
    await this.flushing;
  }

  /** Stops the timer and applies what is left. */
  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  private async apply(batch: Map<string, ReachabilityEvent[]>): Promise<void> {
    for (const id of batch.keys()) this.applying.add(id);
    for (const [id, events] of batch) {
      try {
        await this.applyOne(id, events);
      } catch (error) {
        this.options.logger.warn({ err: error, destination: id }, 'recording the circuit failed');
      } finally {
        this.applying.delete(id);
      }
    }
  }

  private async applyOne(id: string, events: readonly ReachabilityEvent[]): Promise<void> {
    const { store, policy, logger } = this.options;
    let base = this.known.get(id);
    for (let tries = 0; tries < MAX_TRIES; tries++) {
      base ??= (await store.read([id]))[0];
      if (!base) return; // deleted meanwhile: its webhooks moved elsewhere
      const transition = circuitAfter(base.circuit, events, policy);
      if (sameCircuit(transition.circuit, base.circuit) && transition.openForMs === null) return;
      const version = await store.setCircuit({ id, version: base.version, transition });
      if (version === undefined) {
        base = undefined;
        continue;
      }
      const next: DestinationState = {
        ...base,
        circuit: transition.circuit,
        version,
        retryInMs: transition.openForMs ?? (transition.circuit.state === 'closed' ? null : base.retryInMs),
      };
      this.known.set(id, next);
      if (next.circuit.state !== base.circuit.state) {
        this.options.onTransition({ id, from: base.circuit.state, to: next.circuit.state });
        const detail = {
          destination: id,
          failures: next.circuit.failures,
          lastFailure: next.circuit.lastFailure,
        };
        if (next.circuit.state === 'open')
          logger.warn({ ...detail, cooldownMs: next.circuit.cooldownMs }, 'circuit opened: deliveries wait');
        else if (next.circuit.state === 'closed') logger.info(detail, 'circuit closed: deliveries resume');
      }
      return;
    }
    logger.warn({ destination: id }, 'circuit changed by other relays in every try; events dropped');
  }
}

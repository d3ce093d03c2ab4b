/**
 * The circuit of one destination: after `threshold` timeouts or connection failures in a row it opens,
 * and its jobs wait (no attempt is spent) until a single probe request, one per cool-down, gets an
 * answer. Each failed probe doubles the cool-down, up to a maximum. Any HTTP answer, whatever its status,
 * shows the destination is reachable and closes the circuit; a 500 is the retry schedule's business.
 */
export const CIRCUIT_STATES = ['closed', 'open', 'half_open'] as const;
export type CircuitState = (typeof CIRCUIT_STATES)[number];

export interface CircuitPolicy {
  threshold: number;
  cooldownMs: number;
  maxCooldownMs: number;
}

export interface Circuit {
  state: CircuitState;
  /** Timeouts and connection failures in a row. */
  failures: number;
  /** The cool-down of the current opening; null while closed. */
  cooldownMs: number | null;
  lastFailure: string | null;
}

/** What one finished request says about whether the destination can be reached. */
export type ReachabilityEvent =
  { kind: 'responded'; probe: boolean } | { kind: 'unreachable'; probe: boolean; reason: string };

export interface CircuitTransition {
  circuit: Circuit;
  /** Set when the circuit (re)opened: the next probe may go this long from now. */
  openForMs: number | null;
  /** The circuit went from closed to open. */
  opened: boolean;
}

export const CLOSED_CIRCUIT: Circuit = { state: 'closed', failures: 0, cooldownMs: null, lastFailure: null };

export function circuitAfter(
  circuit: Circuit,
  events: readonly ReachabilityEvent[],
  policy: CircuitPolicy,
): CircuitTransition {
  let current = circuit;
  let openForMs: number | null = null;
  let opened = false;
  for (const event of events) {
    if (event.kind === 'responded') {
      current = { ...CLOSED_CIRCUIT, lastFailure: current.lastFailure };
      openForMs = null;
      continue;
    }
    const failures = current.failures + 1;
    const lastFailure = event.reason;
    if (current.state === 'closed' && failures >= policy.threshold) {
      current = { state: 'open', failures, cooldownMs: policy.cooldownMs, lastFailure };
      openForMs = policy.cooldownMs;
      opened = true;
    } else if (current.state === 'half_open' && event.probe) {
      const cooldownMs = Math.min(policy.maxCooldownMs, (current.cooldownMs ?? policy.cooldownMs) * 2);
      current = { state: 'open', failures, cooldownMs, lastFailure };
      openForMs = cooldownMs;
    } else {
      // a request that was already under way when the circuit opened, or one more failure while closed
      current = { ...current, failures, lastFailure };
    }
  }
  return { circuit: current, openForMs, opened: opened && current.state === 'open' };
}

/** Whether a relay may send the one probe now; `retryInMs` is the time left until the probe is due. */
export function probeDue(state: CircuitState, retryInMs: number | null): boolean {
  return state !== 'closed' && (retryInMs === null || retryInMs <= 0);
}

export function sameCircuit(a: Circuit, b: Circuit): boolean {
  return (
    a.state === b.state &&
    a.failures === b.failures &&
    a.cooldownMs === b.cooldownMs &&
    a.lastFailure === b.lastFailure
  );
}

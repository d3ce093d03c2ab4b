import type { DestinationState } from './destinations.repository';
import { DestinationResponse } from './destination.response';

/** A pause is shown only while it lasts at `now`; the next probe only while the circuit is open. */
export function toDestinationResponse(destination: DestinationState, now: Date): DestinationResponse {
  const { pausedUntil } = destination;
  return {
    origin: destination.origin,
    circuit: destination.circuit,
    failures: destination.failures,
    opened_at: destination.openedAt?.toISOString() ?? null,
    next_probe_at: destination.circuit === 'open' ? (destination.retryAt?.toISOString() ?? null) : null,
    paused_until: pausedUntil !== null && pausedUntil > now ? pausedUntil.toISOString() : null,
    last_failure: destination.lastFailure,
  };
}

/**
 * How a relay shares the jobs it may start now: accounts first, then each account's destinations, then
 * each destination's webhooks (lanes). One job at a time goes to whoever has the fewest requests under
 * way at each level (max-min fairness, a deficit round-robin whose deficit is the work in flight), so an
 * account with a million queued jobs and one with a single new job each get half of what is free, and a
 * destination that holds its slots for seconds cannot gather everyone else's. Pure: the relay passes
 * what it has in flight and what each destination and lane may take.
 */
export interface LaneDemand {
  /** The lane: one webhook's due jobs. */
  id: string;
  accountId: string;
  destinationId: string;
  /** Requests of this lane under way in this relay. */
  inFlight: number;
  /** Most new jobs the lane may start now (its rate limit's free slots); Infinity without a limit. */
  maxNew: number;
}

export interface DestinationRoom {
  /** Requests to the destination under way in this relay. */
  inFlight: number;
  /** How many more may start now: its adaptive limit minus `inFlight`, 1 for a probe, 0 when blocked. */
  free: number;
}

export interface ClaimPlanInput {
  /** Jobs this claim may take in all (free slots of the relay, at most one batch). */
  room: number;
  /** Lanes with due jobs, oldest work first: a tie goes to the earlier lane. */
  lanes: readonly LaneDemand[];
  destinations: ReadonlyMap<string, DestinationRoom>;
  /** Requests under way per account in this relay; a missing account has none. */
  accountsInFlight: ReadonlyMap<string, number>;
}

interface LaneNode {
  id: string;
  load: number;
  left: number;
}
interface DestinationNode {
  load: number;
  free: number;
  lanes: LaneNode[];
}
interface AccountNode {
  load: number;
  destinations: DestinationNode[];
}

/** Lane id → jobs to claim for it (lanes that get none are left out). */
export function planClaim(input: ClaimPlanInput): Map<string, number> {
  const accounts = buildTree(input);
  const quotas = new Map<string, number>();
  for (let granted = 0; granted < input.room; granted++) {
    const account = leastLoaded(accounts, (a) => a.destinations.some(destinationCanTake));
    if (!account) break;
    const destination = leastLoaded(account.destinations, destinationCanTake);
    const lane = destination && leastLoaded(destination.lanes, (l) => l.left > 0);
    if (!destination || !lane) break;
    account.load++;
    destination.load++;
    destination.free--;
    lane.load++;
    lane.left--;
    quotas.set(lane.id, (quotas.get(lane.id) ?? 0) + 1);
  }
  return quotas;
}

function destinationCanTake(d: DestinationNode): boolean {
  return d.free > 0 && d.lanes.some((l) => l.left > 0);
}

/** The first node with the least load among those that `canTake`: first means oldest work on a tie. */
function leastLoaded<T extends { load: number }>(
  nodes: readonly T[],
  canTake: (n: T) => boolean,
): T | undefined {
  let best: T | undefined;
  for (const node of nodes) {
    if ((best === undefined || node.load < best.load) && canTake(node)) best = node;
  }
  return best;
}

function buildTree(input: ClaimPlanInput): AccountNode[] {
  const accounts = new Map<string, AccountNode>();
  const destinations = new Map<string, DestinationNode>();
  for (const lane of input.lanes) {
    let account = accounts.get(lane.accountId);
    if (!account) {
      account = { load: input.accountsInFlight.get(lane.accountId) ?? 0, destinations: [] };
      accounts.set(lane.accountId, account);
    }
    let destination = destinations.get(lane.destinationId);
    if (!destination) {
      const room = input.destinations.get(lane.destinationId);
      destination = { load: room?.inFlight ?? 0, free: Math.max(0, room?.free ?? 0), lanes: [] };
      destinations.set(lane.destinationId, destination);
      account.destinations.push(destination);
    }
    destination.lanes.push({ id: lane.id, load: lane.inFlight, left: Math.max(0, lane.maxNew) });
  }
  return [...accounts.values()];
}

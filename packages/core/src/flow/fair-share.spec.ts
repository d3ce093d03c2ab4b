import { describe, expect, it } from 'vitest';
import { planClaim, type DestinationRoom, type LaneDemand } from './fair-share';

const lane = (id: string, accountId: string, destinationId: string, more: Partial<LaneDemand> = {}) => ({
  id,
  accountId,
  destinationId,
  inFlight: 0,
  maxNew: Number.POSITIVE_INFINITY,
  ...more,
});
const rooms = (entries: Record<string, Partial<DestinationRoom>>) =>
  new Map(Object.entries(entries).map(([id, r]) => [id, { inFlight: 0, free: 100, ...r }]));
const total = (quotas: Map<string, number>) => [...quotas.values()].reduce((a, b) => a + b, 0);

describe('planClaim', () => {
  it("gives a new account's lone job a place beside another account's backlog", () => {
    const quotas = planClaim({
      room: 10,
      lanes: [lane('a1', 'A', 'dA'), lane('b1', 'B', 'dB')],
      destinations: rooms({ dA: {}, dB: { free: 100 } }),
      accountsInFlight: new Map([['A', 200]]),
    });
    // B has nothing under way: everything free goes to B until it holds as much as A would
    expect(quotas.get('b1')).toBe(10);
    expect(quotas.get('a1')).toBeUndefined();
  });

  it('splits evenly between accounts with equal load, oldest work first on a tie', () => {
    const quotas = planClaim({
      room: 7,
      lanes: [lane('a1', 'A', 'dA'), lane('b1', 'B', 'dB')],
      destinations: rooms({ dA: {}, dB: {} }),
      accountsInFlight: new Map(),
    });
    expect(quotas.get('a1')).toBe(4);
    expect(quotas.get('b1')).toBe(3);
  });

  it('stops a destination at its free slots and gives the rest to the others', () => {
    const quotas = planClaim({
      room: 50,
      lanes: [lane('slow', 'A', 'dSlow'), lane('fast', 'A', 'dFast')],
      destinations: rooms({ dSlow: { inFlight: 4, free: 0 }, dFast: { free: 30 } }),
      accountsInFlight: new Map([['A', 4]]),
    });
    expect(quotas.get('slow')).toBeUndefined();
    expect(quotas.get('fast')).toBe(30);
    expect(total(quotas)).toBe(30);
  });

  it("shares a destination's slots between its webhooks and honours each one's rate slots", () => {
    const quotas = planClaim({
      room: 100,
      lanes: [
        lane('w1', 'A', 'd', { maxNew: 2 }),
        lane('w2', 'A', 'd'),
        lane('w3', 'A', 'd', { inFlight: 6 }),
      ],
      destinations: rooms({ d: { inFlight: 6, free: 12 } }),
      accountsInFlight: new Map([['A', 6]]),
    });
    expect(quotas.get('w1')).toBe(2);
    expect(quotas.get('w2')).toBe(8);
    expect(quotas.get('w3')).toBe(2);
  });

  it('levels destinations within an account by what each has under way', () => {
    const quotas = planClaim({
      room: 6,
      lanes: [lane('x', 'A', 'dx'), lane('y', 'A', 'dy')],
      destinations: rooms({ dx: { inFlight: 4 }, dy: {} }),
      accountsInFlight: new Map([['A', 4]]),
    });
    expect(quotas.get('y')).toBe(5);
    expect(quotas.get('x')).toBe(1);
  });

  it('takes nothing for blocked destinations and unknown ones', () => {
    const quotas = planClaim({
      room: 5,
      lanes: [lane('open', 'A', 'dOpen'), lane('unknown', 'A', 'dUnknown')],
      destinations: rooms({ dOpen: { free: 0 } }),
      accountsInFlight: new Map(),
    });
    expect(quotas.size).toBe(0);
  });

  it('never hands out more than the room', () => {
    const lanes = Array.from({ length: 40 }, (_, i) => lane(`l${i}`, `acc${i % 7}`, `d${i % 11}`));
    const destinations = rooms(
      Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`d${i}`, { free: 3 }])),
    );
    const quotas = planClaim({ room: 25, lanes, destinations, accountsInFlight: new Map() });
    expect(total(quotas)).toBe(25);
    const all = planClaim({ room: 1000, lanes, destinations, accountsInFlight: new Map() });
    expect(total(all)).toBe(33);
  });
});

import { describe, expect, it } from 'vitest';
import {
  CLOSED_CIRCUIT,
  circuitAfter,
  probeDue,
  type Circuit,
  type CircuitPolicy,
  type ReachabilityEvent,
} from './circuit';

const POLICY: CircuitPolicy = { threshold: 3, cooldownMs: 1000, maxCooldownMs: 5000 };
const fail = (probe = false): ReachabilityEvent => ({ kind: 'unreachable', probe, reason: 'timeout' });
const answer = (probe = false): ReachabilityEvent => ({ kind: 'responded', probe });

describe('circuit', () => {
  it('opens after the threshold of failures in a row, with the first cool-down', () => {
    const two = circuitAfter(CLOSED_CIRCUIT, [fail(), fail()], POLICY);
    expect(two.circuit.state).toBe('closed');
    expect(two.openForMs).toBeNull();
    const three = circuitAfter(two.circuit, [fail()], POLICY);
    expect(three.circuit).toEqual({ state: 'open', failures: 3, cooldownMs: 1000, lastFailure: 'timeout' });
    expect(three.openForMs).toBe(1000);
    expect(three.opened).toBe(true);
  });

  it('counts only failures in a row: an answer in between starts over', () => {
    const result = circuitAfter(CLOSED_CIRCUIT, [fail(), fail(), answer(), fail(), fail()], POLICY);
    expect(result.circuit.state).toBe('closed');
    expect(result.circuit.failures).toBe(2);
  });

  it('does not move the cool-down for failures of requests sent before it opened', () => {
    const open: Circuit = { state: 'open', failures: 3, cooldownMs: 1000, lastFailure: 'timeout' };
    const result = circuitAfter(open, [fail(), fail()], POLICY);
    expect(result.circuit.state).toBe('open');
    expect(result.openForMs).toBeNull();
    expect(result.opened).toBe(false);
  });

  it('reopens with a doubled cool-down when the probe fails, up to the maximum', () => {
    let circuit: Circuit = { state: 'half_open', failures: 3, cooldownMs: 1000, lastFailure: 'timeout' };
    const cooldowns: (number | null)[] = [];
    for (let i = 0; i < 4; i++) {
      const result = circuitAfter(circuit, [fail(true)], POLICY);
      cooldowns.push(result.openForMs);
      circuit = { ...result.circuit, state: 'half_open' };
    }
    expect(cooldowns).toEqual([2000, 4000, 5000, 5000]);
  });

  it('waits for the probe itself while half-open: an older failure does not reopen it', () => {
    const half: Circuit = { state: 'half_open', failures: 3, cooldownMs: 1000, lastFailure: 'timeout' };
    const result = circuitAfter(half, [fail(false)], POLICY);
    expect(result.circuit.state).toBe('half_open');
    expect(result.openForMs).toBeNull();
  });

  it('closes on any answer: the probe, or a late one', () => {
    const half: Circuit = { state: 'half_open', failures: 5, cooldownMs: 4000, lastFailure: 'timeout' };
    expect(circuitAfter(half, [answer(true)], POLICY).circuit).toEqual({
      ...CLOSED_CIRCUIT,
      lastFailure: 'timeout',
    });
    const open: Circuit = { ...half, state: 'open' };
    expect(circuitAfter(open, [answer(false)], POLICY).circuit.state).toBe('closed');
  });

  it('lets a probe go once the cool-down (or a lost probe lease) has run out', () => {
    expect(probeDue('closed', -5)).toBe(false);
    expect(probeDue('open', 10)).toBe(false);
    expect(probeDue('open', 0)).toBe(true);
    expect(probeDue('half_open', 100)).toBe(false);
    expect(probeDue('half_open', -1)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { type SendResult } from '../http/http-sender';
import { flowSignalsOf } from './flow-signals';

const now = new Date('2026-12-04T12:00:00Z');
const answer = (status: number, headers: Record<string, string> = {}, durationMs = 20): SendResult => ({
  kind: 'response',
  status,
  headers,
  body: '',
  durationMs,
});
const signals = (result: SendResult) => flowSignalsOf(result, { fastMs: 1000, now, maxPauseMs: 600_000 });

describe('flowSignalsOf', () => {
  it('reads a quick 2xx as fast and reachable, with no pause', () => {
    expect(signals(answer(200))).toEqual({ limit: 'fast', reachable: true, pauseMs: null });
  });

  it('pauses the destination for a 429: its Retry-After, or a second without one', () => {
    expect(signals(answer(429, { 'retry-after': '2' }))).toEqual({
      limit: 'overload',
      reachable: true,
      pauseMs: 2000,
    });
    expect(signals(answer(429)).pauseMs).toBe(1000);
    expect(signals(answer(503, { 'retry-after': '5' })).pauseMs).toBe(5000);
    expect(signals(answer(503)).pauseMs).toBeNull();
  });

  it('clamps a pause asked for the whole destination', () => {
    expect(signals(answer(429, { 'retry-after': '86400' })).pauseMs).toBe(600_000);
  });

  it('counts timeouts and network errors as unreachable, refusals as nothing', () => {
    const error = (kind: 'timeout' | 'network' | 'ssrf'): SendResult => ({
      kind: 'error',
      error: kind,
      message: kind,
      durationMs: 5,
    });
    expect(signals(error('timeout'))).toEqual({ limit: 'overload', reachable: false, pauseMs: null });
    expect(signals(error('network')).reachable).toBe(false);
    expect(signals(error('ssrf'))).toEqual({ limit: null, reachable: null, pauseMs: null });
  });
});

import { describe, expect, it } from 'vitest';
import { OriginThroughput } from './origin-throughput';

function clock(start = 0) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('OriginThroughput', () => {
  it('projects the second under way per origin, from at least a tenth of it', () => {
    const time = clock();
    const throughput = new OriginThroughput(time.now);
    for (let i = 0; i < 30; i++) throughput.recordFinished('a.example');
    throughput.recordFinished('b.example');
    time.advance(10);
    expect(throughput.perSecond('a.example')).toBe(300);
    time.advance(390);
    expect(throughput.perSecond('a.example')).toBe(75);
    expect(throughput.perSecond('b.example')).toBe(2);
    expect(throughput.perSecond('c.example')).toBe(0);
  });

  it('keeps the last whole second while the next one fills, then forgets an origin gone quiet', () => {
    const time = clock(5_000);
    const throughput = new OriginThroughput(time.now);
    for (let i = 0; i < 100; i++) throughput.recordFinished('a.example');
    time.advance(1_100);
    for (let i = 0; i < 10; i++) throughput.recordFinished('a.example');
    expect(throughput.perSecond('a.example')).toBe(100);
    time.advance(1_000);
    expect(throughput.perSecond('a.example')).toBe(10);
    time.advance(1_000);
    expect(throughput.perSecond('a.example')).toBe(0);
  });

  it('forgets everything after a quiet gap longer than a second', () => {
    const time = clock();
    const throughput = new OriginThroughput(time.now);
    for (let i = 0; i < 50; i++) throughput.recordFinished('a.example');
    time.advance(2_500);
    expect(throughput.perSecond('a.example')).toBe(0);
    throughput.recordFinished('a.example');
    expect(throughput.perSecond('a.example')).toBeGreaterThan(0);
  });
});

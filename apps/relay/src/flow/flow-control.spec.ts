import { describe, expect, it } from 'vitest';
import { type DestinationState, type Lane } from '../outbox/types';
import { FlowControl } from './flow-control';

const POLICY = {
  limit: { initial: 4, min: 1, max: 16, decrease: 0.5, fastMs: 1000 },
  rateHorizonMs: 1000,
};

function lane(webhookId: string, more: Partial<Lane> = {}): Lane {
  return {
    webhookId,
    accountId: 'a',
    active: true,
    destination: destination(`d-${webhookId}`),
    rateLimit: null,
    dueForMs: 10,
    rateWaitMs: null,
    ...more,
  };
}

function destination(id: string, more: Partial<DestinationState> = {}): DestinationState {
  return {
    id,
    circuit: { state: 'closed', failures: 0, cooldownMs: null, lastFailure: null },
    version: 1,
    retryInMs: null,
    pausedForMs: null,
    ...more,
  };
}

const job = (webhookId: string, destinationId: string | null = `d-${webhookId}`) => ({
  webhookId,
  accountId: 'a',
  destinationId,
});

describe('FlowControl.plan', () => {
  it("takes up to a destination's limit, minus what is in flight", () => {
    const flow = new FlowControl(POLICY);
    expect(flow.plan({ lanes: [lane('w')], room: 100 }).lanes).toMatchObject([{ webhookId: 'w', quota: 4 }]);
    flow.started(job('w'));
    flow.started(job('w'));
    expect(flow.plan({ lanes: [lane('w')], room: 100 }).lanes).toMatchObject([{ quota: 2 }]);
  });

  it('takes nothing from a paused destination or an open circuit before its cool-down, and says when', () => {
    const flow = new FlowControl(POLICY);
    const plan = flow.plan({
      lanes: [
        lane('paused', { destination: destination('p', { pausedForMs: 1500 }) }),
        lane('open', {
          destination: destination('o', {
            circuit: { state: 'open', failures: 5, cooldownMs: 10_000, lastFailure: 'timeout' },
            retryInMs: 700,
          }),
        }),
        lane('later', { dueForMs: -300 }),
      ],
      room: 100,
    });
    expect(plan.lanes).toEqual([]);
    expect(plan.nextReadyInMs).toBe(300);
  });

  it('sends one probe once the cool-down is over, carrying the version for the compare-and-set', () => {
    const flow = new FlowControl(POLICY);
    const open = destination('o', {
      circuit: { state: 'open', failures: 5, cooldownMs: 10_000, lastFailure: 'timeout' },
      retryInMs: -1,
      version: 7,
    });
    const plan = flow.plan({
      lanes: [lane('a', { destination: open }), lane('b', { destination: open })],
      room: 100,
    });
    expect(plan.lanes).toEqual([
      {
        webhookId: 'a',
        accountId: 'a',
        quota: 1,
        destinationId: 'o',
        probe: { destinationId: 'o', version: 7 },
      },
    ]);
  });

  it("takes a rate-limited webhook's free slots only", () => {
    const flow = new FlowControl(POLICY);
    const plan = flow.plan({ lanes: [lane('r', { rateLimit: 2, rateWaitMs: 0 })], room: 100 });
    expect(plan.lanes).toMatchObject([{ webhookId: 'r', quota: 2, rateIntervalMs: 500 }]);
    const busy = flow.plan({ lanes: [lane('r', { rateLimit: 2, rateWaitMs: 1400 })], room: 100 });
    expect(busy.lanes).toEqual([]);
    expect(busy.nextReadyInMs).toBe(400);
  });

  it('lists lanes of inactive webhooks to pause, and plans a webhook without a destination on its own', () => {
    const flow = new FlowControl(POLICY);
    const plan = flow.plan({
      lanes: [lane('off', { active: false }), lane('legacy', { destination: null })],
      room: 100,
    });
    expect(plan.inactive).toEqual(['off']);
    expect(plan.lanes).toMatchObject([{ webhookId: 'legacy', quota: 4, destinationId: null }]);
  });
});

describe('FlowControl wake-ups and limits', () => {
  it('wakes the loop when a quarter of a full destination is free again, not for every slot', () => {
    const flow = new FlowControl({ ...POLICY, limit: { ...POLICY.limit, initial: 8 } });
    for (let i = 0; i < 8; i++) flow.started(job('w'));
    expect(flow.plan({ lanes: [lane('w')], room: 100 }).lanes).toEqual([]);
    expect(flow.finished(job('w'))).toBe(false);
    expect(flow.finished(job('w'))).toBe(true);
    expect(flow.finished(job('w'))).toBe(false);
  });

  it('grows the limit on fast answers and halves it on overload', () => {
    const flow = new FlowControl(POLICY);
    for (let i = 0; i < 4; i++) flow.started(job('w'));
    for (let i = 0; i < 4; i++) flow.finished(job('w'), { signal: 'fast', startedAt: Date.now() });
    expect(flow.limitOf('d-w')).toBe(6);
    flow.started(job('w'));
    flow.finished(job('w'), { signal: 'overload', startedAt: Date.now() });
    expect(flow.limitOf('d-w')).toBe(3);
    expect(flow.sending).toBe(0);
  });

  it('holds a paused destination back locally until the pause ends', () => {
    let now = 1000;
    const flow = new FlowControl(POLICY, () => now);
    flow.pause('d-w', 2000);
    expect(flow.pausedForMs('d-w')).toBe(2000);
    expect(flow.plan({ lanes: [lane('w')], room: 100 }).lanes).toEqual([]);
    now += 2000;
    expect(flow.plan({ lanes: [lane('w')], room: 100 }).lanes).toMatchObject([{ quota: 4 }]);
  });
});

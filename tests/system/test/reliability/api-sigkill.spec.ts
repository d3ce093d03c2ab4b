import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sleep, type Stack, startStack } from '../../src';
import { createWebhook } from './support/fixtures';

/**
 * The API is SIGKILLed three times while 16 clients create, update and delete elements. Afterwards the
 * database must show the outbox as one transaction: every element change has its snapshot and exactly one
 * job per webhook that matched it, and nothing half-written. No relay runs, so every job stays to count.
 */
const KILLS = 3;

// active webhooks per (element, trigger); a disabled one must never get jobs
const MATCHING: Record<string, number> = {
  'group:create': 3,
  'group:update': 1,
  'group:delete': 1,
  'event:create': 2,
  'rsvp:create': 1,
};

describe('API SIGKILLed in the middle of element writes', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ relays: 0 });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('leaves no element without its snapshot and jobs, and no job without its element', async () => {
    const url = 'http://127.0.0.1:9/never-delivered';
    for (const [key, count] of Object.entries(MATCHING)) {
      const [element, trigger] = key.split(':') as [
        'group' | 'event' | 'rsvp',
        'create' | 'update' | 'delete',
      ];
      for (let i = 0; i < count; i++) await createWebhook(stack.client, { name: key, element, trigger, url });
    }
    await createWebhook(stack.client, {
      name: 'disabled',
      element: 'group',
      trigger: 'create',
      url,
      status: 'disabled',
    });
    const event = await stack.client.create<{ id: string }>('/v1/events', {
      title: 'parent',
      status: 'published',
    });

    let acknowledged = 0;
    let failedRequests = 0;
    for (let round = 0; round < KILLS; round++) {
      let running = true;
      const client = stack.client;
      const writer = async (worker: number) => {
        for (let i = 0; running; i++) {
          try {
            const kind = (worker + i) % 4;
            if (kind === 3) {
              const res = await client.post(`/v1/events/${event.id}/rsvps`, {
                email: `w${worker}-${i}@example.com`,
                name: 'Ada',
                status: 'yes',
              });
              if (res.status === 201) acknowledged++;
              continue;
            }
            const res = await client.post<{ id: string }>('/v1/groups', { name: `w${worker} ${i}` });
            if (res.status !== 201) continue;
            acknowledged++;
            if (kind === 1) await client.patch(`/v1/groups/${res.body.id}`, { name: `renamed ${i}` });
            if (kind === 2) await client.delete(`/v1/groups/${res.body.id}`);
          } catch {
            failedRequests++; // the API died under this request
            await sleep(50);
          }
        }
      };
      const writers = Array.from({ length: 16 }, (_, w) => writer(w));
      await sleep(1500 + round * 500);
      await stack.restartApi(); // SIGKILL, then a fresh process
      running = false;
      await Promise.all(writers);
    }

    const q = stack.db.query.bind(stack.db);
    // every change has exactly the jobs of the webhooks that matched it at the time (static here)
    const snapshots = await q<{ element: string; trigger: string; jobs: number; n: number }>(
      `SELECT s.element, s.trigger, jobs, count(*)::int AS n
         FROM (SELECT s.id, s.element, s.trigger, (SELECT count(*)::int FROM deliveries d WHERE d.snapshot_id = s.id) AS jobs
                 FROM element_snapshots s) s
        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    );
    const wrong = snapshots.filter((s) => s.jobs !== (MATCHING[`${s.element}:${s.trigger}`] ?? 0));
    expect(wrong).toEqual([]);

    // every element that exists has its create snapshot
    const orphanElements = await q(
      `SELECT 'group' AS element, id FROM groups g
        WHERE NOT EXISTS (SELECT 1 FROM element_snapshots s WHERE s.element = 'group' AND s.element_id = g.id AND s.trigger = 'create')
       UNION ALL
       SELECT 'rsvp', id FROM rsvps r
        WHERE NOT EXISTS (SELECT 1 FROM element_snapshots s WHERE s.element = 'rsvp' AND s.element_id = r.id AND s.trigger = 'create')`,
    );
    expect(orphanElements).toEqual([]);

    // every snapshot belongs to an element that exists, or whose delete was recorded too
    const orphanSnapshots = await q(
      `SELECT s.element, s.element_id, s.trigger FROM element_snapshots s
        WHERE NOT EXISTS (SELECT 1 FROM groups g WHERE g.id = s.element_id)
          AND NOT EXISTS (SELECT 1 FROM events e WHERE e.id = s.element_id)
          AND NOT EXISTS (SELECT 1 FROM rsvps r WHERE r.id = s.element_id)
          AND NOT EXISTS (SELECT 1 FROM element_snapshots x WHERE x.element_id = s.element_id AND x.trigger = 'delete')`,
    );
    expect(orphanSnapshots).toEqual([]);
    // an update or delete snapshot always follows its create
    const withoutCreate = await q(
      `SELECT s.element_id FROM element_snapshots s WHERE s.trigger <> 'create' AND s.element_id <> $1
          AND NOT EXISTS (SELECT 1 FROM element_snapshots c WHERE c.element_id = s.element_id AND c.trigger = 'create')`,
      [event.id],
    );
    expect(withoutCreate).toEqual([]);
    // a deleted group is gone: its delete snapshot means the row was removed in the same transaction
    const deletedButPresent = await q(
      `SELECT s.element_id FROM element_snapshots s JOIN groups g ON g.id = s.element_id WHERE s.trigger = 'delete'`,
    );
    expect(deletedButPresent).toEqual([]);

    const [totals] = await q<{ snapshots: number; jobs: number; groups: number; rsvps: number }>(
      `SELECT (SELECT count(*)::int FROM element_snapshots) AS snapshots, (SELECT count(*)::int FROM deliveries) AS jobs,
              (SELECT count(*)::int FROM groups) AS groups, (SELECT count(*)::int FROM rsvps) AS rsvps`,
    );
    expect(acknowledged).toBeGreaterThan(0);
    console.log(
      `[reliability] api-sigkill: kills=${KILLS} acknowledged-creates=${acknowledged} failed-requests(cut-or-refused-while-down)=${failedRequests} ` +
        `snapshots=${totals?.snapshots} jobs=${totals?.jobs} groups=${totals?.groups} rsvps=${totals?.rsvps} inconsistent=0`,
    );
  });
});

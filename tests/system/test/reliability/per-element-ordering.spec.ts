import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  runBounded,
  seededRandom,
  startReceiver,
  startStack,
  waitUntil,
  type ApiClient,
  type ReceivedRequest,
  type Receiver,
  type Stack,
} from '../../src';

/**
 * A CMS mirror: three `per_element` webhooks (create → POST, update → PATCH, delete → DELETE) to one
 * receiver that fails one request in ten with a 500, two relays. Every group's requests must be
 * accepted in the order its changes were committed, however the retries and relays interleave.
 */

/** One step of a group's life, as the receiver tells it from the request. */
type Step = 'create' | 'update v1' | 'update v2' | 'delete';
const LIFE: Step[] = ['create', 'update v1', 'update v2', 'delete'];

interface Accepted {
  groupId: string;
  step: Step;
  deliveryId: string;
}

/** Long enough that a job failing one time in ten, or hanging for a while, still ends delivered. */
const PATIENT_RETRY_SCHEDULE = '0,200ms,300ms,500ms,1s,1s,2s,2s,2s,3s,3s,3s,3s,3s,3s,3s,3s,3s,3s,3s';

function stepOf(request: ReceivedRequest): Step {
  if (request.method === 'POST') return 'create';
  if (request.method === 'DELETE') return 'delete';
  const name = (JSON.parse(request.body) as { element_data: { name: string } }).element_data.name;
  return name.endsWith('v1') ? 'update v1' : 'update v2';
}

/** Each group's accepted steps; a delivery accepted twice in a row (a relay died before recording it) counts once. */
function acceptedSteps(accepted: Accepted[]): Map<string, Step[]> {
  const byGroup = new Map<string, Accepted[]>();
  for (const a of accepted) byGroup.set(a.groupId, [...(byGroup.get(a.groupId) ?? []), a]);
  return new Map(
    [...byGroup].map(([groupId, list]) => [
      groupId,
      list.filter((a, i) => i === 0 || list[i - 1]?.deliveryId !== a.deliveryId).map((a) => a.step),
    ]),
  );
}

describe('per-element ordering: each element is delivered in commit order, elements do not wait for each other', () => {
  let stack: Stack;
  let receiver: Receiver;
  let client: ApiClient;
  const accepted: Accepted[] = [];
  let hangingGroup: string | null = null;
  const random = seededRandom(1865);

  beforeAll(async () => {
    receiver = await startReceiver({
      reply: (request) => {
        if (hangingGroup && request.url.includes(hangingGroup)) return { hang: true };
        if (random() < 0.1) return { status: 500 };
        const groupId = request.url.split('/').pop() ?? '';
        accepted.push({ groupId, step: stepOf(request), deliveryId: request.headers['webhook-id'] ?? '' });
        return { status: 200 };
      },
    });
    stack = await startStack({ relays: 2, extra: { HOOKRELAY_RETRY_SCHEDULE: PATIENT_RETRY_SCHEDULE } });
    client = stack.client;
    const mirror = (trigger: string, method: string) =>
      client.create('/v1/webhooks', {
        name: `CMS mirror: ${trigger}`,
        trigger,
        element: 'group',
        method,
        url: receiver.url('/groups/{{id}}'),
        ordering: 'per_element',
        headers: [],
        body: [],
      });
    await mirror('create', 'POST');
    await mirror('update', 'PATCH');
    await mirror('delete', 'DELETE');
  }, 60_000);

  afterAll(async () => {
    await stack?.stop();
    await receiver?.close();
  });

  /** Creates, renames twice and deletes a group, each change committed before the next is sent. */
  async function liveAndDie(label: string): Promise<string> {
    const group = await client.create<{ id: string }>('/v1/groups', { name: `${label} v0` });
    for (const name of [`${label} v1`, `${label} v2`]) {
      const res = await client.patch(`/v1/groups/${group.id}`, { name });
      if (res.status !== 200) throw new Error(`PATCH → ${res.status}: ${JSON.stringify(res.body)}`);
    }
    const res = await client.delete(`/v1/groups/${group.id}`);
    if (res.status !== 204) throw new Error(`DELETE → ${res.status}: ${JSON.stringify(res.body)}`);
    return group.id;
  }

  const statusCounts = async (groupIds: string[]) =>
    Object.fromEntries(
      (
        await stack.db.query<{ status: string; n: number }>(
          `SELECT d.status, count(*)::int AS n FROM deliveries d JOIN element_snapshots s ON s.id = d.snapshot_id
            WHERE s.element_id = ANY($1) GROUP BY d.status`,
          [groupIds],
        )
      ).map((row) => [row.status, row.n]),
    );

  it('200 groups × create, update, update, delete with retries and two relays; one hanging group holds back only itself', async () => {
    const slow = await client.create<{ id: string }>('/v1/groups', { name: 'slow v0' });
    hangingGroup = slow.id;
    await client.patch(`/v1/groups/${slow.id}`, { name: 'slow v1' });

    const groups = await runBounded(200, 20, (i) => liveAndDie(`group ${i}`));

    await waitUntil(() => groups.every((id) => acceptedSteps(accepted).get(id)?.at(-1) === 'delete'), {
      timeoutMs: 90_000,
      describe: () =>
        `done: ${groups.filter((id) => acceptedSteps(accepted).get(id)?.at(-1) === 'delete').length}/200`,
    });
    const steps = acceptedSteps(accepted);
    for (const id of groups) expect(steps.get(id), id).toEqual(LIFE);
    expect(await statusCounts(groups)).toEqual({ delivered: 800 });

    // the hanging group's create is still being retried; its update waits for it, and says so
    expect(steps.get(slow.id)).toBeUndefined();
    const deliveries = await client.get<{
      items: Array<{ id: string; waiting_for: string | null; attempts: number }>;
    }>(`/v1/deliveries?element=group&element_id=${slow.id}&limit=10`);
    const [create, update] = [...deliveries.body.items].reverse();
    expect(create?.attempts).toBeGreaterThan(0);
    expect(create?.waiting_for).toBeNull();
    expect(update?.attempts).toBe(0);
    expect(update?.waiting_for).toBe(create?.id);

    // the host answers again: the rest of its life follows, in order
    hangingGroup = null;
    await client.patch(`/v1/groups/${slow.id}`, { name: 'slow v2' });
    await client.delete(`/v1/groups/${slow.id}`);
    await waitUntil(() => acceptedSteps(accepted).get(slow.id)?.at(-1) === 'delete', {
      timeoutMs: 60_000,
      describe: () => `slow group so far: ${JSON.stringify(acceptedSteps(accepted).get(slow.id))}`,
    });
    expect(acceptedSteps(accepted).get(slow.id)).toEqual(LIFE);
  }, 240_000);

  it("a relay killed with SIGKILL mid-way loses nothing and breaks no element's order", async () => {
    const before = accepted.length;
    const changes = runBounded(100, 20, (i) => liveAndDie(`killed ${i}`));
    await waitUntil(() => accepted.length - before >= 100, { timeoutMs: 60_000 });
    await stack.respawnRelay(stack.relays[0]!);
    const groups = await changes;

    await waitUntil(() => groups.every((id) => acceptedSteps(accepted).get(id)?.at(-1) === 'delete'), {
      timeoutMs: 90_000,
      describe: () =>
        `done: ${groups.filter((id) => acceptedSteps(accepted).get(id)?.at(-1) === 'delete').length}/100`,
    });
    const steps = acceptedSteps(accepted);
    for (const id of groups) expect(steps.get(id), id).toEqual(LIFE);
    expect(await statusCounts(groups)).toEqual({ delivered: 400 });
  }, 240_000);
});

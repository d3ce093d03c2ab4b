import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver, startStack, type Receiver, type Stack } from '../../src';

/**
 * DESIGN §1 "Related data", end to end: API and relay as real processes. An RSVP's webhook renders its
 * event and group, taken in the change's transaction, and element_data carries them too.
 */
describe('end to end: related data reaches the receiver', () => {
  let stack: Stack;
  let receiver: Receiver;

  beforeAll(async () => {
    receiver = await startReceiver();
    stack = await startStack({ extra: { HOOKRELAY_RETRY_SCHEDULE: '0,200ms,500ms' } });
  });

  afterAll(async () => {
    await stack?.stop();
    await receiver?.close();
  });

  it('renders {{event.title}} and {{group.name}} of an RSVP, as they were at the change', async () => {
    const { client } = stack;
    await client.create('/v1/webhooks', {
      name: 'sign-ups with their event',
      trigger: 'create',
      element: 'rsvp',
      method: 'POST',
      url: receiver.url('/hooks/rsvp'),
      headers: [{ key: 'x-event', value: '{{ event.title }}' }],
      body: [
        { key: 'summary', value: '{{ name }} signed up for {{ event.title }} ({{ group.name }})' },
        { key: 'starts', value: '{{ event.dates[0].start }}' },
        { key: 'event_status', value: '{{ event.status }}' },
      ],
    });
    const group = await client.create<{ id: string }>('/v1/groups', { name: 'Meetups' });
    const event = await client.create<{ id: string; dates: { start: string }[] }>('/v1/events', {
      group_id: group.id,
      title: 'Launch party',
      status: 'published',
      dates: [{ start: '2027-01-15T18:00:00Z', time_zone: 'Europe/Berlin' }],
    });
    const rsvp = await client.create<{ id: string }>(`/v1/events/${event.id}/rsvps`, {
      email: 'ada@example.com',
      name: 'Ada',
    });
    // renamed after the sign-up: the delivery still carries the names as they were at the change
    await client.request('PATCH', `/v1/events/${event.id}`, { title: 'Renamed later' });
    await client.request('PATCH', `/v1/groups/${group.id}`, { name: 'Renamed group' });

    const [request] = await receiver.waitFor(1, 30_000);
    expect(request?.url).toBe('/hooks/rsvp');
    expect(request?.headers['x-event']).toBe('Launch party');
    const payload = JSON.parse(request!.body) as Record<string, unknown>;
    expect(payload).toMatchObject({
      summary: 'Ada signed up for Launch party (Meetups)',
      starts: event.dates[0]!.start,
      event_status: 'published',
      element_data: {
        id: rsvp.id,
        event_id: event.id,
        email: 'ada@example.com',
        event: { id: event.id, title: 'Launch party', status: 'published', group_id: group.id },
        group: { id: group.id, name: 'Meetups' },
      },
    });
  });
});

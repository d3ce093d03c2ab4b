import {
  startReceiver,
  startStack,
  type ApiClient,
  type Receiver,
  type ReplyFunction,
  type Stack,
} from '@hookrelay/system-tests';

/**
 * One attempt at once, the next one ten minutes later: a failed delivery stays pending with its failed
 * attempt in the log until someone presses Retry, so what the console shows does not race the relay.
 */
export const CONSOLE_STACK_ENV: Record<string, string> = {
  HOOKRELAY_RETRY_SCHEDULE: '0,10m',
};

export const answerOk: ReplyFunction = () => ({
  status: 200,
  headers: { 'content-type': 'application/json' },
  body: '{"received":true}',
});

export const answerServerError: ReplyFunction = () => ({
  status: 500,
  headers: { 'content-type': 'text/plain' },
  body: 'receiver is down for maintenance',
});

export interface ConsoleStack {
  stack: Stack;
  receiver: Receiver;
  /** Where the API serves the console (and /v1). */
  consoleUrl: string;
  apiKey: string;
  client: ApiClient;
  stop(): Promise<void>;
}

/**
 * A database of its own, the API (serving the built console at /) and a relay as real processes, and a
 * receiver on 127.0.0.1 that answers 200 until told otherwise.
 */
export async function startConsoleStack(): Promise<ConsoleStack> {
  const receiver = await startReceiver({ reply: answerOk });
  try {
    const stack = await startStack({ extra: CONSOLE_STACK_ENV });
    return {
      stack,
      receiver,
      consoleUrl: stack.api.baseUrl,
      apiKey: stack.env.apiKey,
      client: stack.client,
      async stop() {
        await stack.stop();
        await receiver.close();
      },
    };
  } catch (error) {
    await receiver.close();
    throw error;
  }
}

/** A group and a published event with sign-ups, as the events platform would create them. */
export async function createEvent(client: ApiClient, title = 'Summer meetup'): Promise<{ id: string }> {
  const group = await client.create<{ id: string }>('/v1/groups', { name: 'Berlin makers' });
  return client.create<{ id: string }>('/v1/events', {
    group_id: group.id,
    title,
    status: 'published',
    rsvp_enabled: true,
    dates: [{ start: '2027-06-12T17:00:00Z', time_zone: 'Europe/Berlin', location: 'Kulturbrauerei' }],
  });
}

/** An RSVP (sign-up) through the API with the account's Bearer key. */
export function createRsvp(
  client: ApiClient,
  eventId: string,
  guest: { email: string; name: string },
): Promise<{ id: string }> {
  return client.create<{ id: string }>(`/v1/events/${eventId}/rsvps`, {
    ...guest,
    status: 'yes',
    seats: 1,
  });
}

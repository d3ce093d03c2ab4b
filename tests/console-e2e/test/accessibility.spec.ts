import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  answerServerError,
  createEvent,
  createRsvp,
  missingBrowserReason,
  openConsole,
  see,
  seriousViolations,
  signIn,
  useConsole,
} from '../src';

interface Visit {
  path: string;
  /** What shows once the page has its data. */
  ready: (page: Page) => Locator;
  /** Something to open first (a panel), by keyboard or click as a user would. */
  prepare?: (page: Page) => Promise<void>;
}

describe.skipIf(missingBrowserReason() !== null)('console: axe-core on every page', () => {
  const ctx = useConsole();
  let webhookId: string;
  let rsvpId: string;
  let deliveryId: string;

  beforeAll(async () => {
    const webhook = await ctx.stack.client.create<{ id: string }>('/v1/webhooks', {
      name: 'Sign-ups to the CRM',
      trigger: 'create',
      element: 'rsvp',
      method: 'POST',
      url: ctx.stack.receiver.url('/hooks/sign-ups'),
      headers: [
        { key: 'X-Guest-Email', value: '{{email}}' },
        { key: 'Authorization', value: 'Bearer crm-token', secret: true },
      ],
      body: [{ key: 'properties.event', value: '{{event.title}}' }],
      filter: [{ field: 'status', op: 'eq', value: 'yes' }],
    });
    webhookId = webhook.id;
    await ctx.stack.client.create('/v1/webhooks', {
      name: 'Event updates to the website',
      trigger: 'update',
      element: 'event',
      method: 'PUT',
      url: ctx.stack.receiver.url('/events/{{id}}'),
    });
    const event = await createEvent(ctx.stack.client);
    rsvpId = (await createRsvp(ctx.stack.client, event.id, { email: 'ada@example.com', name: 'Ada' })).id;
    await ctx.stack.receiver.waitFor(1, 15_000);
    ctx.stack.receiver.reply = answerServerError;
    await createRsvp(ctx.stack.client, event.id, { email: 'grace@example.com', name: 'Grace' });
    await ctx.stack.receiver.waitFor(2, 15_000);
    const deliveries = await ctx.stack.client.get<{ items: { id: string; element_id: string }[] }>(
      `/v1/deliveries?webhook_id=${webhookId}`,
    );
    deliveryId = deliveries.body.items.find((delivery) => delivery.element_id === rsvpId)?.id ?? '';
  });

  it('finds no serious or critical violation on the sign-in page or any page after it', async () => {
    const page = await ctx.browser.newPage();
    const violations: Record<string, string[]> = {};
    const check = async (name: string) => {
      const found = await seriousViolations(page);
      if (found.length > 0) violations[name] = found;
    };

    await openConsole(page, ctx.stack.consoleUrl);
    await see(page.getByRole('button', { name: 'Sign in' }));
    await check('sign-in');
    await signIn(page, ctx.stack.apiKey);

    const visits: Record<string, Visit> = {
      'webhooks list': {
        path: '/',
        ready: (p) => p.getByRole('switch', { name: 'Active: Sign-ups to the CRM' }),
      },
      'webhook form (new, variables open)': {
        path: '/webhooks/new',
        ready: (p) => p.getByRole('button', { name: /^email / }),
        prepare: (p) => p.getByRole('button', { name: 'Variables' }).click(),
      },
      'webhook form (saved, with preview)': {
        path: `/webhooks/${webhookId}`,
        ready: (p) => p.getByRole('heading', { name: 'Request as it will be sent' }),
      },
      'deliveries list': { path: '/deliveries', ready: (p) => p.getByRole('cell', { name: '500' }) },
      'delivery detail': {
        path: `/deliveries/${deliveryId}`,
        ready: (p) => p.getByRole('heading', { name: /^Attempt 1 / }),
      },
      'targets gallery': { path: '/targets', ready: (p) => p.getByRole('link', { name: 'Set up HubSpot' }) },
      'target settings form': {
        path: '/targets/hubspot',
        ready: (p) => p.getByRole('button', { name: 'Create webhook' }),
      },
      activity: {
        path: `/activity?element=rsvp&id=${rsvpId}`,
        ready: (p) => p.getByRole('heading', { name: 'Would each webhook fire?' }),
      },
      'API keys': { path: '/api-keys', ready: (p) => p.getByRole('button', { name: 'Create API key' }) },
    };
    for (const [name, visit] of Object.entries(visits)) {
      await page.goto(new URL(visit.path, ctx.stack.consoleUrl).toString());
      if (visit.prepare) {
        await see(page.locator('main h1'));
        await visit.prepare(page);
      }
      await see(visit.ready(page));
      await check(name);
    }
    expect(violations).toEqual({});
    await page.close();
  });

  it('reports a violation when there is one (the check itself works)', async () => {
    const page = await ctx.browser.newPage();
    await openConsole(page, ctx.stack.consoleUrl, '/api-keys');
    await see(page.getByRole('button', { name: 'Create API key' }));
    await page.evaluate(() => document.querySelector('main')?.append(document.createElement('button')));
    expect((await seriousViolations(page)).join('\n')).toMatch(/^button-name \(critical\)/m);
    await page.close();
  });
});

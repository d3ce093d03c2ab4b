/**
 * Screenshots of every console page for the docs (docs/console/*.png): a stack of real processes with
 * a few webhooks, sign-ups and deliveries (one failing), captured at laptop width 1280 and, for the
 * webhook list and form, at phone width 390.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import {
  answerOk,
  answerServerError,
  createEvent,
  createRsvp,
  launchBrowser,
  missingBrowserReason,
  openConsole,
  see,
  signIn,
  startConsoleStack,
  type ConsoleStack,
} from '../src';

const outDir = resolve(__dirname, '../../../docs/console');
const LAPTOP = { width: 1280, height: 800 };
const LAPTOP_TALL = { width: 1280, height: 1600 };
const PHONE = { width: 390, height: 844 };

interface Seeded {
  crmWebhookId: string;
  failedDeliveryId: string;
  rsvpId: string;
}

async function seed({ client, receiver }: ConsoleStack): Promise<Seeded> {
  const crm = await client.create<{ id: string }>('/v1/webhooks', {
    name: 'Sign-ups to the CRM',
    trigger: 'create',
    element: 'rsvp',
    method: 'POST',
    url: receiver.url('/crm/contacts'),
    headers: [
      { key: 'X-Guest-Email', value: '{{email}}' },
      { key: 'Authorization', value: 'Bearer crm-token-1234', secret: true },
    ],
    body: [
      { key: 'properties.email', value: '{{email}}' },
      { key: 'properties.event', value: '{{event.title}}' },
      { key: 'seats', value: '{{seats}}' },
    ],
    filter: [{ field: 'status', op: 'eq', value: 'yes' }],
  });
  await client.create('/v1/webhooks', {
    name: 'Event pages on the website',
    trigger: 'update',
    element: 'event',
    method: 'PUT',
    url: receiver.url('/website/events/{{id}}'),
    body: [{ key: 'title', value: '{{title}}' }],
    ordering: 'per_element',
  });
  await client.create('/v1/webhooks', {
    name: 'Cancelled sign-ups to Slack',
    status: 'disabled',
    trigger: 'delete',
    element: 'rsvp',
    target: { kind: 'slack', settings: { webhook_url: 'https://hooks.slack.com/services/T0/B0/XXXX' } },
  });

  const summer = await createEvent(client, 'Summer meetup');
  const guests = [
    { email: 'ada@example.com', name: 'Ada Lovelace' },
    { email: 'grace@example.com', name: 'Grace Hopper' },
    { email: 'katherine@example.com', name: 'Katherine Johnson' },
  ];
  let rsvpId = '';
  for (const guest of guests) rsvpId = (await createRsvp(client, summer.id, guest)).id;
  await receiver.waitFor(guests.length, 15_000);

  receiver.reply = answerServerError;
  const failed = await createRsvp(client, summer.id, { email: 'hedy@example.com', name: 'Hedy Lamarr' });
  await receiver.waitFor(guests.length + 1, 15_000);
  receiver.reply = answerOk;
  await client.patch(`/v1/events/${summer.id}`, { title: 'Summer meetup at the river' });
  await receiver.waitFor(guests.length + 2, 15_000);

  const deliveries = await client.get<{ items: { id: string; element_id: string; attempts: number }[] }>(
    '/v1/deliveries',
  );
  const failedDelivery = deliveries.body.items.find((delivery) => delivery.element_id === failed.id);
  if (!failedDelivery) throw new Error('the failed delivery is not listed');
  // the relay records the attempt just after the receiver answered
  for (let i = 0; i < 50; i++) {
    const one = await client.get<{ attempts: number }>(`/v1/deliveries/${failedDelivery.id}`);
    if (one.body.attempts > 0) break;
    await new Promise((done) => setTimeout(done, 100));
  }
  await client.post('/v1/api-keys', {});
  return { crmWebhookId: crm.id, failedDeliveryId: failedDelivery.id, rsvpId };
}

/** The window, the whole page (`fullPage`), or the page's top `maxHeight` pixels. */
async function capture(
  page: Page,
  name: string,
  { fullPage = false, maxHeight }: { fullPage?: boolean; maxHeight?: number } = {},
): Promise<void> {
  // no caret or focus ring caught mid-blink
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const clip = maxHeight
    ? { x: 0, y: 0, width: page.viewportSize()?.width ?? 0, height: maxHeight }
    : undefined;
  await page.screenshot({
    path: resolve(outDir, `${name}.png`),
    fullPage: fullPage || clip !== undefined,
    animations: 'disabled',
    ...(clip ? { clip } : {}),
  });
  console.log(`docs/console/${name}.png`);
}

async function visit(page: Page, stack: ConsoleStack, path: string, ready: (page: Page) => Promise<unknown>) {
  await page.goto(new URL(path, stack.consoleUrl).toString());
  await ready(page);
}

async function main(): Promise<void> {
  const missing = missingBrowserReason();
  if (missing) throw new Error(`screenshots need Chromium: ${missing}`);
  await mkdir(outDir, { recursive: true });
  const stack = await startConsoleStack();
  const browser = await launchBrowser({ viewport: LAPTOP });
  try {
    const { crmWebhookId, failedDeliveryId, rsvpId } = await seed(stack);
    const page = await browser.newPage();

    await openConsole(page, stack.consoleUrl);
    await page.getByLabel('API key').fill('hr_live_••••••••••••••••');
    await capture(page, 'sign-in');
    await page.getByLabel('API key').fill('');
    await signIn(page, stack.apiKey);

    await see(page.getByRole('switch', { name: 'Active: Sign-ups to the CRM' }));
    await capture(page, 'webhooks');

    // tall enough for the whole form, and for the side panels, which scroll within the window's height
    await page.setViewportSize(LAPTOP_TALL);
    await visit(page, stack, `/webhooks/${crmWebhookId}`, async (p) => {
      await see(p.getByRole('heading', { name: 'Request as it will be sent' }));
      await p.getByRole('button', { name: 'Variables' }).click();
      await see(p.getByRole('button', { name: /^email / }));
    });
    await capture(page, 'webhook-form');
    await page.setViewportSize(LAPTOP);

    await visit(page, stack, '/deliveries', (p) => see(p.getByRole('cell', { name: '500' })));
    await capture(page, 'deliveries');

    await visit(page, stack, `/deliveries/${failedDeliveryId}`, (p) =>
      see(p.getByText('receiver is down for maintenance')),
    );
    await capture(page, 'delivery', { fullPage: true });

    await visit(page, stack, '/targets', (p) => see(p.getByRole('link', { name: 'Set up HubSpot' })));
    await capture(page, 'targets');

    await visit(page, stack, '/targets/hubspot', (p) =>
      see(p.getByRole('button', { name: 'Create webhook' })),
    );
    await capture(page, 'target-settings');

    await visit(page, stack, `/activity?element=rsvp&id=${rsvpId}`, (p) =>
      see(p.getByRole('heading', { name: 'Would each webhook fire?' })),
    );
    await capture(page, 'activity');

    await visit(page, stack, '/api-keys', (p) => see(p.getByRole('button', { name: /^Revoke / })));
    await capture(page, 'api-keys');

    await page.setViewportSize(PHONE);
    await visit(page, stack, '/', (p) => see(p.getByRole('switch', { name: 'Active: Sign-ups to the CRM' })));
    await capture(page, 'webhooks-phone', { fullPage: true });
    await visit(page, stack, `/webhooks/${crmWebhookId}`, (p) =>
      see(p.getByRole('heading', { name: 'Request as it will be sent' })),
    );
    await capture(page, 'webhook-form-phone', { maxHeight: 1800 });
  } finally {
    await browser.close();
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

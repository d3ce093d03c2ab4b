import { describe, expect, it } from 'vitest';
import {
  answerOk,
  answerServerError,
  createEvent,
  createRsvp,
  missingBrowserReason,
  openConsole,
  see,
  signIn,
  useConsole,
} from '../src';

describe.skipIf(missingBrowserReason() !== null)('console: a webhook, its deliveries and a retry', () => {
  const ctx = useConsole();

  it('creates an RSVP webhook with a variable, and its delivery shows the receiver’s 200', async () => {
    const page = await ctx.browser.newPage();
    await openConsole(page, ctx.stack.consoleUrl);
    await signIn(page, ctx.stack.apiKey);

    await page.getByRole('link', { name: 'New webhook' }).click();
    await see(page.getByRole('heading', { name: 'New webhook' }));
    await page.getByLabel('Name', { exact: true }).fill('Sign-ups to the CRM');
    await page.getByLabel('Trigger', { exact: true }).selectOption({ label: 'Create' });
    await page.getByLabel('Trigger element').selectOption({ label: 'RSVP' });
    await page.getByLabel('Method').selectOption('POST');
    await page.getByLabel('Payload URL').fill(ctx.stack.receiver.url('/hooks/sign-ups'));

    const headers = page.getByRole('group', { name: 'Headers' });
    await headers.getByRole('button', { name: 'Add' }).click();
    await headers.getByLabel('Key', { exact: true }).fill('X-Guest-Email');
    const headerValue = headers.getByLabel('Value', { exact: true });
    await headerValue.fill('guest: ');

    await page.getByRole('button', { name: 'Variables' }).click();
    const variables = page.getByRole('region', { name: 'Variables: RSVP, Create' });
    await variables.getByRole('button', { name: /^email / }).click();
    expect(await headerValue.inputValue()).toBe('guest: {{email}}');

    await page.getByRole('button', { name: 'Save' }).click();
    await see(page.getByText('Webhook created.'));
    await see(page.getByRole('heading', { name: 'Edit “Sign-ups to the CRM”' }));

    const event = await createEvent(ctx.stack.client);
    const rsvp = await createRsvp(ctx.stack.client, event.id, { email: 'ada@example.com', name: 'Ada' });
    const [request] = await ctx.stack.receiver.waitFor(1, 15_000);
    expect(request?.headers['x-guest-email']).toBe('guest: ada@example.com');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Deliveries' }).click();
    await see(page.getByRole('heading', { name: 'Deliveries' }));
    const row = page.getByRole('row').filter({ hasText: rsvp.id });
    await see(row.filter({ hasText: 'Delivered' }));
    expect(await row.getByRole('cell').allTextContents()).toEqual(
      expect.arrayContaining(['Sign-ups to the CRM', 'Create · RSVP', 'Delivered', '1', '200']),
    );
    await page.close();
  });

  it('shows a failed attempt, and Retry delivers it once the receiver is back', async () => {
    ctx.stack.receiver.reply = answerServerError;
    const before = ctx.stack.receiver.requests.length;
    const event = await createEvent(ctx.stack.client, 'Autumn meetup');
    const rsvp = await createRsvp(ctx.stack.client, event.id, { email: 'grace@example.com', name: 'Grace' });
    await ctx.stack.receiver.waitFor(before + 1, 15_000);

    const page = await ctx.browser.newPage();
    await openConsole(page, ctx.stack.consoleUrl, '/deliveries');
    const row = page.getByRole('row').filter({ hasText: rsvp.id });
    await see(row.filter({ hasText: '500' }));
    expect(await row.getByRole('cell').allTextContents()).toEqual(
      expect.arrayContaining(['Pending', '1', '500']),
    );

    await row.getByRole('link', { name: /^Details of delivery / }).click();
    await see(page.getByRole('heading', { name: /^Delivery / }));
    const attempt = (n: number) =>
      page
        .getByRole('article')
        .filter({ has: page.getByRole('heading', { name: new RegExp(`^Attempt ${n} `) }) });
    await see(attempt(1).getByText('receiver is down for maintenance'));

    ctx.stack.receiver.reply = answerOk;
    await page.getByRole('button', { name: 'Retry' }).click();
    await see(page.getByText('Queued to be sent again.'));
    await ctx.stack.receiver.waitFor(before + 2, 15_000);
    await see(attempt(2).getByText('"received": true'));
    await see(page.getByText('Delivered', { exact: true }));
    await page.close();
  });
});

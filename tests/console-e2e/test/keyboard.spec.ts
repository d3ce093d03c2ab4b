import { describe, expect, it } from 'vitest';
import { focusedName, missingBrowserReason, openConsole, see, tabTo, useConsole } from '../src';

/** Tab, Shift+Tab, Enter, arrow keys and typing only: no click anywhere in this file. */
describe.skipIf(missingBrowserReason() !== null)('console: keyboard only', () => {
  const ctx = useConsole();

  it('signs in and creates a webhook, a variable included, without a mouse', async () => {
    const page = await ctx.browser.newPage();
    const { keyboard } = page;
    await openConsole(page, ctx.stack.consoleUrl);

    await tabTo(page, 'API key');
    await keyboard.type(ctx.stack.apiKey);
    await keyboard.press('Enter');
    await see(page.getByRole('heading', { name: 'Webhooks' }));

    await tabTo(page, 'New webhook');
    await keyboard.press('Enter');
    await see(page.getByRole('heading', { name: 'New webhook' }));

    await tabTo(page, 'Name');
    await keyboard.type('Event titles to the website');
    await tabTo(page, 'Trigger');
    await keyboard.press('ArrowDown'); // Create → Update
    await tabTo(page, 'Trigger element');
    await keyboard.type('Event');
    await tabTo(page, 'Method');
    await keyboard.press('ArrowDown'); // POST → PUT
    await tabTo(page, 'Payload URL');
    await keyboard.type(ctx.stack.receiver.url('/events/{{id}}'));

    // Headers' Add is the first Add after the URL; the new row's Key takes the focus
    await tabTo(page, 'Add');
    await keyboard.press('Enter');
    expect(await focusedName(page)).toBe('Key');
    await keyboard.type('X-Event-Title');
    await keyboard.press('Tab');
    expect(await focusedName(page)).toBe('Value');
    await keyboard.type('Now: ');

    // back to Variables beside Trigger element; its search takes the focus, a variable goes in at the caret
    await tabTo(page, 'Variables', { backwards: true });
    await keyboard.press('Enter');
    expect(await focusedName(page)).toBe('Search variables');
    await keyboard.type('title');
    await tabTo(page, /^title /);
    await keyboard.press('Enter');
    expect(await focusedName(page)).toBe('Value');
    const headers = page.getByRole('group', { name: 'Headers' });
    expect(await headers.getByLabel('Value', { exact: true }).inputValue()).toBe('Now: {{title}}');

    await tabTo(page, 'Save');
    await keyboard.press('Enter');
    await see(page.getByText('Webhook created.'));
    await see(page.getByRole('heading', { name: 'Edit “Event titles to the website”' }));

    await tabTo(page, 'Back to webhooks', { backwards: true, maxPresses: 100 });
    await keyboard.press('Enter');
    const row = page.getByRole('row').filter({ hasText: 'Event titles to the website' });
    await see(row);
    expect(await row.getByRole('cell').allTextContents()).toEqual(
      expect.arrayContaining(['Update · Event', 'PUT', `127.0.0.1:${ctx.stack.receiver.port}`]),
    );
    await see(row.getByRole('switch', { name: 'Active: Event titles to the website', checked: true }));

    const listed = await ctx.stack.client.get<{ items: { headers: { key: string; value: string }[] }[] }>(
      '/v1/webhooks',
    );
    expect(listed.body.items[0]?.headers).toEqual([
      expect.objectContaining({ key: 'X-Event-Title', value: 'Now: {{title}}' }),
    ]);
    await page.close();
  });
});
